import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import type { TurnEvent, TurnResult } from '../../src/agent/turn-events.js';
import type { TurnStream } from '../../src/agent/turn-stream.js';
import { OpenAIChatModel } from '../../src/model/openai-compatible-model.js';
import { MemoryProfileStore } from '../../src/profile/memory-profile-store.js';
import { titleWithYear } from '../../src/catalog/title-with-year.js';
import type { Retriever } from '../../src/retrieval/index.js';
import {
  startOpenAIWireServer,
  type OpenAIWireServer,
  type OpenAIWireServerOptions,
  type WireReply,
  type WireRequestBody,
} from '../../src/testing/index.js';
import { emptyUnderstanding, type Understanding } from '../../src/understanding/understanding-schema.js';
import { approximateTokenCounter } from '../../src/usage/token-counter.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
const servers: { server: OpenAIWireServer; script: AgentScript }[] = [];

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

afterEach(async () => {
  const running = servers.splice(0);
  await Promise.all(running.map(({ server }) => server.close()));
  // Every scripted reply must have been asked for.
  for (const { script } of running)
    expect({ understand: script.understand, rerank: script.rerank }).toEqual({
      understand: [],
      rerank: [],
    });
});

/** A reply, or a function of the request body that returns one (to answer with the real cards). */
type WireStep = WireReply | ((body: WireRequestBody) => WireReply);

/** Replies by stage: understanding calls are plain requests, rerank calls are streamed. */
interface AgentScript {
  understand: WireStep[];
  rerank: WireStep[];
}

const lastUser = (body: WireRequestBody) =>
  (body.messages ?? []).findLast((message) => message.role === 'user')?.content ?? '';
const systemText = (body: WireRequestBody) =>
  (body.messages ?? []).find((message) => message.role === 'system')?.content ?? '';

/** Card labels ("Heat (1995)") by handle, in order, from a rerank request. */
function cardsOf(body: WireRequestBody): { handle: string; label: string }[] {
  const block = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(lastUser(body))?.[1] ?? '';
  return block.split('\n').map((line) => {
    const [handle, label] = line.split(' | ');
    return { handle: handle!, label: label! };
  });
}

function understanding(input: Partial<Understanding> = {}): Understanding {
  return { ...emptyUnderstanding(input.intent ?? 'recommend'), ...input };
}

/** A rerank answer picking the cards at these 0-based positions, with a reason naming each. */
const rerankReply =
  (reply: string, positions: number[], extra: Partial<WireReply> = {}) =>
  (body: WireRequestBody): WireReply => {
    const cards = cardsOf(body);
    const lines = positions.map(
      (position, index) => `${index + 1}. ${cards[position]!.handle} | pick ${index + 1}`,
    );
    return { text: [`REPLY: ${reply}`, ...lines].join('\n'), chunkSize: 6, ...extra };
  };

async function wireAgent(
  script: AgentScript,
  serverOptions: OpenAIWireServerOptions = {},
  timeoutMs = 1_000,
) {
  const server = await startOpenAIWireServer(({ body }) => {
    const queue = body.stream
      ? script.rerank
      : /understanding step/.test(systemText(body))
        ? script.understand
        : [];
    const step = queue.shift();
    if (!step)
      return { status: 500, message: `openai wire server: unscripted ${body.stream ? 'rerank' : 'call'}` };
    return typeof step === 'function' ? step(body) : step;
  }, serverOptions);
  servers.push({ server, script });
  const model = new OpenAIChatModel({
    model: 'wire-model',
    apiKey: 'test-key',
    baseURL: server.url,
    maxRetries: 1,
    timeoutMs,
  });
  const recommender = await createRecommender({
    retriever,
    model,
    profileStore: new MemoryProfileStore(),
    tokenCounter: approximateTokenCounter,
  });
  return { server, model, session: recommender.session({ userId: 'ana' }) };
}

async function drain(stream: TurnStream): Promise<{ events: TurnEvent[]; result: TurnResult }> {
  const events: TurnEvent[] = [];
  for await (const event of stream) events.push(event);
  return { events, result: await stream.result() };
}

const labels = (result: TurnResult) => result.recommendations.map((entry) => titleWithYear(entry.item));
const deltas = (events: TurnEvent[]) =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
const rerankCards = (server: OpenAIWireServer) => cardsOf(server.requests.findLast((body) => body.stream)!);

function expectCatalogItems(result: TurnResult): void {
  expect(result.recommendations).toHaveLength(5);
  expect(new Set(result.recommendations.map((entry) => entry.item.id)).size).toBe(5);
  for (const entry of result.recommendations)
    expect(retriever.catalog.byId.get(entry.item.id)).toBe(entry.item);
}

const heist = understanding({ queries: ['professional thieves plan a heist', 'bank robbery crew'] });
const reply = 'Five heists where the plan is half the fun.';

