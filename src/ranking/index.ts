export type { Reranker, RerankInput, RerankOutcome, RenderablePrompt } from './reranker.js';
export { OnePassReranker, type OnePassOptions } from './one-pass-reranker.js';
export { SlidingWindowReranker, type SlidingWindowOptions } from './sliding-window-reranker.js';
export {
  itemDescription,
  cardLine,
  buildCards,
  type CandidateCards,
  type CardOptions,
} from './candidate-cards.js';
export {
  offlineRank,
  defaultOfflineRankerWeights,
  type OfflineRankInput,
  type OfflineRankerWeights,
} from './offline-ranker.js';
