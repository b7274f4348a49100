/** The language-model layer: the model contract, the OpenAI-compatible adapter, structured output. */
export type {
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelMessage,
  ModelPurpose,
  ModelStreamPart,
  ModelToolCall,
  ModelToolSpec,
  ModelUsage,
  OutputMode,
  StructuredOutputSpec,
} from './language-model.js';
export { OpenAIChatModel, type OpenAIChatModelOptions } from './openai-compatible-model.js';
export { limitModel } from './limited-model.js';
export type { ModelCallLimits } from './model-call-limits.js';
export { RetryBudget } from './retry-budget.js';
export { generateObject, type GenerateObjectOptions, type GenerateObjectResult } from './generate-object.js';
export { extractJson } from './extract-json.js';
export { parseJson, type JsonParseResult } from './parse-json.js';
export { toStrictJsonSchema, type StrictJsonSchema } from './strict-json-schema.js';
export {
  ScriptedModel,
  type ScriptedCall,
  type ScriptedFailure,
  type ScriptedModelOptions,
  type ScriptedResponse,
  type ScriptedStep,
  type ScriptedToolCall,
} from './scripted-model.js';
export {
  RecordReplayModel,
  ModelCacheMissError,
  ModelCacheInvalidError,
  requestKey,
  type RecordReplayOptions,
  type RecordReplayStats,
} from './record-replay/index.js';
