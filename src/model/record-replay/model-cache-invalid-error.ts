import { ConvrecError } from '../../errors/index.js';

/** A cache file that cannot be used (unreadable, too big, not JSON, not a cache entry, another key). */
export class ModelCacheInvalidError extends ConvrecError {
  constructor(
    readonly file: string,
    message: string,
    cause?: unknown,
  ) {
    super('MODEL_OUTPUT_INVALID', `${file}: ${message}`, { cause });
  }
}
