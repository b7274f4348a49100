/** convrec public API: the recommender agent, language models, profiles, catalogs, indexes and hybrid retrieval. */
export * from './errors/index.js';
export * from './catalog/index.js';
export * from './titles/index.js';
export * from './index-store/index.js';
export type { EmbeddingModel } from './embeddings/embedding-model.js';
export { OfflineEmbedder, type OfflineEmbedderOptions } from './embeddings/offline/offline-embedder.js';
export { OpenAIEmbeddingModel, type OpenAIEmbeddingOptions } from './embeddings/openai-embedding-model.js';
export {
  loadInteractionLog,
  type InteractionLog,
  type Interaction,
} from './collaborative/interaction-log.js';
export { buildCooccurrence, type CooccurrenceData } from './collaborative/cooccurrence.js';
export {
  Retriever,
  defaultRetrievalWeights,
  retrieveRequestSchema,
  retrievalFiltersSchema,
  compileFilters,
  reciprocalRankFusion,
  openRetriever,
  type RetrieveRequest,
  type Candidate,
  type RetrievalWeights,
  type RetrievalFilters,
  type RankedList,
  type FusedEntry,
  type OpenRetrieverOptions,
} from './retrieval/index.js';
export {
  buildRetrievalRequest,
  type DialogueReading,
  type DialogueMention,
} from './dialogue/build-retrieval-request.js';
export { readDialogue, type DialogueReadingSource } from './dialogue/read-dialogue.js';
export type { DialogueMessage } from './dialogue/dialogue-message.js';
export {
  extendLexicon,
  lexiconExtensionSchema,
  lexiconSchema,
  movieLexicon,
  type Concept,
  type Effect,
  type Lexicon,
  type LexiconExtension,
} from './lexicon/index.js';
export {
  applyTurn,
  initialState,
  replayTranscript,
  type DialogueState,
  type TurnUpdate,
} from './dialogue/state/index.js';
export { loadConfig, type ConvrecConfig } from './config/load-config.js';
export {
  redialFiles,
  runRedialEval,
  type RedialEvalOptions,
  type RedialEvalResult,
} from './eval/run-redial-eval.js';
export {
  loadEvalDataset,
  runEval,
  formatEvalMarkdown,
  rankingLines,
  writeRankings,
  recallPlotSvg,
  type EvalDataset,
  type EvalDatasetFiles,
  type EvalOptions,
  type EvalReport,
  type EvalRun,
  type TurnRanker,
  type TurnRanking,
} from './eval/generic/index.js';
export {
  FaithfulnessTally,
  unsupportedClaims,
  type Claim,
  type FaithfulnessReport,
} from './eval/faithfulness/index.js';
export {
  createRecommender,
  Session,
  TurnStream,
  type CreateRecommenderOptions,
  type Recommender,
  type SendOptions,
  type SessionEnd,
  type TurnEvent,
  type TurnResult,
  type Recommendation,
  type TurnUsage,
  type TurnTimings,
  type Degradation,
  type ModelCallUsage,
  type ToolCallRecord,
} from './agent/index.js';
export * from './model/index.js';
export * from './profile/index.js';
export * from './prompts/index.js';
export {
  createOfflineReader,
  understandingSchema,
  emptyUnderstanding,
  type Understanding,
} from './understanding/index.js';
export {
  OnePassReranker,
  SlidingWindowReranker,
  type Reranker,
  type RerankInput,
  type RerankOutcome,
} from './ranking/index.js';
export { loadO200kCounter, approximateTokenCounter, type TokenCounter } from './usage/token-counter.js';
export { promptText, displayText, displayJson, type DisplayTextOptions } from './untrusted/index.js';
