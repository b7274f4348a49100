import OpenAI from 'openai';
import { ConvrecError } from '../errors/index.js';
import { defaultLimits } from '../limits/limits-schema.js';
import { untilAborted } from '../model/limited-model.js';
import { RequestDeadline } from '../model/request-deadline.js';
import { limitRetryAfter } from '../model/retry-after-limit.js';
import type { RetryBudget } from '../model/retry-budget.js';
import { retryDelayMs, serverRefusesRetry, waitUnlessAborted } from '../model/retry-delay.js';
import { normalizeVector, type EmbeddingCallLimits, type EmbeddingModel } from './embedding-model.js';

/** A server asking to wait longer than this is not retried (the error says how long it asked). */
const maxRetryAfterSeconds = 60;

const knownDimensions: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export interface OpenAIEmbeddingOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  /** Required for models whose size is not known here (local servers); or call `detectDimensions`. */
  dimensions?: number;
  /** Inputs per request (the OpenAI API accepts up to 2,048). */
  maxBatchSize?: number;
  /**
   * Retries of retryable failures (connection, timeouts, 408, 409, 429, 5xx), each a new request
   * with its own deadline; never a 400. Default 3.
   */
  maxRetries?: number;
  /** Time to the response headers per request. */
  timeoutMs?: number;
  /**
   * The longest one request may take, from sending it to the last byte of the answer, however
   * steadily the server sends (default 60 s, as `modelDeadlineMs`).
   */
  deadlineMs?: number;
  /**
   * Retries shared with other calls: once spent, a failing request fails at once. A call's own
   * `limits.retryBudget` (its turn's) takes its place.
   */
  retryBudget?: RetryBudget;
  /** Injected client, for tests against a local server. */
  client?: OpenAI;
}

/** Embeddings from any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp, LM Studio). */
export class OpenAIEmbeddingModel implements EmbeddingModel {
  readonly provider = 'openai-compatible';
  readonly modelId: string;
  readonly maxBatchSize: number;
  private dimensionCount: number | undefined;
  private readonly client: OpenAI;
  private readonly maxRetries: number;
  private readonly deadlineMs: number;
  private readonly retryBudget: RetryBudget | undefined;

  constructor(options: OpenAIEmbeddingOptions) {
    this.modelId = options.model;
    this.maxBatchSize = Math.min(options.maxBatchSize ?? 256, 2048);
    this.dimensionCount = options.dimensions ?? knownDimensions[options.model];
    this.client =
      options.client ??
      new OpenAI({
        apiKey: options.apiKey ?? 'not-needed',
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        // Retries are made here, so that each has its own deadline and draws from the budget.
        maxRetries: 0,
        timeout: options.timeoutMs ?? 60_000,
        logLevel: 'off',
        fetch: limitRetryAfter(globalThis.fetch, maxRetryAfterSeconds),
      });
    this.maxRetries = options.maxRetries ?? (options.client ? options.client.maxRetries : 3);
    this.deadlineMs = options.deadlineMs ?? defaultLimits.modelDeadlineMs;
    this.retryBudget = options.retryBudget;
  }

  /** False until the vector size is configured, known for the model, or detected. */
  get hasKnownDimensions(): boolean {
    return this.dimensionCount !== undefined;
  }

  get dimensions(): number {
    if (this.dimensionCount === undefined) {
      throw new ConvrecError(
        'CONFIG_INVALID',
        `the size of embedding model "${this.modelId}" is unknown: set CONVREC_EMBEDDING_DIMENSIONS or call detectDimensions()`,
      );
    }
    return this.dimensionCount;
  }

  /** Embeds one probe text to learn the vector size. */
  async detectDimensions(signal?: AbortSignal): Promise<number> {
    const [vector] = await this.request(['dimension probe'], signal);
    this.dimensionCount = vector!.length;
    return this.dimensionCount;
  }

  async embed(texts: string[], signal?: AbortSignal, limits?: EmbeddingCallLimits): Promise<number[][]> {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += this.maxBatchSize) {
      const batch = await this.request(texts.slice(start, start + this.maxBatchSize), signal, limits);
      for (const vector of batch) out.push(vector);
    }
    return out;
  }

  /**
   * One batch, each try bounded by its own deadline from the moment it is sent; a retryable failure
   * is tried again up to `maxRetries` times while the budget lasts (`x-should-retry: false` obeyed).
   * A turn's deadline stops it with TURN_DEADLINE_EXCEEDED.
   */
  private async request(
    texts: string[],
    signal?: AbortSignal,
    limits: EmbeddingCallLimits = {},
  ): Promise<number[][]> {
    const retryBudget = limits.retryBudget ?? this.retryBudget;
    const body = {
      model: this.modelId,
      input: texts.map((text) => text || ' '),
      encoding_format: 'float' as const,
    };
    for (let retry = 0; ; retry++) {
      const deadline = new RequestDeadline(this.modelId, this.deadlineMs, signal, limits.turnDeadline);
      let response: OpenAI.CreateEmbeddingResponse;
      try {
        const stopped = deadline.failure();
        if (stopped) throw stopped;
        response = await untilAborted(
          this.client.embeddings.create(body, { signal: deadline.signal, maxRetries: 0 }),
          deadline,
        );
      } catch (error) {
        const failure = deadline.failure() ?? this.requestError(error);
        const again =
          failure.retryable &&
          !serverRefusesRetry(error) &&
          retry < this.maxRetries &&
          (retryBudget?.take() ?? true);
        if (!again) throw failure;
        await waitUnlessAborted(retryDelayMs(error, retry), [signal, limits.turnDeadline]);
        continue;
      } finally {
        deadline.dispose();
      }
      return this.vectorsOf(response, texts.length);
    }
  }

  private requestError(error: unknown): ConvrecError {
    if (error instanceof ConvrecError) return error;
    const status = error instanceof OpenAI.APIError ? error.status : undefined;
    const retryable =
      status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
    return new ConvrecError(
      'EMBEDDING_FAILED',
      `embedding request to model "${this.modelId}" failed${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`,
      { retryable, cause: error },
    );
  }

  private vectorsOf(response: OpenAI.CreateEmbeddingResponse, count: number): number[][] {
    const data = [...response.data].sort((left, right) => left.index - right.index);
    if (data.length !== count || data.some((entry) => !Array.isArray(entry.embedding))) {
      throw new ConvrecError(
        'EMBEDDING_FAILED',
        `the endpoint returned ${data.length} embeddings for ${count} texts`,
      );
    }
    return data.map((entry) => normalizeVector([...entry.embedding]));
  }
}
