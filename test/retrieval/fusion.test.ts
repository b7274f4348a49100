import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/fusion.js';

describe('reciprocalRankFusion', () => {
  it('scores Σ weight / (k + rank), best first, keeping each list rank', () => {
    const fused = reciprocalRankFusion(
      [
        { source: 'dense', ids: ['x', 'y', 'z'], weight: 1 },
        { source: 'lexical', ids: ['y', 'x'], weight: 0.5 },
      ],
      1,
    );
    // x: 1/2 + 0.5/3 = 0.6667; y: 1/3 + 0.5/2 = 0.5833; z: 1/4 = 0.25
    expect(fused.map((entry) => entry.id)).toEqual(['x', 'y', 'z']);
    expect(fused[0]!.score).toBeCloseTo(2 / 3, 10);
    expect(fused[1]!.score).toBeCloseTo(7 / 12, 10);
    expect(fused[2]!.score).toBeCloseTo(1 / 4, 10);
    expect(fused[0]!.ranks).toEqual({ dense: 1, lexical: 2 });
    expect(fused[2]!.ranks).toEqual({ dense: 3 });
  });

  it('uses k = 60 by default', () => {
    const [only] = reciprocalRankFusion([{ source: 'dense', ids: ['a'], weight: 1 }]);
    expect(only!.score).toBeCloseTo(1 / 61, 12);
  });

  it('lets a negative weight push an item below the others', () => {
    const fused = reciprocalRankFusion(
      [
        { source: 'dense', ids: ['a', 'b', 'c'], weight: 1 },
        { source: 'disliked', ids: ['a'], weight: -0.5 },
      ],
      1,
    );
    // a: 1/2 - 0.5/2 = 0.25; b: 1/3; c: 1/4 (tie with a broken by id)
    expect(fused.map((entry) => entry.id)).toEqual(['b', 'a', 'c']);
    expect(fused[1]!.score).toBeCloseTo(0.25, 12);
  });

  it('breaks ties by id so the order is deterministic', () => {
    const fused = reciprocalRankFusion([
      { source: 'one', ids: ['zeta'], weight: 1 },
      { source: 'two', ids: ['alpha'], weight: 1 },
    ]);
    expect(fused.map((entry) => entry.id)).toEqual(['alpha', 'zeta']);
  });

  it('returns nothing for no lists', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
