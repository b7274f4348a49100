import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender, type Recommender } from '../../src/agent/create-recommender.js';
import type { TurnResult } from '../../src/agent/turn-events.js';
import type { Limits } from '../../src/limits/index.js';
import { OpenAIChatModel } from '../../src/model/openai-compatible-model.js';
import { MemoryProfileStore } from '../../src/profile/memory-profile-store.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { startOpenAIWireServer, type OpenAIWireServer, type WireHandler } from '../../src/testing/index.js';
import { approximateTokenCounter } from '../../src/usage/token-counter.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
const servers: OpenAIWireServer[] = [];

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const failure = (promise: Promise<unknown>) =>
  promise.then(() => undefined).catch((caught: unknown) => caught);

async function offline(limits: Partial<Limits> = {}) {
  const store = new MemoryProfileStore();
  const recommender = await createRecommender({ retriever, profileStore: store, limits });
  return { store, recommender };
}

/** An LLM recommender whose endpoint answers every request with `handler`. */
async function overWire(
  handler: WireHandler,
  limits: Partial<Limits>,
  maxRetries = 10,
): Promise<{ server: OpenAIWireServer; recommender: Recommender }> {
  const server = await startOpenAIWireServer(handler);
  servers.push(server);
  const model = new OpenAIChatModel({
    model: 'wire-model',
    baseURL: server.url,
    maxRetries,
    timeoutMs: 5_000,
  });
  const recommender = await createRecommender({
    retriever,
    model,
    limits,
    tokenCounter: approximateTokenCounter,
  });
  return { server, recommender };
}

const inCatalog = (result: TurnResult) =>
  result.recommendations.every((entry) => retriever.catalog.byId.get(entry.item.id) === entry.item);

describe('message length limit', () => {
  it('refuses a 100 KB message at once with INPUT_TOO_LONG, saving nothing and keeping the session', async () => {
    const { store, recommender } = await offline();
    const session = recommender.session({ userId: 'ana' });
    const text = 'a heist movie '.repeat(7_200).slice(0, 100_000);
    const started = performance.now();
    const error = await failure(session.send(text).result());
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'INPUT_TOO_LONG', retryable: false });
    const message = (error as Error).message;
    expect(message).toContain('100,000 characters');
    expect(message).toContain('limit of 4,000');
    expect(message).toContain('CONVREC_MAX_MESSAGE_CHARS');
    expect(message).not.toContain('heist');
    expect(elapsed).toBeLessThan(100);
    expect(await store.loadSession(session.id)).toBeUndefined();
    expect((await session.state()).turns).toBe(0);
    // The conversation goes on as if the message had not been sent.
    const next = await session.send('a heist movie after 2000').result();
    expect(next.turn).toBe(1);
    expect(next.recommendations.length).toBeGreaterThan(0);
  });

  it('accepts exactly the limit, counts characters not UTF-16 units, and takes the limit as an option', async () => {
    const { recommender } = await offline();
    const session = recommender.session({ userId: 'ana' });
    await expect(session.send('x'.repeat(4_000)).result()).resolves.toMatchObject({ turn: 1 });
    await expect(session.send('🎬'.repeat(4_000)).result()).resolves.toMatchObject({ turn: 2 });
    await expect(session.send('x'.repeat(4_001)).result()).rejects.toMatchObject({ code: 'INPUT_TOO_LONG' });

    const small = (await offline({ maxMessageChars: 20 })).recommender.session({ userId: 'bo' });
    await expect(small.send('a heist movie, please!').result()).rejects.toThrow(
      /22 characters long, over the limit of 20/,
    );
    await expect(createRecommender({ retriever, limits: { maxMessageChars: 0 } })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});

describe('turn deadline and retry budget', () => {
  it('answers offline when the endpoint hangs past the turn deadline, never cancelling the turn', async () => {
    const { server, recommender } = await overWire(() => ({ hang: true }), {
      turnDeadlineMs: 400,
      modelDeadlineMs: 10_000,
    });
    const session = recommender.session({ userId: 'ana' });
    const started = performance.now();
    const result = await session.send('something like Heat, but after 2000').result();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(400 + 1_000);
    expect(result.recommendations).toHaveLength(5);
    expect(inCatalog(result)).toBe(true);
    expect(result.degraded.map((entry) => [entry.stage, entry.code])).toEqual([
      ['understand', 'TURN_DEADLINE_EXCEEDED'],
      ['rerank', 'TURN_DEADLINE_EXCEEDED'],
    ]);
    // The rerank call came after the deadline: it failed without a request.
    expect(server.requests).toHaveLength(1);
    // The next turn has its own clock.
    const next = await session.send('something older').result();
    expect(next.turn).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('spends at most the retry budget across all model calls of a turn', async () => {
    const { server, recommender } = await overWire(() => ({ hang: true }), {
      turnDeadlineMs: 20_000,
      modelDeadlineMs: 100,
      turnRetryBudget: 2,
    });
    const started = performance.now();
    const result = await recommender.session({ userId: 'ana' }).send('a quiet drama').result();
    // Understanding: one request and the turn's two retries; the rerank: one request, no retry left.
    expect(server.requests).toHaveLength(4);
    expect(result.degraded.map((entry) => entry.code)).toEqual(['MODEL_TIMEOUT', 'MODEL_TIMEOUT']);
    expect(result.recommendations).toHaveLength(5);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('cuts a dripping endpoint at the model deadline and answers offline', async () => {
    const { recommender } = await overWire(() => ({ text: 'x'.repeat(2_000), dripMs: 10 }), {
      modelDeadlineMs: 300,
      turnRetryBudget: 0,
    });
    const started = performance.now();
    const result = await recommender.session({ userId: 'ana' }).send('a heist movie').result();
    expect(performance.now() - started).toBeLessThan(2 * 300 + 1_000);
    expect(result.degraded.map((entry) => entry.code)).toEqual(['MODEL_TIMEOUT', 'MODEL_TIMEOUT']);
    expect(inCatalog(result)).toBe(true);
  });

  it('degrades a turn whose model output passes the cap', async () => {
    const { recommender } = await overWire(() => ({ text: 'x'.repeat(5_000), chunkSize: 500 }), {
      maxModelOutputChars: 1_000,
    });
    const result = await recommender.session({ userId: 'ana' }).send('a heist movie').result();
    expect(result.degraded.map((entry) => entry.code)).toContain('MODEL_OUTPUT_INVALID');
    expect(result.recommendations).toHaveLength(5);
  });
});
