import { describe, expect, it } from 'vitest';
import { NeighbourCache } from '../../src/retrieval/neighbour-cache.js';

/** Items on a line: an item's neighbours are the nearest positions, by distance. */
function lineSearch(itemCount: number) {
  let searches = 0;
  const search = (position: number, k: number) => {
    searches++;
    return Array.from({ length: itemCount }, (_, other) => other)
      .sort((left, right) => Math.abs(left - position) - Math.abs(right - position) || left - right)
      .slice(0, k)
      .map((other) => ({ position: other, similarity: 1 - Math.abs(other - position) / itemCount }));
  };
  return { search, count: () => searches };
}

describe('NeighbourCache', () => {
  it('searches each item once, leaves the item out and applies the filter to the cached list', () => {
    const line = lineSearch(100);
    const cache = new NeighbourCache(line.search, 20);
    const first = cache.neighbours(50, 4, 100)!;
    expect(first.map((hit) => hit.position)).toEqual([49, 51, 48, 52]);
    const even = cache.neighbours(50, 4, 100, (position) => position % 2 === 0)!;
    expect(even.map((hit) => hit.position)).toEqual([48, 52, 46, 54]);
    expect(line.count()).toBe(1);
  });

  it('gives up when the filter leaves fewer than asked, unless the list holds the whole catalog', () => {
    const line = lineSearch(100);
    const cache = new NeighbourCache(line.search, 20);
    expect(cache.neighbours(50, 4, 100, (position) => position > 90)).toBeUndefined();
    const small = new NeighbourCache(lineSearch(10).search, 20);
    expect(small.neighbours(5, 4, 10, (position) => position > 7)!.map((hit) => hit.position)).toEqual([
      8, 9,
    ]);
  });
});
