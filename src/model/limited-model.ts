import type { GenerateRequest, GenerateResult, LanguageModel, ModelStreamPart } from './language-model.js';
import type { ModelCallLimits } from './model-call-limits.js';
import { RequestDeadline, outputCapError, outputChars } from './request-deadline.js';

/**
 * `model` with `limits` applied to every call: the model's own `withLimits` when it has one (it
 * applies them per request and draws its retries from the budget), else a wrapper that bounds each
 * whole call by the deadline, the turn's deadline and the output cap (it retries nothing).
 */
export function limitModel(model: LanguageModel, limits: ModelCallLimits): LanguageModel {
  return model.withLimits ? model.withLimits(limits) : new LimitedModel(model, limits);
}

class LimitedModel implements LanguageModel {
  constructor(
    private readonly inner: LanguageModel,
    private readonly limits: ModelCallLimits,
  ) {}

  get provider(): string {
    return this.inner.provider;
  }

  get modelId(): string {
    return this.inner.modelId;
  }

  private start(signal: AbortSignal | undefined): RequestDeadline {
    return new RequestDeadline(this.modelId, this.limits.deadlineMs, signal, this.limits.turnDeadline);
  }

  async generate(request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const deadline = this.start(signal);
    try {
      const stopped = deadline.failure();
      if (stopped) throw stopped;
      const result = await untilAborted(this.inner.generate(request, deadline.signal), deadline);
      const cap = this.limits.maxOutputChars;
      if (cap !== undefined && outputChars(result) > cap) throw outputCapError(this.modelId, cap);
      return result;
    } catch (error) {
      throw deadline.failure() ?? error;
    } finally {
      deadline.dispose();
    }
  }

  async *stream(request: GenerateRequest, signal?: AbortSignal): AsyncIterable<ModelStreamPart> {
    const deadline = this.start(signal);
    const cap = this.limits.maxOutputChars;
    let chars = 0;
    try {
      const stopped = deadline.failure();
      if (stopped) throw stopped;
      const parts = this.inner.stream(request, deadline.signal)[Symbol.asyncIterator]();
      for (;;) {
        const next = await untilAborted(parts.next(), deadline);
        if (next.done) return;
        const part = next.value;
        if (part.type === 'text-delta') chars += part.delta.length;
        if (part.type === 'tool-call') chars += part.call.name.length + part.call.arguments.length;
        if (cap !== undefined && chars > cap) {
          const error = outputCapError(this.modelId, cap);
          deadline.stop(error);
          await parts.return?.();
          throw error;
        }
        yield part;
      }
    } catch (error) {
      throw deadline.failure() ?? error;
    } finally {
      deadline.dispose();
    }
  }
}

/** Settles with `promise`, or rejects as soon as the deadline's signal aborts (for a model that ignores it). */
export function untilAborted<T>(promise: Promise<T>, deadline: RequestDeadline): Promise<T> {
  const { signal } = deadline;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(deadline.failure());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
