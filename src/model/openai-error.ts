import OpenAI from 'openai';
import { ConvrecError, isConvrecError } from '../errors/index.js';

/** What the adapter knows when a call fails. */
export interface ModelErrorContext {
  modelId: string;
  signal: AbortSignal | undefined;
}

/**
 * Maps an SDK or transport failure to a ConvrecError: 429 rate limit, 5xx and connection failures
 * unavailable, timeouts, rejected requests and keys (not retryable), and cancellation.
 */
export function toModelError(error: unknown, context: ModelErrorContext): ConvrecError {
  if (isConvrecError(error)) return error;
  const subject = `model "${context.modelId}"`;
  if (context.signal?.aborted || error instanceof OpenAI.APIUserAbortError) {
    return new ConvrecError('ABORTED', `${subject}: the call was cancelled`, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ConvrecError('MODEL_TIMEOUT', `${subject}: the server did not answer in time`, {
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ConvrecError('MODEL_UNAVAILABLE', `${subject}: cannot reach the server (${error.message})`, {
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError) return fromStatus(error, subject);
  if (error instanceof SyntaxError) {
    return new ConvrecError('MODEL_UNAVAILABLE', `${subject}: the server sent JSON that cannot be read`, {
      retryable: true,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ConvrecError('MODEL_UNAVAILABLE', `${subject}: the response broke off (${message})`, {
    retryable: true,
    cause: error,
  });
}

function fromStatus(error: InstanceType<typeof OpenAI.APIError>, subject: string): ConvrecError {
  const status = error.status;
  const detail = `${subject} (HTTP ${status ?? 'error in stream'}): ${serverMessage(error)}`;
  if (status === 401 || status === 403) {
    return new ConvrecError(
      'MODEL_REQUEST_INVALID',
      `${detail}. The server refused the API key: check OPENAI_API_KEY (or the apiKey option) for this endpoint`,
      { cause: error },
    );
  }
  if (status === 429) {
    const retryAfter = error.headers?.get('retry-after');
    const wait = retryAfter ? `; the server asks to wait ${retryAfter}s` : '';
    return new ConvrecError('MODEL_RATE_LIMIT', `${detail}${wait}`, { retryable: true, cause: error });
  }
  if (status === 408) {
    return new ConvrecError('MODEL_TIMEOUT', detail, { retryable: true, cause: error });
  }
  if (status === undefined || status >= 500 || status === 409) {
    return new ConvrecError('MODEL_UNAVAILABLE', detail, { retryable: true, cause: error });
  }
  return new ConvrecError('MODEL_REQUEST_INVALID', detail, { cause: error });
}

/** The server's own error text, without the SDK's status prefix. */
function serverMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === 'string') return body.message;
  return error.message;
}
