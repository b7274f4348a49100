import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/fusion.js';
import { scoreFusion } from '../../src/retrieval/score-fusion.js';

describe('scoreFusion', () => {
  // `dense` is sure of `a` and indifferent after it; `lexical` has a flat list led by `b`.
  const lists = [
    { source: 'dense', ids: ['a', 'b', 'c', 'd'], scores: [0.95, 0.41, 0.4, 0.39], weight: 1 },
    { source: 'lexical', ids: ['b', 'c', 'a', 'd'], scores: [5.1, 5.0, 4.9, 4.8], weight: 1 },
  ];

  it('lets a source whose best hit stands out win where rank fusion ties', () => {
    const rrf = reciprocalRankFusion(lists, 60);
    expect(rrf[0]!.id).toBe('b');
    for (const normalization of ['z-score', 'min-max'] as const) {
      const fused = scoreFusion(lists, { normalization });
      expect(fused[0]!.id).toBe('a');
      expect(fused[0]!.ranks).toEqual({ dense: 1, lexical: 3 });
    }
  });

  it('scores min-max from 0 (weakest) to the weight (best), absent items 0', () => {
    const fused = scoreFusion([{ source: 'dense', ids: ['x', 'y', 'z'], scores: [3, 2, 1], weight: 2 }], {
      normalization: 'min-max',
    });
    expect(fused.map((entry) => [entry.id, entry.score])).toEqual([
      ['x', 2],
      ['y', 1],
      ['z', 0],
    ]);
  });

  it('ranks lists without scores by 1 / (k + rank) and lets a negative weight push items down', () => {
    const fused = scoreFusion(
      [
        { source: 'people', ids: ['p', 'q', 'r'], weight: 1 },
        { source: 'disliked', ids: ['p'], scores: [0.9], weight: -2 },
      ],
      { normalization: 'min-max', rrfK: 10 },
    );
    expect(fused.map((entry) => entry.id)).toEqual(['q', 'r', 'p']);
  });
});
