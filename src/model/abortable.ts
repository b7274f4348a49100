import { ConvrecError } from '../errors/index.js';

/**
 * Settles with `promise`, or rejects with ABORTED as soon as `signal` aborts. The SDK sleeps
 * between retries without watching the signal; this keeps cancellation prompt.
 */
export function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  modelId: string,
): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(
        new ConvrecError('ABORTED', `model "${modelId}": the call was cancelled`, { cause: signal.reason }),
      );
    };
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
