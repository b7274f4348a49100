import { ConvrecError } from '../../errors/index.js';

/**
 * A replayed run asked for a model call the cache does not hold: the prompts, the model name, the
 * data or the agent changed since the recording, or the recording was cut short. Not retryable.
 */
export class ModelCacheMissError extends ConvrecError {
  constructor(
    readonly key: string,
    readonly directory: string,
    detail: string,
  ) {
    super(
      'MODEL_UNSCRIPTED_CALL',
      `the replay cache ${directory} holds no response for model call ${key} (${detail}); record it with --record ${directory}, or check that the model name, prompts and data are the ones recorded`,
    );
  }
}
