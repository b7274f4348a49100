import { describe, expect, it } from 'vitest';
import { buildItemVectors, similarItems } from '../../src/collaborative/item-similarity.js';

/**
 * Two communities: {a, b, c, d} are watched together often, {p, q, r, s} too. `x` was mentioned
 * once, with `a` only; `y` once, with `p` only.
 */
const sessions: string[][] = [
  ...Array.from({ length: 6 }, () => ['a', 'b', 'c']),
  ...Array.from({ length: 6 }, () => ['b', 'c', 'd']),
  ...Array.from({ length: 6 }, () => ['a', 'd']),
  ...Array.from({ length: 6 }, () => ['p', 'q', 'r']),
  ...Array.from({ length: 6 }, () => ['q', 'r', 's']),
  ...Array.from({ length: 6 }, () => ['p', 's']),
  ['x', 'a'],
  ['y', 'p'],
];

describe('SPPMI + SVD item vectors', () => {
  const vectors = buildItemVectors(sessions, { rank: 4, shift: 1, singularPower: 0.5 });

  it('gives an item with a single co-mention neighbours it was never mentioned with', () => {
    const neighbours = similarItems(vectors, [{ id: 'x', weight: 1 }], 4).map(([id]) => id);
    expect(neighbours.length).toBeGreaterThan(1);
    // Never co-mentioned with x, but in a's community: they come before the other community.
    const community = neighbours.filter((id) => ['b', 'c', 'd'].includes(id));
    expect(community.length).toBeGreaterThan(0);
    expect(neighbours.slice(0, 3).some((id) => ['p', 'q', 'r', 's', 'y'].includes(id))).toBe(false);
  });

  it('keeps the communities apart and leaves the seeds out', () => {
    const neighbours = similarItems(vectors, [{ id: 'q', weight: 1 }], 3).map(([id]) => id);
    expect(neighbours).not.toContain('q');
    expect(neighbours.every((id) => ['p', 'r', 's', 'y'].includes(id))).toBe(true);
  });

  it('returns nothing for seeds the log never saw', () => {
    expect(similarItems(vectors, [{ id: 'unknown', weight: 1 }], 5)).toEqual([]);
  });
});
