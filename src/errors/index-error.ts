import { ConvrecError } from './convrec-error.js';

/** A persisted index that is missing, corrupt, or built for another catalog or embedder. */
export class IndexError extends ConvrecError {
  readonly directory: string;

  constructor(
    code: 'INDEX_NOT_FOUND' | 'INDEX_MISMATCH' | 'INDEX_CORRUPT',
    message: string,
    directory: string,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.directory = directory;
  }
}
