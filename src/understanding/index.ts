export {
  understandingSchema,
  emptyUnderstanding,
  emptyConstraints,
  intents,
  titleSentiments,
  qualityPolarities,
  type Understanding,
  type Constraints,
  type Quality,
  type Relaxation,
} from './understanding-schema.js';
export { understandWithModel, type LlmUnderstandInput } from './llm-understanding.js';
export {
  requestFromState,
  distinctiveSharedGenre,
  type ProfileSignals,
  type SoftPreferences,
  type StateRequest,
  type StateRequestInput,
} from './request-from-state.js';
export {
  createOfflineReader,
  defaultIntentModel,
  OfflineReader,
  type ReaderContext,
  type ReaderSource,
  type MessageReading,
} from './offline/index.js';
