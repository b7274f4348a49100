import { ConvrecError } from '../../src/errors/index.js';

/** Runs `action` and returns the ConvrecError it throws; fails the test when it does not throw one. */
export async function thrownBy(action: () => unknown): Promise<ConvrecError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ConvrecError) return error;
    throw new Error(`expected a ConvrecError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an error, but nothing was thrown');
}
