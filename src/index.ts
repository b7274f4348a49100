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
  type RetrieveRequest,
  type Candidate,
  type RetrievalWeights,
  type RetrievalComponents,
} from './retrieval/retriever.js';
export { retrievalFiltersSchema, compileFilters, type RetrievalFilters } from './retrieval/filters.js';
export { reciprocalRankFusion, type RankedList, type FusedEntry } from './retrieval/fusion.js';
export { openRetriever, type OpenRetrieverOptions } from './retrieval/open-retriever.js';
export {
  buildRetrievalRequest,
  type DialogueReading,
  type DialogueMention,
} from './dialogue/build-retrieval-request.js';
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
export { createOfflineReader } from './understanding/offline/index.js';
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
  createRecommender,
  type CreateRecommenderOptions,
  type Recommender,
} from './agent/create-recommender.js';
export { Session, type SendOptions, type SessionEnd } from './agent/session.js';
export { TurnStream } from './agent/turn-stream.js';
export type {
  TurnEvent,
  TurnResult,
  Recommendation,
  TurnUsage,
  TurnTimings,
  Degradation,
  ModelCallUsage,
  ToolCallRecord,
} from './agent/turn-events.js';
export * from './model/index.js';
export * from './profile/index.js';
export * from './prompts/index.js';
export {
  understandingSchema,
  emptyUnderstanding,
  type Understanding,
} from './understanding/understanding-schema.js';
export type { Reranker, RerankInput, RerankOutcome } from './ranking/reranker.js';
export { OnePassReranker } from './ranking/one-pass-reranker.js';
export { SlidingWindowReranker } from './ranking/sliding-window-reranker.js';
export { loadO200kCounter, approximateTokenCounter, type TokenCounter } from './usage/token-counter.js';
export { promptText, displayText, displayJson, type DisplayTextOptions } from './untrusted/index.js';
