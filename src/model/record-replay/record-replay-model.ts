import { ConvrecError } from '../../errors/index.js';
import type { GenerateRequest, GenerateResult, LanguageModel, ModelStreamPart } from '../language-model.js';
import { limitModel } from '../limited-model.js';
import type { ModelCallLimits } from '../model-call-limits.js';
import { entryParts, entryResult, type CacheEntry } from './cache-entry.js';
import { ModelCache } from './model-cache.js';
import { ModelCacheMissError } from './model-cache-miss-error.js';
import { canonicalRequest, requestKey } from './request-key.js';

export interface RecordReplayOptions {
  /** The cache folder (one file per request). */
  directory: string;
  /**
   * 'record': answer from the cache when it holds the request (a rerun resumes), else call `model`
   * and store its response. 'replay': answer only from the cache; a miss is a ModelCacheMissError.
   */
  mode: 'record' | 'replay';
  /** The model recorded; needed to record. */
  model?: LanguageModel;
  /** The model id the cache keys on when replaying without a model (default: `model.modelId`). */
  modelId?: string;
  /** Largest cache file read (default 8 MiB). */
  maxFileBytes?: number;
}

/** What a record/replay model did: calls answered from the cache, calls made and stored. */
export interface RecordReplayStats {
  replayed: number;
  recorded: number;
}

/** State shared by a model and its `withLimits` views. */
interface Shared {
  cache: ModelCache;
  mode: RecordReplayOptions['mode'];
  stats: RecordReplayStats;
  failures: ConvrecError[];
}

function describe(request: GenerateRequest): string {
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  const said = lastUser ? `"${lastUser.content.replace(/\s+/g, ' ').slice(0, 80)}"` : '(none)';
  return `purpose "${request.purpose}", last user message ${said}`;
}

/**
 * A LanguageModel over a folder of recorded responses (a decorator over the model seam): keyed by
 * the SHA-256 of the canonical request (model, purpose, messages, tools, output, parameters). The
 * agent turns a model failure into a degraded turn, so cache failures are also kept in `failures`
 * for the caller to check (`throwIfFailed`) after each turn.
 */
export class RecordReplayModel implements LanguageModel {
  readonly provider: string;
  readonly modelId: string;

  private constructor(
    private readonly shared: Shared,
    private readonly inner: LanguageModel | undefined,
    modelId: string,
  ) {
    this.modelId = modelId;
    this.provider = inner ? inner.provider : 'replay';
  }

  static create(options: RecordReplayOptions): RecordReplayModel {
    const modelId = options.modelId ?? options.model?.modelId;
    if (options.mode === 'record' && !options.model)
      throw new ConvrecError(
        'MODEL_NOT_CONFIGURED',
        `recording into ${options.directory} needs a model to call`,
      );
    if (!modelId)
      throw new ConvrecError(
        'MODEL_NOT_CONFIGURED',
        `replaying ${options.directory} needs the recorded model's name`,
      );
    const shared: Shared = {
      cache: new ModelCache(options.directory, options.maxFileBytes),
      mode: options.mode,
      stats: { replayed: 0, recorded: 0 },
      failures: [],
    };
    return new RecordReplayModel(shared, options.mode === 'record' ? options.model : undefined, modelId);
  }

  /** Calls answered from the cache and calls recorded so far (all views together). */
  get stats(): RecordReplayStats {
    return { ...this.shared.stats };
  }

  /** Cache misses and unusable cache files so far, in order. */
  get failures(): readonly ConvrecError[] {
    return this.shared.failures;
  }

  /** Throws the first cache failure, if any: a replayed run must not score degraded turns. */
  throwIfFailed(): void {
    const first = this.shared.failures[0];
    if (first) throw first;
  }

  withLimits(limits: ModelCallLimits): LanguageModel {
    return new RecordReplayModel(this.shared, this.inner && limitModel(this.inner, limits), this.modelId);
  }

  async generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const key = requestKey(this.modelId, request);
    const cached = await this.lookup(key, request, signal);
    if (cached) return entryResult(cached);
    const result = await this.inner!.generate(request, signal);
    await this.store({
      key,
      request: canonicalRequest(this.modelId, request),
      response: { kind: 'generate', result },
    });
    return result;
  }

  async *stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    const key = requestKey(this.modelId, request);
    const cached = await this.lookup(key, request, signal);
    if (cached) {
      for (const part of entryParts(cached)) {
        this.throwIfAborted(signal);
        yield part;
      }
      return;
    }
    const parts: ModelStreamPart[] = [];
    for await (const part of this.inner!.stream(request, signal)) {
      parts.push(part);
      yield part;
    }
    if (parts.at(-1)?.type !== 'finish') return;
    await this.store({
      key,
      request: canonicalRequest(this.modelId, request),
      response: { kind: 'stream', parts },
    });
  }

  /** The cached entry, or undefined when the inner model must be called; throws (and keeps) a cache failure. */
  private async lookup(
    key: string,
    request: GenerateRequest,
    signal: AbortSignal | undefined,
  ): Promise<CacheEntry | undefined> {
    this.throwIfAborted(signal);
    let entry: CacheEntry | undefined;
    try {
      entry = await this.shared.cache.read(key);
      if (!entry && this.shared.mode === 'replay')
        throw new ModelCacheMissError(key, this.shared.cache.directory, describe(request));
    } catch (error) {
      if (error instanceof ConvrecError) this.shared.failures.push(error);
      throw error;
    }
    if (entry) this.shared.stats.replayed++;
    return entry;
  }

  private async store(entry: Omit<CacheEntry, 'format'>): Promise<void> {
    await this.shared.cache.write({ format: 'convrec-model-cache-1', ...entry } as CacheEntry);
    this.shared.stats.recorded++;
  }

  private throwIfAborted(signal: AbortSignal | undefined): void {
    if (signal?.aborted)
      throw new ConvrecError('ABORTED', `model "${this.modelId}": the call was cancelled`, {
        cause: signal.reason,
      });
  }
}
