export { createRecommender, type CreateRecommenderOptions, type Recommender } from './create-recommender.js';
export { Session, type SendOptions, type SessionEnd } from './session.js';
export { TurnStream } from './turn-stream.js';
export type {
  TurnEvent,
  TurnResult,
  TurnIntent,
  Recommendation,
  TurnUsage,
  TurnTimings,
  Degradation,
  ModelCallUsage,
  ToolCallRecord,
} from './turn-events.js';
