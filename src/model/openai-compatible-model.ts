import OpenAI from 'openai';
import { ConvrecError } from '../errors/index.js';
import { abortable } from './abortable.js';
import type {
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelStreamPart,
  OutputMode,
} from './language-model.js';
import { toChatRequestBody, type ChatRequestTarget } from './openai-chat-request.js';
import { readChatCompletion } from './openai-chat-response.js';
import { toModelError } from './openai-error.js';
import { StreamAssembler } from './openai-stream-assembler.js';
import { isUnsupportedOutputFormat, weakerOutputMode } from './output-mode-fallback.js';
import { limitRetryAfter, type FetchFunction } from './retry-after-limit.js';

const openAIBaseURL = 'https://api.openai.com/v1';
/** A server asking to wait longer than this is not retried (the error says how long it asked). */
const maxRetryAfterSeconds = 60;

export interface OpenAIChatModelOptions {
  model: string;
  apiKey?: string;
  /** e.g. `http://localhost:11434/v1` for Ollama; defaults to OpenAI. */
  baseURL?: string;
  /** Time to the response headers per attempt, and the longest silence inside a stream. */
  timeoutMs?: number;
  /**
   * Retries of 408, 409, 429, 5xx and connection failures, with the SDK's backoff and retry-after;
   * a server asking to wait more than a minute is not retried.
   */
  maxRetries?: number;
  /** 'auto' starts with a strict JSON schema and falls back when the server refuses it. */
  outputMode?: 'auto' | OutputMode;
  fetch?: FetchFunction;
  /** A ready client; apiKey, baseURL, timeoutMs, maxRetries and fetch are then ignored. */
  client?: OpenAI;
}

/** A chat model behind any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp). */
export class OpenAIChatModel implements LanguageModel {
  readonly provider = 'openai-compatible';
  readonly modelId: string;
  private readonly client: OpenAI;
  private readonly target: ChatRequestTarget;
  private readonly autoOutputMode: boolean;
  private readonly streamIdleTimeoutMs: number;
  private outputMode: OutputMode;

  constructor(options: OpenAIChatModelOptions) {
    this.modelId = options.model;
    this.client =
      options.client ??
      new OpenAI({
        apiKey: options.apiKey ?? 'not-needed',
        baseURL: options.baseURL ?? openAIBaseURL,
        organization: null,
        project: null,
        maxRetries: options.maxRetries ?? 2,
        timeout: options.timeoutMs ?? 60_000,
        logLevel: 'off',
        fetch: limitRetryAfter(options.fetch ?? globalThis.fetch, maxRetryAfterSeconds),
      });
    this.target = {
      modelId: options.model,
      isOpenAI: /^https:\/\/api\.openai\.com\//.test(this.client.baseURL),
    };
    this.autoOutputMode = (options.outputMode ?? 'auto') === 'auto';
    this.outputMode =
      options.outputMode === undefined || options.outputMode === 'auto' ? 'json-schema' : options.outputMode;
    this.streamIdleTimeoutMs = this.client.timeout;
  }

  /** How structured output is requested now; in auto mode it weakens once the server refuses a mode. */
  get currentOutputMode(): OutputMode {
    return this.outputMode;
  }

  async generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const context = { modelId: this.modelId, signal };
    try {
      const { value, mode } = await this.withOutputMode(request, (body) =>
        abortable(this.client.chat.completions.create(body, requestOptions(signal)), signal, this.modelId),
      );
      const result = readChatCompletion(value, this.modelId);
      return mode === undefined ? result : { ...result, outputMode: mode };
    } catch (error) {
      throw toModelError(error, context);
    }
  }

  /**
   * Streams text deltas, then the assembled tool calls, then one finish. A stream that ends before
   * the server sent a finish reason (cut off or truncated) throws MODEL_UNAVAILABLE, retryable,
   * because half an answer or half a tool call's arguments must not pass as complete.
   */
  async *stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    const context = { modelId: this.modelId, signal };
    let opened;
    try {
      opened = await this.withOutputMode(request, (body) =>
        abortable(
          this.client.chat.completions.create(
            { ...body, stream: true, stream_options: { include_usage: true } },
            requestOptions(signal),
          ),
          signal,
          this.modelId,
        ),
      );
    } catch (error) {
      throw toModelError(error, context);
    }
    const { value: chunks, mode } = opened;
    const assembler = new StreamAssembler(this.modelId);
    let idle = false;
    let timer: NodeJS.Timeout | undefined;
    const armIdleTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        idle = true;
        chunks.controller.abort();
      }, this.streamIdleTimeoutMs);
    };
    try {
      armIdleTimer();
      for await (const chunk of chunks) {
        armIdleTimer();
        const delta = assembler.push(chunk);
        if (delta !== '') yield { type: 'text-delta', delta };
        if (signal?.aborted) break;
      }
    } catch (error) {
      throw toModelError(error, context);
    } finally {
      clearTimeout(timer);
    }
    if (signal?.aborted) throw toModelError(signal.reason, context);
    if (idle) {
      throw new ConvrecError(
        'MODEL_TIMEOUT',
        `model "${this.modelId}": the stream was silent for ${this.streamIdleTimeoutMs} ms`,
        { retryable: true },
      );
    }
    if (!assembler.finished) {
      throw new ConvrecError(
        'MODEL_UNAVAILABLE',
        `model "${this.modelId}": the stream ended before the model finished its answer`,
        { retryable: true },
      );
    }
    for (const call of assembler.toolCalls()) yield { type: 'tool-call', call };
    yield { type: 'finish', result: assembler.result(mode) };
  }

  /**
   * Sends the request in the current output mode; in auto mode, a server that refuses the
   * response format is asked again in the next weaker mode, which is kept once it works.
   */
  private async withOutputMode<T>(
    request: GenerateRequest,
    send: (body: ReturnType<typeof toChatRequestBody>) => Promise<T>,
  ): Promise<{ value: T; mode: OutputMode | undefined }> {
    if (!request.output)
      return { value: await send(toChatRequestBody(this.target, request, undefined)), mode: undefined };
    let mode = this.outputMode;
    for (;;) {
      try {
        const value = await send(toChatRequestBody(this.target, request, mode));
        this.outputMode = mode;
        return { value, mode };
      } catch (error) {
        const weaker = weakerOutputMode(mode);
        if (!this.autoOutputMode || weaker === undefined || !isUnsupportedOutputFormat(error)) throw error;
        mode = weaker;
      }
    }
  }
}

function requestOptions(signal: AbortSignal | undefined): OpenAI.RequestOptions {
  return signal ? { signal } : {};
}
