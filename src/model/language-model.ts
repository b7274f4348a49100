import type { ModelCallLimits } from './model-call-limits.js';

/** One chat message sent to a language model. */
export type ModelMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ModelToolCall[] }
  | { role: 'tool'; content: string; toolCallId: string };

/** A tool call as the model emitted it; `arguments` is raw JSON text, validated by the tool. */
export interface ModelToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A tool the model may call: name, description and JSON Schema of its arguments. */
export interface ModelToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** Ask for JSON matching a schema. The adapter picks how (strict schema, JSON mode or plain text). */
export interface StructuredOutputSpec {
  name: string;
  /** JSON Schema of the expected object. */
  schema: Record<string, unknown>;
}

/**
 * How structured output was obtained: the server enforced the schema, the server only guaranteed
 * JSON, or the text was parsed and validated afterwards.
 */
export type OutputMode = 'json-schema' | 'json-object' | 'text';

/** What a call is for; scripted models and usage reports key on it. */
export type ModelPurpose =
  'understand' | 'rerank' | 'answer' | 'summarize' | 'reply' | 'agent' | (string & {});

export interface GenerateRequest {
  purpose: ModelPurpose;
  messages: ModelMessage[];
  tools?: ModelToolSpec[];
  output?: StructuredOutputSpec;
  maxOutputTokens?: number;
  temperature?: number;
}

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'other';

export interface GenerateResult {
  text: string;
  toolCalls: ModelToolCall[];
  finishReason: FinishReason;
  /** Token usage as reported by the server; absent when it reports none. */
  usage?: ModelUsage;
  /** Set when `output` was requested. */
  outputMode?: OutputMode;
}

/** Parts of a streamed generation, ending with exactly one `finish`. */
export type ModelStreamPart =
  | { type: 'text-delta'; delta: string }
  | { type: 'tool-call'; call: ModelToolCall }
  | { type: 'finish'; result: GenerateResult };

/**
 * A chat model. Implementations throw ConvrecError with a MODEL_* code; `retryable` says whether
 * trying again may help. Both methods honour the AbortSignal.
 */
export interface LanguageModel {
  /** e.g. "openai-compatible", "scripted". */
  readonly provider: string;
  readonly modelId: string;
  generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult>;
  stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart>;
  /**
   * A view of this model whose calls obey `limits`, for a model that applies them per request
   * (deadline, output cap, retries from the shared budget); `limitModel` wraps the others.
   */
  withLimits?(limits: ModelCallLimits): LanguageModel;
}
