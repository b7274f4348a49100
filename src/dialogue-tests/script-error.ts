import { ConvrecError } from '../errors/index.js';

/** Where a dialogue script went wrong: the file, the 1-based line when known, and the field. */
export interface ScriptLocation {
  file: string;
  line?: number;
  /** Dotted path of the field, e.g. `turns.2.expect.year_at_least`. */
  field?: string;
}

/** A dialogue script that cannot run: unreadable, not YAML/JSON, or not valid against the schema. */
export class DialogueScriptError extends ConvrecError {
  readonly location: ScriptLocation;

  constructor(message: string, location: ScriptLocation, cause?: unknown) {
    const where = `${location.file}${location.line !== undefined ? `:${location.line}` : ''}`;
    const field = location.field ? ` field "${location.field}"` : '';
    super('CONFIG_INVALID', `${where}${field}: ${message}`, { cause });
    this.location = location;
  }
}
