import { ConvrecError } from './convrec-error.js';

/** Where in a catalog file a problem was found. */
export interface CatalogLocation {
  file: string;
  /** 1-based line (JSONL, CSV) when known. */
  line?: number;
  /** Object key or array index (JSON) when known. */
  key?: string;
  field?: string;
}

/** Formats a location as `file:line (field "x")` for messages. */
export function formatLocation(location: CatalogLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.key !== undefined) text += ` [${location.key}]`;
  if (location.field !== undefined) text += ` field "${location.field}"`;
  return text;
}

/** A catalog that cannot be used at all (unreadable, empty, duplicate ids, too many bad rows). */
export class CatalogError extends ConvrecError {
  readonly location: CatalogLocation;

  constructor(
    code: 'CATALOG_INVALID' | 'CATALOG_NOT_FOUND' | 'CATALOG_EMPTY',
    message: string,
    location: CatalogLocation,
    cause?: unknown,
  ) {
    super(code, `${formatLocation(location)}: ${message}`, { cause });
    this.location = location;
  }
}
