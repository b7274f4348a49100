import { ConvrecError } from '../errors/index.js';
import type {
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

/** A tool call in a script; `arguments` may be an object, and `id` is generated when left out. */
export interface ScriptedToolCall {
  id?: string;
  name: string;
  arguments: string | Record<string, unknown>;
}

/** A scripted answer; with `purpose`, the call must be for that purpose. */
export interface ScriptedResponse {
  purpose?: ModelPurpose;
  text?: string;
  toolCalls?: ScriptedToolCall[];
  usage?: ModelUsage;
  finishReason?: FinishReason;
  /** Reported when the request asked for output (default 'json-schema'). */
  outputMode?: OutputMode;
}

/** A scripted failure: the call throws `error`. */
export interface ScriptedFailure {
  purpose?: ModelPurpose;
  error: ConvrecError;
}

/** One step of a script: an answer, a failure, or a function of the request that answers. */
export type ScriptedStep =
  | ScriptedResponse
  | ScriptedFailure
  | ((request: GenerateRequest) => ScriptedResponse | Promise<ScriptedResponse>);

/** A request as the scripted model received it. */
export interface ScriptedCall {
  method: 'generate' | 'stream';
  purpose: ModelPurpose;
  messages: ModelMessage[];
  output?: StructuredOutputSpec;
  tools?: ModelToolSpec[];
}

export interface ScriptedModelOptions {
  modelId?: string;
}

/**
 * A LanguageModel that answers from a script, in order, for tests and examples. A call with no
 * step left or for another purpose throws MODEL_UNSCRIPTED_CALL; `assertComplete()` checks that
 * every step was used.
 */
export class ScriptedModel implements LanguageModel {
  readonly provider = 'scripted';
  readonly modelId: string;
  /** Every request received, unscripted ones included. */
  readonly calls: ScriptedCall[] = [];
  private readonly steps: ScriptedStep[];
  private used = 0;

  constructor(steps: ScriptedStep[], options: ScriptedModelOptions = {}) {
    this.steps = [...steps];
    this.modelId = options.modelId ?? 'scripted';
  }

  /** Steps not used yet. */
  get remaining(): number {
    return this.steps.length - this.used;
  }

  async generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    return this.answer('generate', request, signal);
  }

  async *stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    const result = await this.answer('stream', request, signal);
    for (const delta of splitText(result.text)) {
      throwIfAborted(signal, this.modelId);
      yield { type: 'text-delta', delta };
    }
    for (const call of result.toolCalls) yield { type: 'tool-call', call };
    throwIfAborted(signal, this.modelId);
    yield { type: 'finish', result };
  }

  /** Throws MODEL_UNSCRIPTED_CALL when steps were left unused, naming how many. */
  assertComplete(): void {
    if (this.remaining === 0) return;
    const purposes = this.steps
      .slice(this.used)
      .map((step) => (typeof step === 'function' ? '(function)' : (step.purpose ?? '(any purpose)')));
    throw new ConvrecError(
      'MODEL_UNSCRIPTED_CALL',
      `${this.remaining} scripted step(s) of model "${this.modelId}" were never called: ${purposes.join(', ')}`,
    );
  }

  private async answer(
    method: ScriptedCall['method'],
    request: GenerateRequest,
    signal: AbortSignal | undefined,
  ): Promise<GenerateResult> {
    this.calls.push(record(method, request));
    throwIfAborted(signal, this.modelId);
    const step = this.steps[this.used];
    const callNumber = this.calls.length;
    if (step === undefined) {
      throw unscripted(`call #${callNumber} has no scripted step left`, request);
    }
    if (typeof step !== 'function' && step.purpose !== undefined && step.purpose !== request.purpose) {
      throw unscripted(`step ${this.used + 1} expects purpose "${step.purpose}"`, request);
    }
    this.used++;
    if (typeof step !== 'function' && 'error' in step) throw step.error;
    const response = typeof step === 'function' ? await step(request) : step;
    return toResult(response, request, this.used);
  }
}

function toResult(response: ScriptedResponse, request: GenerateRequest, stepNumber: number): GenerateResult {
  const toolCalls: ModelToolCall[] = (response.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${stepNumber}_${index}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
  const result: GenerateResult = {
    text: response.text ?? '',
    toolCalls,
    finishReason: response.finishReason ?? (toolCalls.length > 0 ? 'tool-calls' : 'stop'),
  };
  if (response.usage) result.usage = response.usage;
  if (request.output) result.outputMode = response.outputMode ?? 'json-schema';
  return result;
}

function record(method: ScriptedCall['method'], request: GenerateRequest): ScriptedCall {
  const call: ScriptedCall = { method, purpose: request.purpose, messages: request.messages };
  if (request.output) call.output = request.output;
  if (request.tools) call.tools = request.tools;
  return call;
}

function unscripted(reason: string, request: GenerateRequest): ConvrecError {
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  const said = lastUser ? `"${lastUser.content.slice(0, 200)}"` : '(none)';
  return new ConvrecError(
    'MODEL_UNSCRIPTED_CALL',
    `unscripted model call: ${reason}; the call's purpose is "${request.purpose}", last user message ${said}`,
  );
}

function throwIfAborted(signal: AbortSignal | undefined, modelId: string): void {
  if (signal?.aborted) throw new ConvrecError('ABORTED', `model "${modelId}": the call was cancelled`);
}

/** Splits text into up to three deltas at word boundaries. */
function splitText(text: string): string[] {
  if (text === '') return [];
  const size = Math.ceil(text.length / 3);
  const deltas: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const space = text.indexOf(' ', end);
    if (end < text.length && space !== -1 && space - end < size) end = space + 1;
    deltas.push(text.slice(start, end));
    start = end;
  }
  return deltas;
}
