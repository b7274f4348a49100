import OpenAI from 'openai';
import { ConvrecError } from '../errors/index.js';
import type {
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelStreamPart,
  OutputMode,
} from './language-model.js';
import type { ModelCallLimits } from './model-call-limits.js';
import { toChatRequestBody, type ChatRequestTarget } from './openai-chat-request.js';
import { readChatCompletion } from './openai-chat-response.js';
import { toModelError } from './openai-error.js';
import { StreamAssembler } from './openai-stream-assembler.js';
import { isUnsupportedOutputFormat, weakerOutputMode } from './output-mode-fallback.js';
import { parseJson } from './parse-json.js';
import { readBoundedBody } from './read-bounded-body.js';
import { RequestDeadline, outputCapError, outputChars } from './request-deadline.js';
import { limitRetryAfter, type FetchFunction } from './retry-after-limit.js';
import { retryDelayMs, serverRefusesRetry, waitUnlessAborted } from './retry-delay.js';

const openAIBaseURL = 'https://api.openai.com/v1';
/** A server asking to wait longer than this is not retried (the error says how long it asked). */
const maxRetryAfterSeconds = 60;
/** Room for the JSON around the text in a non-streamed body, beyond twice the output cap. */
const bodyOverheadChars = 16_384;

export interface OpenAIChatModelOptions {
  model: string;
  apiKey?: string;
  /** e.g. `http://localhost:11434/v1` for Ollama; defaults to OpenAI. */
  baseURL?: string;
  /** Time to the response headers per request, and the longest silence inside a stream. */
  timeoutMs?: number;
  /**
   * The longest one request may take, from sending it to the last byte of the answer, however
   * steadily the server sends (default: no limit beyond `timeoutMs`).
   */
  deadlineMs?: number;
  /** Most characters of text and tool arguments one call may return; more is MODEL_OUTPUT_INVALID. */
  maxOutputChars?: number;
  /**
   * Retries of 408, 409, 429, 5xx, timeouts and connection failures, with exponential backoff or the
   * server's retry-after; a server asking to wait more than a minute is not retried. Default 2.
   */
  maxRetries?: number;
  /** 'auto' starts with a strict JSON schema and falls back when the server refuses it. */
  outputMode?: 'auto' | OutputMode;
  fetch?: FetchFunction;
  /** A ready client; apiKey, baseURL, timeoutMs and fetch are then ignored. */
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
  private readonly maxRetries: number;
  private readonly limits: ModelCallLimits;
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
        // Retries are made here, so that each has its own deadline and draws from a turn's budget.
        maxRetries: 0,
        timeout: options.timeoutMs ?? 60_000,
        logLevel: 'off',
        fetch: limitRetryAfter(options.fetch ?? globalThis.fetch, maxRetryAfterSeconds),
      });
    this.maxRetries = options.maxRetries ?? (options.client ? options.client.maxRetries : 2);
    this.limits = {
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
      ...(options.maxOutputChars !== undefined ? { maxOutputChars: options.maxOutputChars } : {}),
    };
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

  generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    return this.generateWithin(this.limits, request, signal);
  }

  stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    return this.streamWithin(this.limits, request, signal);
  }

  /** This model with `limits` over its own (the output mode it learnt stays shared). */
  withLimits(limits: ModelCallLimits): LanguageModel {
    const combined = { ...this.limits, ...limits };
    return {
      provider: this.provider,
      modelId: this.modelId,
      generate: (request, signal) => this.generateWithin(combined, request, signal),
      stream: (request, signal) => this.streamWithin(combined, request, signal),
      withLimits: (more) => this.withLimits({ ...combined, ...more }),
    };
  }

  /** Only getting the response is retried: once a 200 answer is being read, a failure is final. */
  private async generateWithin(
    limits: ModelCallLimits,
    request: GenerateRequest,
    signal: AbortSignal | undefined,
  ): Promise<GenerateResult> {
    const cap = limits.maxOutputChars;
    const { value: opened, deadline } = await this.withRetries(limits, signal, (deadline) =>
      this.withOutputMode(request, (body) =>
        this.client.chat.completions.create(body, requestOptions(deadline.signal)).asResponse(),
      ),
    );
    try {
      const text = await readBoundedBody(
        opened.value,
        cap === undefined ? Infinity : cap * 2 + bodyOverheadChars,
      );
      if (text === undefined) throw outputCapError(this.modelId, cap!);
      const json = parseJson(text);
      if (!json.ok) {
        throw new ConvrecError(
          'MODEL_UNAVAILABLE',
          `model "${this.modelId}": the server sent JSON that cannot be read (${json.error})`,
          { retryable: true },
        );
      }
      const result = readChatCompletion(json.value, this.modelId);
      if (cap !== undefined && outputChars(result) > cap) throw outputCapError(this.modelId, cap);
      return opened.mode === undefined ? result : { ...result, outputMode: opened.mode };
    } catch (error) {
      throw deadline.failure() ?? toModelError(error, { modelId: this.modelId, signal });
    } finally {
      deadline.dispose();
    }
  }

  /**
   * Streams text deltas, then the assembled tool calls, then one finish. A stream that ends before
   * the server sent a finish reason (cut off or truncated) throws MODEL_UNAVAILABLE, retryable,
   * because half an answer or half a tool call's arguments must not pass as complete. Only opening
   * the stream is retried: deltas already given out cannot be taken back.
   */
  private async *streamWithin(
    limits: ModelCallLimits,
    request: GenerateRequest,
    signal: AbortSignal | undefined,
  ): AsyncIterable<ModelStreamPart> {
    const context = { modelId: this.modelId, signal };
    const { value: opened, deadline } = await this.withRetries(limits, signal, (deadline) =>
      this.withOutputMode(request, (body) =>
        this.client.chat.completions.create(
          { ...body, stream: true, stream_options: { include_usage: true } },
          requestOptions(deadline.signal),
        ),
      ),
    );
    const { value: chunks, mode } = opened;
    const cap = limits.maxOutputChars;
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
        if (cap !== undefined && assembler.outputChars > cap) {
          deadline.stop(outputCapError(this.modelId, cap));
          break;
        }
        if (delta !== '') yield { type: 'text-delta', delta };
        if (signal?.aborted) break;
      }
    } catch (error) {
      throw deadline.failure() ?? (idle ? this.silenceError() : toModelError(error, context));
    } finally {
      clearTimeout(timer);
      deadline.dispose();
    }
    const failure = deadline.failure();
    if (failure) throw failure;
    if (idle) throw this.silenceError();
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

  private silenceError(): ConvrecError {
    return new ConvrecError(
      'MODEL_TIMEOUT',
      `model "${this.modelId}": the stream was silent for ${this.streamIdleTimeoutMs} ms`,
      { retryable: true },
    );
  }

  /**
   * Sends a request, each try with its own deadline, retrying a retryable failure up to
   * `maxRetries` times while the limits' budget has retries left (the server's `x-should-retry:
   * false` is obeyed). The caller disposes the returned deadline when the answer is read.
   */
  private async withRetries<T>(
    limits: ModelCallLimits,
    signal: AbortSignal | undefined,
    send: (deadline: RequestDeadline) => Promise<T>,
  ): Promise<{ value: T; deadline: RequestDeadline }> {
    const context = { modelId: this.modelId, signal };
    for (let retry = 0; ; retry++) {
      const deadline = new RequestDeadline(this.modelId, limits.deadlineMs, signal, limits.turnDeadline);
      try {
        const stopped = deadline.failure();
        if (stopped) throw stopped;
        return { value: await send(deadline), deadline };
      } catch (error) {
        deadline.dispose();
        const failure = deadline.failure() ?? toModelError(error, context);
        const again =
          failure.retryable &&
          !serverRefusesRetry(error) &&
          retry < this.maxRetries &&
          (limits.retryBudget?.take() ?? true);
        if (!again) throw failure;
        // A cancel or the turn's deadline ends the wait; the next try then fails at once.
        await waitUnlessAborted(retryDelayMs(error, retry), [signal, limits.turnDeadline]);
      }
    }
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

/** Per request: the request's own signal, and no retries inside the SDK (they are made here). */
function requestOptions(signal: AbortSignal): OpenAI.RequestOptions {
  return { signal, maxRetries: 0 };
}
