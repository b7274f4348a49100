/** The `k` entries with the highest scores, best first, by a bounded min-heap (O(n log k)). */
export function topK(
  ids: ArrayLike<number>,
  count: number,
  score: (id: number) => number,
  k: number,
): number[] {
  const heap: number[] = [];
  const less = (left: number, right: number) =>
    score(left) < score(right) || (score(left) === score(right) && left > right);
  const down = (start: number) => {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  };
  for (let position = 0; position < count; position++) {
    const id = ids[position]!;
    if (heap.length < k) {
      heap.push(id);
      let index = heap.length - 1;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (!less(heap[index]!, heap[parent]!)) break;
        [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
        index = parent;
      }
    } else if (k > 0 && less(heap[0]!, id)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((left, right) => (less(left, right) ? 1 : less(right, left) ? -1 : 0));
}