describe('the agent over the real OpenAI-compatible adapter', () => {
  it('runs a full recommend turn: JSON understanding, then a streamed rerank', async () => {
    const { server, session } = await wireAgent({
      understand: [{ json: heist }],
      rerank: [rerankReply(reply, [3, 0, 5, 1, 2])],
    });
    const { events, result } = await drain(session.send('a clever heist movie'));

    expect(server.requests).toHaveLength(2);
    const [understand, rerank] = server.requests;
    expect(understand!.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'understand' },
    });
    expect(understand!.stream).toBeFalsy();
    expect(lastUser(understand!)).toContain('a clever heist movie');
    expect(rerank!.stream).toBe(true);
    const cards = rerankCards(server);
    expect(labels(result)).toEqual([3, 0, 5, 1, 2].map((position) => cards[position]!.label));
    expect(result.recommendations.map((entry) => entry.reason)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `pick ${n}`),
    );
    expect(result.reply).toBe(reply);
    // The reply is held until the picks have validated (a grounded reply), then shown whole.
    expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(1);
    expect(deltas(events)).toBe(reply);
    expect(result.degraded).toEqual([]);
    expect(result.understanding.queries).toEqual(heist.queries);
    // The wire server reports usage, so the understanding call's tokens are the server's.
    expect(result.usage.calls[0]).toMatchObject({ purpose: 'understand', counted: 'reported' });
  });

  it('streams the answer about a shown item from its card, and answers from the card when that stream breaks', async () => {
    const askFirst = understanding({ intent: 'ask-about-item', referencedPosition: 1 });
    const answer = 'It tops the list because the whole film turns on one meticulous plan.';
    const { server, session } = await wireAgent({
      understand: [{ json: heist }, { json: askFirst }, { json: askFirst }],
      rerank: [
        rerankReply(reply, [0, 1, 2, 3, 4]),
        { text: answer, chunkSize: 5 },
        { text: 'It is about a crew that', truncate: 'abrupt' },
      ],
    });
    const first = await session.send('a clever heist movie').result();
    const { events, result } = await drain(session.send('why the first?'));

    const answerRequest = server.requests[3]!;
    expect(answerRequest.stream).toBe(true);
    expect(systemText(answerRequest)).toMatch(/question about one\s+item/);
    expect(lastUser(answerRequest)).toContain(titleWithYear(first.recommendations[0]!.item));
    expect(result.reply).toBe(answer);
    // Shown a sentence at a time, each once it names no title outside the conversation.
    expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(1);
    expect(deltas(events)).toBe(answer);
    expect(result.usage.llmCalls).toBe(2);
    expect(result.degraded).toEqual([]);

    const broken = await session.send('what is it about?').result();
    expect(broken.degraded).toEqual([expect.objectContaining({ stage: 'answer' })]);
    expect(broken.reply.startsWith(titleWithYear(first.recommendations[0]!.item))).toBe(true);
    expect(broken.recommendations).toEqual([]);
  });

  it('waits out a 429 and then answers normally', async () => {
    const { server, session } = await wireAgent({
      understand: [{ status: 429, message: 'slow down', retryAfter: 0 }, { json: heist }],
      rerank: [rerankReply(reply, [0, 1, 2, 3, 4])],
    });
    const result = await session.send('a clever heist movie').result();

    expect(server.requests).toHaveLength(3);
    expect(result.degraded).toEqual([]);
    expect(result.reply).toBe(reply);
    expect(labels(result)).toEqual(
      rerankCards(server)
        .slice(0, 5)
        .map((card) => card.label),
    );
  });

  it('answers in the offline ranking order when the rerank server keeps failing', async () => {
    const { server, session } = await wireAgent({
      understand: [{ json: heist }],
      rerank: [
        { status: 500, message: 'overloaded' },
        { status: 500, message: 'overloaded' },
      ],
    });
    const { events, result } = await drain(session.send('a clever heist movie'));

    expect(server.requests).toHaveLength(3);
    expect(result.degraded).toEqual([
      expect.objectContaining({
        stage: 'rerank',
        code: 'MODEL_UNAVAILABLE',
        message: expect.stringMatching(/overloaded/),
      }),
    ]);
    expect(events.filter((event) => event.type === 'degraded')).toHaveLength(1);
    expectCatalogItems(result);
    expect(labels(result)).toEqual(
      rerankCards(server)
        .slice(0, 5)
        .map((card) => card.label),
    );
    expect(result.reply).toMatch(/^Here are 5/);
  });

  it('falls back to the offline understanding when the server is too slow', async () => {
    const { server, session } = await wireAgent(
      {
        understand: [
          { json: heist, delayMs: 2_000 },
          { json: heist, delayMs: 2_000 },
        ],
        rerank: [rerankReply(reply, [0, 1, 2, 3, 4])],
      },
      {},
      200,
    );
    const started = Date.now();
    const result = await session.send('a heist movie like Heat').result();

    expect(Date.now() - started).toBeLessThan(1_900);
    expect(result.degraded).toEqual([
      expect.objectContaining({ stage: 'understand', code: 'MODEL_TIMEOUT' }),
    ]);
    expect(result.understanding.mentionedTitles).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^Heat\b/) }),
    ]);
    expect(server.requests.filter((body) => body.stream)).toHaveLength(1);
    expectCatalogItems(result);
    expect(result.reply).toBe(reply);
  });

  it('falls back to the offline understanding when the server sends a broken JSON body', async () => {
    const { session } = await wireAgent({
      understand: [{ malformedBody: '{"id": "chatcmpl-1", "choices": [{"message": {"content": "{\\"int' }],
      rerank: [rerankReply(reply, [0, 1, 2, 3, 4])],
    });
    const result = await session.send('a heist movie like Heat').result();

    expect(result.degraded).toEqual([
      expect.objectContaining({
        stage: 'understand',
        code: 'MODEL_UNAVAILABLE',
        message: expect.stringMatching(/JSON/),
      }),
    ]);
    expectCatalogItems(result);
    expect(result.reply).toBe(reply);
  });

  it.each([
    ['cut off', { truncate: 'abrupt' }],
    ['ended without a finish', { truncate: 'clean' }],
    ['broken by a malformed chunk', { malformedChunk: true }],
  ] as const)('shows catalog items only when the rerank stream is %s', async (_, fault) => {
    const { server, session } = await wireAgent({
      understand: [{ json: heist }],
      // A stream that broke after its 200 is not retried.
      rerank: [rerankReply(reply, [4, 3, 2, 1, 0], fault)],
    });
    const { events, result } = await drain(session.send('a clever heist movie'));

    expect(result.degraded).toEqual([
      expect.objectContaining({ stage: 'rerank', code: 'MODEL_UNAVAILABLE' }),
    ]);
    expectCatalogItems(result);
    // Half an answer is not trusted: the offline order the cards were sent in, not the model's partial picks.
    expect(labels(result)).toEqual(
      rerankCards(server)
        .slice(0, 5)
        .map((card) => card.label),
    );
    expect(result.reply).toMatch(/^Here are 5/);
    expect(events.at(-1)?.type).toBe('turn-end');
  });

  it('still understands through a server that rejects json_schema, and keeps the mode that works', async () => {
    const refine = understanding({
      intent: 'refine',
      referencedPosition: 1,
      queries: ['heist with a twist'],
    });
    const { server, model, session } = await wireAgent(
      {
        understand: [
          { json: heist },
          { text: `Here you go:\n\`\`\`json\n${JSON.stringify(refine)}\n\`\`\`` },
        ],
        rerank: [rerankReply(reply, [0, 1, 2, 3, 4]), rerankReply('More like the first.', [0, 1, 2, 3, 4])],
      },
      { rejectResponseFormats: ['json_schema'] },
    );
    const first = await session.send('a clever heist movie').result();
    const second = await session.send('more like the first one').result();

    expect(first.degraded).toEqual([]);
    expect(first.understanding.queries).toEqual(heist.queries);
    expect(second.degraded).toEqual([]);
    expect(second.intent).toBe('refine');
    expect(second.understanding.queries).toEqual(refine.queries);
    expect(model.currentOutputMode).toBe('json-object');
    const formats = server.requests.filter((body) => !body.stream).map((body) => body.response_format?.type);
    // Refused once, then JSON mode, kept for the next turn; the schema travels in the prompt.
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(systemText(server.requests[1]!)).toContain('JSON Schema of the answer ("understand")');
    expect(second.recommendations.map((entry) => entry.item.id)).not.toContain(
      first.recommendations[0]!.item.id,
    );
  });

  it('understands through a server without any structured output, from JSON in plain text', async () => {
    const { server, session } = await wireAgent(
      {
        understand: [{ text: `Sure.\n${JSON.stringify(heist)}\nHope that helps.` }],
        rerank: [rerankReply(reply, [0, 1, 2, 3, 4])],
      },
      { rejectResponseFormats: ['json_schema', 'json_object'] },
    );
    const result = await session.send('a clever heist movie').result();

    expect(result.degraded).toEqual([]);
    expect(result.understanding.queries).toEqual(heist.queries);
    const formats = server.requests.filter((body) => !body.stream).map((body) => body.response_format?.type);
    expect(formats).toEqual(['json_schema', 'json_object', undefined]);
    expect(systemText(server.requests[2]!)).toContain('Answer with JSON only');
    expectCatalogItems(result);
  });
});
