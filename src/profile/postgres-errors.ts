/** Network errors that mean the server could not be reached or dropped the connection. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** SQLSTATEs worth retrying: the server is starting or shutting down, is full, or aborted a transaction. */
const transient = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01']);

/** SQLSTATEs of a refused login or a missing database: retrying will not help. */
const refused = new Set(['28000', '28P01', '3D000']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** How a pg error maps onto the store's error codes. */
export function postgresFailure(error: unknown): {
  code: 'PROFILE_STORE_FAILED' | 'PROFILE_STORE_UNAVAILABLE';
  retryable: boolean;
} {
  const code = errorCode(error);
  if (code && refused.has(code)) return { code: 'PROFILE_STORE_UNAVAILABLE', retryable: false };
  if (code && (unreachable.has(code) || code.startsWith('08'))) {
    return { code: 'PROFILE_STORE_UNAVAILABLE', retryable: true };
  }
  const message = error instanceof Error ? error.message : '';
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(message)) {
    return { code: 'PROFILE_STORE_UNAVAILABLE', retryable: true };
  }
  return { code: 'PROFILE_STORE_FAILED', retryable: code !== undefined && transient.has(code) };
}

/**
 * The driver's message; Node reports a refused connection to a name with several addresses
 * (`localhost`) as an AggregateError with an empty message, so its first inner error speaks for it.
 */
export function describePostgresError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    const first: unknown = error.errors[0];
    if (first instanceof Error && first.message) return first.message;
  }
  if (error instanceof Error) return error.message || errorCode(error) || error.name;
  return String(error);
}
