import { describe, expect, it } from 'vitest';
import {
  buildCooccurrence,
  cooccurrenceSchema,
  cooccurrenceSimilarity,
} from '../../src/collaborative/cooccurrence.js';
import type { Interaction } from '../../src/collaborative/interaction-log.js';

const session = (sessionId: string, ...itemIds: string[]): Interaction => ({ sessionId, itemIds });
const known = new Set(['a', 'b', 'c', 'd', 'e']);

/** a and b are watched together in four sessions; a and c once; x is not in the catalog. */
const sessions = [
  session('1', 'a', 'b'),
  session('2', 'a', 'b', 'x'),
  session('3', 'a', 'b', 'c'),
  session('4', 'b', 'a', 'a'),
  session('5', 'c', 'd'),
  session('6', 'd'),
];

describe('buildCooccurrence', () => {
  const data = buildCooccurrence(sessions, known);
  const count = (left: string, right: string) => data.neighbours[left]?.find(([id]) => id === right)?.[1];

  it('counts each item once per session and ignores ids outside the catalog', () => {
    expect(data.sessions).toBe(6);
    expect(data.popularity).toEqual({ a: 4, b: 4, c: 2, d: 2 });
    expect(Object.keys(data.neighbours).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(data.neighbours['a']!.map(([id]) => id)).not.toContain('x');
  });

  it('ranks the pair watched together most often first', () => {
    expect(data.neighbours['a']).toEqual([
      ['b', 4],
      ['c', 1],
    ]);
    expect(data.neighbours['b']![0]![0]).toBe('a');
  });

  it('is symmetric: a with b as often as b with a', () => {
    for (const [left, right] of [
      ['a', 'b'],
      ['a', 'c'],
      ['c', 'd'],
      ['b', 'c'],
    ] as const)
      expect(count(left, right)).toBe(count(right, left));
  });

  it('breaks count ties by id, and caps the neighbour list', () => {
    expect(data.neighbours['c']!.map(([id]) => id)).toEqual(['a', 'b', 'd']);
    expect(buildCooccurrence(sessions, known, { maxNeighbours: 1 }).neighbours['c']).toEqual([['a', 1]]);
  });

  it('gives no neighbours to an item only ever seen alone', () => {
    expect(buildCooccurrence([session('1', 'e'), session('2', 'e')], known)).toMatchObject({
      popularity: { e: 2 },
      neighbours: {},
    });
  });

  it('produces data that passes its own persisted schema', () => {
    expect(cooccurrenceSchema.safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
  });
});

describe('cooccurrenceSimilarity', () => {
  it('is the shrunk cosine at alpha 0.5: count / (sqrt(pop_i · pop_j) + shrinkage)', () => {
    expect(cooccurrenceSimilarity(4, 4, 4, 0.5, 2)).toBeCloseTo(4 / 6, 12);
    expect(cooccurrenceSimilarity(1, 4, 2, 0.5, 2)).toBeCloseTo(1 / (Math.sqrt(8) + 2), 12);
    expect(cooccurrenceSimilarity(1, 4, 2, 0.5, 2)).toBeCloseTo(cooccurrenceSimilarity(1, 2, 4, 0.5, 2), 12);
  });

  it('ranks a pair watched together more often higher', () => {
    expect(cooccurrenceSimilarity(4, 4, 4, 0.3, 2)).toBeGreaterThan(cooccurrenceSimilarity(1, 4, 4, 0.3, 2));
  });

  it('penalizes popular neighbours less as alpha falls', () => {
    // Seed seen 4 times; both neighbours co-occur twice with it, one is seen 10 times, one twice.
    const popular = (alpha: number) => cooccurrenceSimilarity(2, 4, 10, alpha, 0);
    const rare = (alpha: number) => cooccurrenceSimilarity(2, 4, 2, alpha, 0);
    expect(popular(0.5)).toBeLessThan(rare(0.5));
    expect(popular(0)).toBeCloseTo(rare(0), 12); // count / pop_i: P(j | i)
    expect(popular(0)).toBeCloseTo(0.5, 12);
  });
});
