/**
 * The `k` best of the candidates `0 … count − 1` by `better` (a strict total order), best first, by a
 * bounded min-heap (O(n log k)) instead of sorting all n. `include` is asked only about a candidate
 * that would enter the heap, so an expensive filter (an item's id looked up and checked against the
 * request) runs for a few hundred candidates, not for the whole catalog; the result is the same as
 * sorting every candidate, filtering, and taking the first `k`.
 */
export function bestK(
  count: number,
  k: number,
  better: (left: number, right: number) => boolean,
  include?: (candidate: number) => boolean,
): number[] {
  const heap: number[] = [];
  if (k <= 0) return heap;
  // The heap's root is its worst entry.
  const worse = (left: number, right: number) => better(right, left);
  const down = (start: number) => {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let worst = index;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === index) return;
      [heap[index], heap[worst]] = [heap[worst]!, heap[index]!];
      index = worst;
    }
  };
  for (let candidate = 0; candidate < count; candidate++) {
    if (heap.length < k) {
      if (include && !include(candidate)) continue;
      heap.push(candidate);
      let index = heap.length - 1;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (!worse(heap[index]!, heap[parent]!)) break;
        [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
        index = parent;
      }
    } else if (better(candidate, heap[0]!) && (!include || include(candidate))) {
      heap[0] = candidate;
      down(0);
    }
  }
  return heap.sort((left, right) => (better(left, right) ? -1 : better(right, left) ? 1 : 0));
}

/** The `k` entries of `ids` with the highest scores, best first (ties: the smaller id first). */
export function topK(
  ids: ArrayLike<number>,
  count: number,
  score: (id: number) => number,
  k: number,
): number[] {
  const better = (left: number, right: number) => {
    const leftScore = score(ids[left]!);
    const rightScore = score(ids[right]!);
    return leftScore > rightScore || (leftScore === rightScore && ids[left]! < ids[right]!);
  };
  return bestK(count, k, better).map((slot) => ids[slot]!);
}
