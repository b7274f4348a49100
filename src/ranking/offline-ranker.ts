import type { Candidate, Retriever, RetrieveRequest } from '../retrieval/index.js';
import { defaultOfflineRankerWeights, type OfflineRankerWeights } from './offline-ranker-weights.js';
import { rankingFeatureNames, rankingFeatures } from './ranking-features.js';

export { defaultOfflineRankerWeights, type OfflineRankerWeights } from './offline-ranker-weights.js';

/** What the offline ranker reads: the retrieved candidates, the request they answer, the retriever. */
export interface OfflineRankInput {
  candidates: Candidate[];
  request: RetrieveRequest;
  retriever: Retriever;
}

/**
 * Deterministic reordering of retrieved candidates without a language model: a linear model over
 * per-candidate features (see `rankingFeatures`). Returns the same candidates, best first, each with
 * the ranker's score (higher is better, comparable within one call); ties keep retrieval order.
 */
export function offlineRank(
  input: OfflineRankInput,
  weights: OfflineRankerWeights = defaultOfflineRankerWeights,
): Candidate[] {
  const { candidates, request, retriever } = input;
  if (candidates.length === 0) return [];
  const coefficients = rankingFeatureNames.map((name) => weights.features[name] ?? 0);
  const scored = rankingFeatures(candidates, request, retriever).map((features, position) => {
    let score = 0;
    for (let index = 0; index < coefficients.length; index++)
      score += coefficients[index]! * features[index]!;
    return { candidate: candidates[position]!, score, position };
  });
  scored.sort((left, right) => right.score - left.score || left.position - right.position);
  return scored.map(({ candidate, score }) => ({ ...candidate, score }));
}
