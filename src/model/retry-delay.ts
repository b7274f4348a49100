import OpenAI from 'openai';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterSeconds } from './retry-after-limit.js';

const initialDelaySeconds = 0.5;
const maxDelaySeconds = 8;

/**
 * How long to wait before retry number `retry` (0-based): what the server asked for in
 * `retry-after`, else exponential backoff from 0.5 s to 8 s with up to 25% jitter (as the SDK does).
 */
export function retryDelayMs(error: unknown, retry: number): number {
  const headers = responseHeaders(error);
  const asked = headers ? retryAfterSeconds(headers) : undefined;
  if (asked !== undefined && asked >= 0) return asked * 1000;
  const seconds = Math.min(initialDelaySeconds * 2 ** retry, maxDelaySeconds);
  return seconds * (1 - Math.random() * 0.25) * 1000;
}

/** True when the server said not to retry (`x-should-retry: false`, also set for a long retry-after). */
export function serverRefusesRetry(error: unknown): boolean {
  return responseHeaders(error)?.get('x-should-retry') === 'false';
}

/** Waits `ms`, or less when one of the signals aborts (never rejects). */
export async function waitUnlessAborted(ms: number, signals: (AbortSignal | undefined)[]): Promise<void> {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const signal = present.length === 1 ? present[0]! : AbortSignal.any(present);
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

function responseHeaders(error: unknown): Headers | undefined {
  return error instanceof OpenAI.APIError ? error.headers : undefined;
}
