import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIEmbeddingModel } from '../../src/embeddings/openai-embedding-model.js';
import { ConvrecError } from '../../src/errors/index.js';
import { RetryBudget } from '../../src/model/index.js';
import {
  startOpenAIWireServer,
  type OpenAIWireServer,
  type WireEmbeddingReply,
} from '../../src/testing/index.js';

const servers: OpenAIWireServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** An embedding model whose endpoint answers every embeddings request with `reply`. */
async function overWire(
  reply: WireEmbeddingReply | undefined,
  options: { deadlineMs?: number; maxRetries?: number; retryBudget?: RetryBudget } = {},
) {
  const server = await startOpenAIWireServer([], { embeddingReply: () => reply });
  servers.push(server);
  const embedder = new OpenAIEmbeddingModel({
    model: 'wire-embedder',
    baseURL: server.url,
    dimensions: 8,
    // The silence timer alone would wait this long for headers and never fire on a drip.
    timeoutMs: 30_000,
    ...options,
  });
  return { server, embedder };
}

async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, ms: performance.now() - started };
}

describe('embedding requests are bounded like model calls', () => {
  it('gives up on a server that never answers at the deadline of each try, with a typed error', async () => {
    const { server, embedder } = await overWire({ hang: true }, { deadlineMs: 300, maxRetries: 1 });
    const { error, ms } = await timed(embedder.embed(['a heist movie']));
    expect(error).toBeInstanceOf(ConvrecError);
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', retryable: true });
    expect((error as Error).message).toContain('within 300 ms of the request');
    expect(server.embeddingRequests).toHaveLength(2);
    // Two tries of 300 ms and one backoff of at most 0.5 s.
    expect(ms).toBeLessThan(2_000);
  });

  it('counts the deadline from the request, not from the last byte of a dripping answer', async () => {
    // About 300 bytes at one per 20 ms: 6 s to the end, every byte resetting a silence timer.
    const { embedder } = await overWire({ dripMs: 20 }, { deadlineMs: 400, maxRetries: 0 });
    const { error, ms } = await timed(embedder.embed(['a heist movie']));
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT' });
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(1_500);
  });

  it('still answers a dripping server that finishes within the deadline', async () => {
    const { embedder } = await overWire({ dripMs: 1 }, { deadlineMs: 5_000, maxRetries: 0 });
    const [vector] = await embedder.embed(['a heist movie']);
    expect(Math.hypot(...vector!)).toBeCloseTo(1, 6);
  });

  it('draws retries from a shared budget: once it is spent, a failing request fails at once', async () => {
    const budget = new RetryBudget(1);
    const { server, embedder } = await overWire(
      { status: 503, message: 'overloaded', retryAfter: 0 },
      { maxRetries: 3, retryBudget: budget },
    );
    expect(await timed(embedder.embed(['first']))).toMatchObject({ error: { code: 'EMBEDDING_FAILED' } });
    expect(await timed(embedder.embed(['second']))).toMatchObject({ error: { code: 'EMBEDDING_FAILED' } });
    // The first call retried once; the second had nothing left.
    expect(server.embeddingRequests.map((input) => input[0])).toEqual(['first', 'first', 'second']);
    expect(budget.remaining).toBe(0);
  });

  it('stops at once when the caller aborts a hanging request, without retrying', async () => {
    const { server, embedder } = await overWire({ hang: true }, { deadlineMs: 10_000, maxRetries: 3 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await timed(embedder.embed(['a heist movie'], controller.signal));
    expect(error).toMatchObject({ code: 'ABORTED', retryable: false });
    expect(ms).toBeLessThan(1_000);
    expect(server.embeddingRequests).toHaveLength(1);
  });
});
