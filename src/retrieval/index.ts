export { Retriever, type SimilarityKind } from './retriever.js';
export { retrieveRequestSchema, type RetrieveRequest, type Candidate } from './retrieval-request.js';
export {
  defaultRetrievalWeights,
  retrievalWeightsSchema,
  type RetrievalWeights,
} from './retrieval-weights.js';
export { retrievalFiltersSchema, compileFilters, type RetrievalFilters } from './filters.js';
export { reciprocalRankFusion, type RankedList, type FusedEntry } from './fusion.js';
export { openRetriever, type OpenRetrieverOptions } from './open-retriever.js';
export { scoreFusion, type ScoreNormalization } from './score-fusion.js';
export { fuseLists } from './fuse-lists.js';
