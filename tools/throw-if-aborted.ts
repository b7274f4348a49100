import { ConvrecError } from '../src/errors/index.js';

/** Throws ConvrecError ABORTED when the turn was cancelled, before a tool does any work. */
export function throwIfAborted(signal: AbortSignal | undefined, toolName: string): void {
  if (signal?.aborted) {
    throw new ConvrecError('ABORTED', `${toolName} was cancelled`, { cause: signal.reason });
  }
}
