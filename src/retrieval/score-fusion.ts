import type { FusedEntry, RankedList } from './fusion.js';

/** How a source's scores are put on a common scale within one query. */
export type ScoreNormalization = 'min-max' | 'z-score';

/**
 * A list's scores, normalised within this query so its weakest entry is 0: divided by the range
 * (min-max: the best is 1) or by the standard deviation (z-score: a source whose best hit stands
 * out from the rest counts more). Lists without their own scores use 1 / (rrfK + rank).
 */
function normalisedScores(list: RankedList, normalization: ScoreNormalization, rrfK: number): number[] {
  const raw = list.scores ?? list.ids.map((_, index) => 1 / (rrfK + index + 1));
  if (raw.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const value of raw) {
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
  }
  let scale: number;
  if (normalization === 'min-max') scale = max - min;
  else {
    const mean = sum / raw.length;
    let variance = 0;
    for (const value of raw) variance += (value - mean) ** 2;
    scale = Math.sqrt(variance / raw.length);
  }
  // A list whose entries all score the same (or a single entry) gives each of them full weight.
  if (!(scale > 1e-12)) return raw.map(() => 1);
  return raw.map((value) => (value - min) / scale);
}

/**
 * Weighted score fusion: score(d) = Σ weight · normalised score of d in each list (0 when absent).
 * Unlike rank fusion it keeps how far apart a source's hits are. Ranks are recorded as in
 * `reciprocalRankFusion`; ties break on id.
 */
export function scoreFusion(
  lists: RankedList[],
  options: { normalization?: ScoreNormalization; rrfK?: number } = {},
): FusedEntry[] {
  const normalization = options.normalization ?? 'z-score';
  const entries = new Map<string, FusedEntry>();
  for (const list of lists) {
    const scores = normalisedScores(list, normalization, options.rrfK ?? 60);
    list.ids.forEach((id, index) => {
      const rank = index + 1;
      let entry = entries.get(id);
      if (!entry) entries.set(id, (entry = { id, score: 0, ranks: {} }));
      entry.score += list.weight * scores[index]!;
      const previous = entry.ranks[list.source];
      if (previous === undefined || rank < previous) entry.ranks[list.source] = rank;
    });
  }
  return [...entries.values()].sort(
    (left, right) => right.score - left.score || (left.id < right.id ? -1 : 1),
  );
}
