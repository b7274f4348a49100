/** Stable machine-readable error codes. */
export type ErrorCode =
  | 'CATALOG_INVALID'
  | 'CATALOG_NOT_FOUND'
  | 'CATALOG_EMPTY'
  | 'LOG_INVALID'
  | 'CONFIG_INVALID'
  | 'INDEX_NOT_FOUND'
  | 'INDEX_MISMATCH'
  | 'INDEX_CORRUPT'
  | 'EMBEDDING_FAILED'
  | 'DATASET_INVALID'
  | 'ABORTED'
  | 'MODEL_NOT_CONFIGURED'
  | 'MODEL_UNAVAILABLE'
  | 'MODEL_RATE_LIMIT'
  | 'MODEL_TIMEOUT'
  | 'MODEL_REQUEST_INVALID'
  | 'MODEL_OUTPUT_INVALID'
  | 'MODEL_UNSCRIPTED_CALL'
  | 'MAX_STEPS_EXCEEDED'
  | 'PROMPT_INVALID'
  | 'TOOL_INPUT_INVALID'
  | 'TOOL_FAILED'
  | 'PROFILE_STORE_FAILED'
  | 'PROFILE_STORE_UNAVAILABLE'
  | 'SESSION_NOT_FOUND'
  | 'INPUT_TOO_LONG'
  | 'TURN_DEADLINE_EXCEEDED';

export interface ConvrecErrorOptions {
  retryable?: boolean;
  cause?: unknown;
}

/** Base error of the library: every thrown error carries a stable `code` and a `retryable` flag. */
export class ConvrecError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: ConvrecErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** True when `error` is a ConvrecError, optionally with the given code. */
export function isConvrecError(error: unknown, code?: ErrorCode): error is ConvrecError {
  return error instanceof ConvrecError && (code === undefined || error.code === code);
}
