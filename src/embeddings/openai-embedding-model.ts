import OpenAI from 'openai';
import { ConvrecError } from '../errors/index.js';
import { normalizeVector, type EmbeddingModel } from './embedding-model.js';

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
  /** Retries of retryable failures (connection, 408, 409, 429, 5xx); the SDK never retries a 400. */
  maxRetries?: number;
  timeoutMs?: number;
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

  constructor(options: OpenAIEmbeddingOptions) {
    this.modelId = options.model;
    this.maxBatchSize = Math.min(options.maxBatchSize ?? 256, 2048);
    this.dimensionCount = options.dimensions ?? knownDimensions[options.model];
    this.client =
      options.client ??
      new OpenAI({
        apiKey: options.apiKey ?? 'not-needed',
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
        maxRetries: options.maxRetries ?? 3,
        timeout: options.timeoutMs ?? 60_000,
      });
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

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += this.maxBatchSize) {
      out.push(...(await this.request(texts.slice(start, start + this.maxBatchSize), signal)));
    }
    return out;
  }

  private async request(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await this.client.embeddings.create(
        { model: this.modelId, input: texts.map((text) => text || ' '), encoding_format: 'float' },
        signal ? { signal } : {},
      );
    } catch (error) {
      if (signal?.aborted) throw new ConvrecError('ABORTED', 'embedding was cancelled', { cause: error });
      const status = error instanceof OpenAI.APIError ? error.status : undefined;
      const retryable =
        status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
      throw new ConvrecError(
        'EMBEDDING_FAILED',
        `embedding request to model "${this.modelId}" failed${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`,
        { retryable, cause: error },
      );
    }
    const data = [...response.data].sort((left, right) => left.index - right.index);
    if (data.length !== texts.length || data.some((entry) => !Array.isArray(entry.embedding))) {
      throw new ConvrecError(
        'EMBEDDING_FAILED',
        `the endpoint returned ${data.length} embeddings for ${texts.length} texts`,
      );
    }
    return data.map((entry) => normalizeVector([...entry.embedding]));
  }
}
