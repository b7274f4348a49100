import type {
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelStreamPart,
} from '../model/language-model.js';
import { requestChars, requestTokens, type TokenCounter } from './token-counter.js';

/** One model call as metered: tokens (reported by the server or counted here), time, prompt size. */
export interface MeteredCall {
  purpose: string;
  inputTokens: number;
  outputTokens: number;
  counted: 'reported' | 'estimated';
  ms: number;
  promptChars: number;
  failed: boolean;
}

/**
 * Wraps a model and records every call made through it, so a turn's usage is complete whichever
 * path (structured output, repair retry, stream, sliding windows) made the calls.
 */
export class MeteredModel implements LanguageModel {
  readonly calls: MeteredCall[] = [];

  constructor(
    private readonly inner: LanguageModel,
    private readonly counter: TokenCounter,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get provider(): string {
    return this.inner.provider;
  }

  get modelId(): string {
    return this.inner.modelId;
  }

  private record(request: GenerateRequest, started: number, result?: GenerateResult, text = ''): void {
    const reported = result?.usage;
    this.calls.push({
      purpose: request.purpose,
      inputTokens: reported?.inputTokens ?? requestTokens(request, this.counter),
      outputTokens:
        reported?.outputTokens ??
        this.counter.count(
          (result?.text ?? text) +
            (result?.toolCalls.map((call) => call.name + call.arguments).join('') ?? ''),
        ),
      counted: reported ? 'reported' : 'estimated',
      ms: this.clock() - started,
      promptChars: requestChars(request),
      failed: result === undefined,
    });
  }

  async generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const started = this.clock();
    try {
      const result = await this.inner.generate(request, signal);
      this.record(request, started, result);
      return result;
    } catch (error) {
      this.record(request, started);
      throw error;
    }
  }

  async *stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    const started = this.clock();
    let text = '';
    let finished = false;
    try {
      for await (const part of this.inner.stream(request, signal)) {
        if (part.type === 'text-delta') text += part.delta;
        if (part.type === 'finish') {
          finished = true;
          this.record(request, started, part.result);
        }
        yield part;
      }
    } finally {
      if (!finished) this.record(request, started, undefined, text);
    }
  }
}
