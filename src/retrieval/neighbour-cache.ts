import type { VectorHit } from '../index-store/index.js';

/** How many items' neighbour lists are kept (least recently used go first): ~1.6 KB each at depth 200. */
const maxEntries = 4096;

/**
 * Each item's nearest items by vector, unfiltered and a little deeper than a request needs, kept
 * for the items a conversation keeps coming back to (the titles a user likes are seeds of every
 * later turn, and popular titles are seeds in many conversations). A request's filters are applied
 * to the cached list; when they leave too few, the caller searches with the filter instead.
 */
export class NeighbourCache {
  private readonly entries = new Map<number, { positions: Int32Array; similarities: Float32Array }>();

  constructor(
    private readonly search: (position: number, k: number) => VectorHit[],
    /** Neighbours kept per item. */
    readonly depth: number,
  ) {}

  /**
   * Up to `k` neighbours of the item at `position` that `accept` lets through (the item itself never),
   * nearest first; undefined when the cached list holds fewer than `k` of them and the catalog has more.
   */
  neighbours(
    position: number,
    k: number,
    itemCount: number,
    accept?: (position: number) => boolean,
  ): VectorHit[] | undefined {
    const entry = this.entry(position);
    const hits: VectorHit[] = [];
    for (let index = 0; index < entry.positions.length && hits.length < k; index++) {
      const other = entry.positions[index]!;
      if (other === position || (accept && !accept(other))) continue;
      hits.push({ position: other, similarity: entry.similarities[index]! });
    }
    const exhaustive = entry.positions.length >= itemCount;
    return hits.length >= k || exhaustive ? hits : undefined;
  }

  private entry(position: number) {
    const cached = this.entries.get(position);
    if (cached) {
      // Most recently used last.
      this.entries.delete(position);
      this.entries.set(position, cached);
      return cached;
    }
    const hits = this.search(position, this.depth);
    const entry = {
      positions: Int32Array.from(hits, (hit) => hit.position),
      similarities: Float32Array.from(hits, (hit) => hit.similarity),
    };
    this.entries.set(position, entry);
    if (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
