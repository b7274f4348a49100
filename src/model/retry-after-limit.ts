/** The fetch signature the OpenAI SDK accepts. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps fetch so that a response asking to wait longer than `maxSeconds` (a spent quota says
 * "retry after an hour") is not retried: the SDK would otherwise sleep that long, and the call
 * fails at once with the server's retry-after in the error instead.
 */
export function limitRetryAfter(fetchFunction: FetchFunction, maxSeconds: number): FetchFunction {
  return async (input, init) => {
    const response = await fetchFunction(input, init);
    const wait = retryAfterSeconds(response.headers);
    if (response.ok || wait === undefined || wait <= maxSeconds) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** How long a response asks to wait (`retry-after-ms`, `retry-after` in seconds or as a date). */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(milliseconds)) return milliseconds / 1000;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : (date - Date.now()) / 1000;
}
