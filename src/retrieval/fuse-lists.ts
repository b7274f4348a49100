import { reciprocalRankFusion, type FusedEntry, type RankedList } from './fusion.js';
import type { RetrievalWeights } from './retrieval-weights.js';
import { scoreFusion } from './score-fusion.js';

/**
 * Fuses a request's source lists as the weights say (rank or score fusion), keeps the entries that
 * score above 0, and applies the popularity prior when there is a log (`popularity` defined).
 */
export function fuseLists(
  lists: RankedList[],
  weights: Pick<RetrievalWeights, 'fusion' | 'rrfK' | 'popularityPrior'>,
  popularity?: (id: string) => number,
): FusedEntry[] {
  const fused = (
    weights.fusion === 0
      ? reciprocalRankFusion(lists, weights.rrfK)
      : scoreFusion(lists, {
          normalization: weights.fusion === 2 ? 'min-max' : 'z-score',
          rrfK: weights.rrfK,
        })
  ).filter((entry) => entry.score > 0);
  if (weights.popularityPrior !== 0 && popularity) {
    for (const entry of fused) entry.score *= (1 + popularity(entry.id)) ** weights.popularityPrior;
    fused.sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1));
  }
  return fused;
}
