import type { CatalogLocation } from './catalog-error.js';
import { formatLocation } from './catalog-error.js';
import { ConvrecError } from './convrec-error.js';

/**
 * An evaluation input (turns file, interaction log) that cannot be used; the message starts with
 * `file:line field "x"` like a catalog error.
 */
export class DatasetError extends ConvrecError {
  readonly location: CatalogLocation;

  constructor(
    code: 'DATASET_INVALID' | 'LOG_INVALID',
    message: string,
    location: CatalogLocation,
    cause?: unknown,
  ) {
    super(code, `${formatLocation(location)}: ${message}`, { cause });
    this.location = location;
  }
}
