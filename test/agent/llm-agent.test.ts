import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender, type Recommender } from '../../src/agent/create-recommender.js';
import type { TurnStream } from '../../src/agent/turn-stream.js';
import type { TurnEvent, TurnResult } from '../../src/agent/turn-events.js';
import { ConvrecError } from '../../src/errors/index.js';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { ScriptedModel, type ScriptedResponse, type ScriptedStep } from '../../src/model/scripted-model.js';
import { MemoryProfileStore } from '../../src/profile/memory-profile-store.js';
import { titleWithYear } from '../../src/catalog/title-with-year.js';
import type { Retriever } from '../../src/retrieval/index.js';
import {
  emptyUnderstanding,
  type Constraints,
  type Understanding,
} from '../../src/understanding/understanding-schema.js';
import { approximateTokenCounter } from '../../src/usage/token-counter.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
const models: ScriptedModel[] = [];

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

// Every scripted step must have been used by the end of each test.
afterEach(() => {
  for (const model of models.splice(0)) model.assertComplete();
});

type UnderstandingInput = Partial<Omit<Understanding, 'constraints'>> & {
  constraints?: Partial<Constraints>;
};

/** A complete understanding as the model would answer it, defaults from the empty one. */
function understanding(input: UnderstandingInput = {}): Understanding {
  const base = emptyUnderstanding(input.intent ?? 'recommend');
  return { ...base, ...input, constraints: { ...base.constraints, ...input.constraints } };
}

const understandStep = (
  input: UnderstandingInput = {},
  extra: Partial<ScriptedResponse> = {},
): ScriptedStep => ({
  purpose: 'understand',
  text: JSON.stringify(understanding(input)),
  ...extra,
});

interface Card {
  handle: string;
  /** "Heat (1995)" as the card shows it. */
  label: string;
}

const userText = (request: GenerateRequest) =>
  request.messages.findLast((message) => message.role === 'user')?.content ?? '';

/** The candidate cards of a rerank prompt, in order. */
function cardsOf(request: GenerateRequest): Card[] {
  const block = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(userText(request))?.[1] ?? '';
  return block.split('\n').map((line) => {
    const [handle, label] = line.split(' | ');
    return { handle: handle!, label: label! };
  });
}

/** A rerank step that reads the real cards from the prompt and answers with `answer(cards)`. */
function rerankStep(
  answer: (cards: Card[]) => string,
  seen: Card[][] = [],
  extra: Partial<ScriptedResponse> = {},
) {
  return (request: GenerateRequest): ScriptedResponse => {
    const cards = cardsOf(request);
    seen.push(cards);
    return { text: answer(cards), ...extra };
  };
}

/** "REPLY: …" then one line per pick, with a reason naming the handle. */
function rerankAnswer(reply: string, handles: string[]): string {
  return [
    `REPLY: ${reply}`,
    ...handles.map((handle, index) => `${index + 1}. ${handle} | because of ${handle}`),
  ].join('\n');
}

function scripted(steps: ScriptedStep[], modelId = 'scripted-gpt'): ScriptedModel {
  const model = new ScriptedModel(steps, { modelId });
  models.push(model);
  return model;
}

async function llmRecommender(
  model: ScriptedModel,
  options: { store?: MemoryProfileStore; clock?: () => number } = {},
): Promise<Recommender> {
  return createRecommender({
    retriever,
    model,
    profileStore: options.store ?? new MemoryProfileStore(),
    tokenCounter: approximateTokenCounter,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

async function drain(stream: TurnStream): Promise<{ events: TurnEvent[]; result: TurnResult }> {
  const events: TurnEvent[] = [];
  for await (const event of stream) events.push(event);
  return { events, result: await stream.result() };
}

const labels = (result: TurnResult) => result.recommendations.map((entry) => titleWithYear(entry.item));
const ids = (result: TurnResult) => result.recommendations.map((entry) => entry.item.id);
const byTitle = (title: string) => retriever.catalog.items.find((item) => item.title === title)!;
const deltas = (events: TurnEvent[]) =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
const degradations = (events: TurnEvent[]) =>
  events.flatMap((event) => (event.type === 'degraded' ? [event.degradation] : []));
const searchInput = (result: TurnResult) =>
  result.toolCalls.find((call) => call.name === 'search_catalog')?.input as
    { likedIds: string[]; proposedIds: string[]; filters: Record<string, unknown> } | undefined;

function expectCatalogItems(result: TurnResult, count: number): void {
  expect(result.recommendations).toHaveLength(count);
  expect(new Set(ids(result)).size).toBe(count);
  for (const entry of result.recommendations)
    expect(retriever.catalog.byId.get(entry.item.id)).toBe(entry.item);
}

describe('LLM agent turns with a scripted model', () => {
  it('recommends the handles the model chose, in its order, with its reasons, in two calls', async () => {
    const seen: Card[][] = [];
    const reply = 'Here are five tense heist films with crews that plan every move.';
    const model = scripted([
      understandStep({ queries: ['professional thieves plan a heist', 'bank robbery crew'] }),
      rerankStep(
        (cards) =>
          rerankAnswer(
            reply,
            [cards[2]!, cards[0]!, cards[6]!, cards[1]!, cards[4]!].map((card) => card.handle),
          ),
        seen,
      ),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const { events, result } = await drain(session.send('a clever heist movie'));

    expect(model.calls.map((call) => [call.method, call.purpose])).toEqual([
      ['generate', 'understand'],
      ['stream', 'rerank'],
    ]);
    expect(userText(model.calls[0]!)).toContain('a clever heist movie');
    const cards = seen[0]!;
    expect(cards.length).toBeGreaterThanOrEqual(5);
    expect(labels(result)).toEqual(
      [cards[2], cards[0], cards[6], cards[1], cards[4]].map((card) => card!.label),
    );
    expect(result.recommendations.map((entry) => entry.reason)).toEqual(
      ['c3', 'c1', 'c7', 'c2', 'c5'].map((handle) => `because of ${handle}`),
    );
    expectCatalogItems(result, 5);
    expect(result.mode).toBe('llm');
    expect(result.model).toBe('scripted-gpt');
    expect(result.intent).toBe('recommend');
    expect(result.reply).toBe(reply);
    // The reply is shown once the picks have validated, in one piece, before the list.
    const textEvents = events.filter((event) => event.type === 'text-delta');
    expect(textEvents).toHaveLength(1);
    expect(deltas(events)).toBe(result.reply);
    const types = events.map((event) => event.type);
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('recommendations'));
    expect(types.at(-1)).toBe('turn-end');
    expect(result.degraded).toEqual([]);
  });

  it('"more like the second one" seeds retrieval with the second shown item and does not show it again', async () => {
    const seen: Card[][] = [];
    const model = scripted([
      understandStep({ queries: ['space adventure', 'alien planet'] }),
      rerankStep(
        (cards) =>
          rerankAnswer(
            'Five space adventures.',
            cards.slice(0, 5).map((card) => card.handle),
          ),
        seen,
      ),
      understandStep({ intent: 'refine', referencedPosition: 2, queries: ['space adventure'] }),
      rerankStep(
        (cards) =>
          rerankAnswer(
            'More like that one.',
            cards.slice(0, 5).map((card) => card.handle),
          ),
        seen,
      ),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const first = await session.send('a space adventure').result();
    const second = first.recommendations[1]!.item;
    const { result } = await drain(session.send('more like the second one'));

    expect(result.intent).toBe('refine');
    expect(searchInput(result)?.likedIds[0]).toBe(second.id);
    // The reranker is told what the user liked.
    expect(userText(model.calls[3]!)).toContain(`Liked: ${titleWithYear(second)}`);
    expect(ids(result)).not.toContain(second.id);
    for (const id of ids(first)) expect(ids(result)).not.toContain(id);
    for (const card of seen[1]!) expect(labels(first)).not.toContain(card.label);
    expectCatalogItems(result, 5);
    expect(model.calls.slice(2).map((call) => call.purpose)).toEqual(['understand', 'rerank']);
  });

  it('answers a question about a shown item from its card in a second, streamed call, with no new list', async () => {
    let answerPrompt = '';
    const answer = 'It leads because you asked for something the whole family can watch together.';
    const model = scripted([
      understandStep({ queries: ['animated family film'] }),
      rerankStep((cards) =>
        rerankAnswer(
          'Five for the family.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
      understandStep({ intent: 'ask-about-item', referencedPosition: 1 }),
      (request) => {
        answerPrompt = userText(request);
        return { purpose: 'answer', text: answer };
      },
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const first = await session.send('an animated film for the kids').result();
    const { events, result } = await drain(session.send('why the first?'));

    expect(result.intent).toBe('ask-about-item');
    expect(result.usage.llmCalls).toBe(2);
    expect(model.calls.slice(2).map((call) => call.purpose)).toEqual(['understand', 'answer']);
    expect(result.reply).toBe(answer);
    expect(deltas(events)).toBe(answer);
    expect(result.degraded).toEqual([]);
    expect(result.recommendations).toEqual([]);
    expect(events.some((event) => event.type === 'recommendations')).toBe(false);
    const item = first.recommendations[0]!;
    // The model sees that item's card (not another one) and the reason it was shown, as data.
    const card = /<item>\n(.*)\n<\/item>/.exec(answerPrompt)?.[1] ?? '';
    expect(card).toContain(titleWithYear(item.item));
    for (const genre of item.item.genres.slice(0, 3)) expect(card).toContain(genre);
    expect(answerPrompt).toContain(`<reason>\n${item.reason}\n</reason>`);
    expect(answerPrompt).toContain('why the first?');
    expect(result.toolCalls).toEqual([
      expect.objectContaining({ name: 'get_item', input: { id: item.item.id } }),
    ]);
  });

  it('answers about the item from its card offline when the answer call fails or comes back empty', async () => {
    const heat = byTitle('Heat');
    const model = scripted([
      understandStep({
        intent: 'ask-about-item',
        mentionedTitles: [{ title: 'Heat', sentiment: 'neutral' }],
      }),
      {
        purpose: 'answer',
        error: new ConvrecError('MODEL_UNAVAILABLE', 'connection refused', { retryable: true }),
      },
      understandStep({
        intent: 'ask-about-item',
        mentionedTitles: [{ title: 'Heat', sentiment: 'neutral' }],
      }),
      { purpose: 'answer', text: '  \n' },
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    for (const code of ['MODEL_UNAVAILABLE', 'MODEL_OUTPUT_INVALID']) {
      const { result } = await drain(session.send('what is Heat about?'));
      expect(result.reply).toMatch(/^Heat \(1995\)/);
      expect(result.reply).toContain(heat.genres[0]!);
      expect(result.degraded).toEqual([expect.objectContaining({ stage: 'answer', code })]);
      expect(result.usage.llmCalls).toBe(2);
      expect(result.recommendations).toEqual([]);
    }
  });

  it('answers about a named title without storing a verdict the user did not give', async () => {
    const heat = byTitle('Heat');
    const store = new MemoryProfileStore();
    const model = scripted([
      understandStep({
        intent: 'ask-about-item',
        mentionedTitles: [{ title: 'Heat', sentiment: 'neutral' }],
      }),
      (request) => {
        expect(userText(request)).toContain('<reason>\n(it was not suggested; the user named it)\n</reason>');
        return { purpose: 'answer', text: 'Heat (1995) is a crime thriller about a crew of thieves.' };
      },
    ]);
    const session = (await llmRecommender(model, { store })).session({ userId: 'ana' });
    const result = await session.send('tell me about Heat').result();

    expect(result.reply).toMatch(/^Heat \(1995\)/);
    expect(result.toolCalls.map((call) => call.name)).toEqual(['get_item']);
    expect(result.toolCalls[0]!.input).toEqual({ id: heat.id });
    expect(await store.feedback('ana')).toEqual([]);
    expect(await store.summary('ana')).toBeUndefined();
  });

  it.each(['chit-chat', 'clarify'] as const)(
    'answers %s with the understanding reply in one call',
    async (intent) => {
      const reply =
        intent === 'chit-chat'
          ? 'Hello! Tell me a film you loved and I will find more like it.'
          : 'Happy to help: what mood are you in, something light or something tense?';
      const model = scripted([understandStep({ intent, reply })]);
      const session = (await llmRecommender(model)).session({ userId: 'ana' });
      const { events, result } = await drain(session.send(intent === 'chit-chat' ? 'hi!' : 'hmm, not sure'));

      expect(result.intent).toBe(intent);
      expect(result.reply).toBe(reply);
      expect(result.recommendations).toEqual([]);
      expect(result.usage.llmCalls).toBe(1);
      expect(result.toolCalls).toEqual([]);
      expect(events.some((event) => event.type === 'recommendations')).toBe(false);
    },
  );

  it('puts proposed titles that resolve among the candidates and drops unknown ones silently', async () => {
    const paddington = byTitle('Paddington 2');
    const seen: Card[][] = [];
    const model = scripted([
      understandStep({
        queries: ['epic space opera', 'starship battle'],
        proposedTitles: ['Zorblax Returns From Mars', 'Paddington 2'],
      }),
      rerankStep((cards) => {
        const handle = cards.find((card) => card.label === titleWithYear(paddington))?.handle ?? 'c1';
        return rerankAnswer('A surprising first pick, then space.', [handle, 'c1', 'c2', 'c3', 'c4']);
      }, seen),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const result = await session.send('a space opera').result();

    expect(searchInput(result)?.proposedIds).toEqual([paddington.id]);
    expect(seen[0]!.map((card) => card.label)).toContain(titleWithYear(paddington));
    expect(ids(result)[0]).toBe(paddington.id);
    expectCatalogItems(result, 5);
    expect(result.reply).not.toMatch(/Zorblax/);
    expect(result.degraded).toEqual([]);
  });

  it('enforces the understood constraints as filters whatever the reranker answers', async () => {
    const seen: Card[][] = [];
    const model = scripted([
      understandStep({
        queries: ['scary haunted house', 'supernatural thriller'],
        constraints: { yearFrom: 2005, excludeGenres: ['horror'] },
      }),
      // The model reaches for handles beyond the cards, where an older horror film might have been.
      rerankStep(() => rerankAnswer('Here you go.', ['c41', 'c60', 'c1', 'c2', 'c3', 'c4', 'c5']), seen),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const result = await session.send('something spooky but recent, no horror').result();

    expect(searchInput(result)?.filters).toMatchObject({ yearFrom: 2005, excludeGenres: ['horror'] });
    for (const card of seen[0]!)
      expect(Number(/\((\d{4})\)$/.exec(card.label)?.[1])).toBeGreaterThanOrEqual(2005);
    expectCatalogItems(result, 5);
    for (const { item } of result.recommendations) {
      expect(item.year).toBeGreaterThanOrEqual(2005);
      expect(item.genres).not.toContain('horror');
    }
  });

  it('keeps a hard constraint in force when a refinement does not repeat it', async () => {
    const model = scripted([
      understandStep({ queries: ['crime thriller'], constraints: { yearFrom: 2001 } }),
      rerankStep((cards) =>
        rerankAnswer(
          'Recent crime.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
      understandStep({ intent: 'refine', queries: ['crime thriller with more action'] }),
      rerankStep((cards) =>
        rerankAnswer(
          'More action.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    await session.send('a crime thriller after 2000').result();
    const result = await session.send('more action please').result();

    expect(result.recommendations.length).toBeGreaterThan(0);
    for (const { item } of result.recommendations) expect(item.year).toBeGreaterThanOrEqual(2001);
  });

  it('"/more" reranks the next results in one call and shows none of the earlier ones', async () => {
    const model = scripted([
      understandStep({ queries: ['romantic comedy', 'love story in a city'] }),
      rerankStep((cards) =>
        rerankAnswer(
          'Five rom-coms.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
      rerankStep((cards) =>
        rerankAnswer(
          'Five more.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const first = await session.send('a romantic comedy').result();
    const more = await session.more().result();

    expect(model.calls.slice(2).map((call) => call.purpose)).toEqual(['rerank']);
    expect(more.reply).toBe('Five more.');
    expectCatalogItems(more, 5);
    for (const id of ids(first)) expect(ids(more)).not.toContain(id);
  });
});

describe('LLM agent robustness', () => {
  it('falls back to the offline understanding after two invalid answers and still recommends', async () => {
    const model = scripted([
      { purpose: 'understand', text: 'Sure! The user wants a heist film.' },
      { purpose: 'understand', text: '{"intent": "shopping"}' },
      rerankStep((cards) =>
        rerankAnswer(
          'Heists.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const { events, result } = await drain(session.send('a heist movie like Heat'));

    expect(degradations(events)).toEqual([
      expect.objectContaining({ stage: 'understand', code: 'MODEL_OUTPUT_INVALID' }),
    ]);
    expect(result.degraded).toEqual(degradations(events));
    // The offline rules read the message.
    expect(result.understanding.mentionedTitles).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^Heat\b/) }),
    ]);
    expectCatalogItems(result, 5);
    expect(ids(result)).not.toContain(byTitle('Heat').id);
    expect(model.calls.map((call) => call.purpose)).toEqual(['understand', 'understand', 'rerank']);
  });

  it('shows the offline ranking with offline reasons when the rerank call fails', async () => {
    const model = scripted([
      understandStep({ queries: ['a road trip comedy'] }),
      {
        purpose: 'rerank',
        error: new ConvrecError('MODEL_UNAVAILABLE', 'HTTP 503 overloaded', { retryable: true }),
      },
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const { events, result } = await drain(session.send('a road trip comedy'));

    expect(degradations(events)).toEqual([
      expect.objectContaining({
        stage: 'rerank',
        code: 'MODEL_UNAVAILABLE',
        message: expect.stringMatching(/overloaded/),
      }),
    ]);
    const cards = cardsOf(model.calls[1]!);
    expect(labels(result)).toEqual(cards.slice(0, 5).map((card) => card.label));
    for (const entry of result.recommendations) expect(entry.reason.length).toBeGreaterThan(10);
    expect(result.reply).toMatch(/^Here are 5/);
    expect(deltas(events)).toBe('');
    expectCatalogItems(result, 5);
  });

  it('keeps only catalog items when the model names unknown, repeated or out-of-range handles', async () => {
    const answer = [
      'REPLY: My picks, including a hidden gem.',
      '1. c2 | a fine match',
      '2. c99 | a film that is not on any card',
      '3. c2 | the same film again',
      '4. c0 | handle zero',
      '5. The Godfather | not a handle at all',
    ].join('\n');
    const model = scripted([understandStep({ queries: ['gangster family saga'] }), rerankStep(() => answer)]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const { events, result } = await drain(session.send('a gangster saga'));

    const cards = cardsOf(model.calls[1]!);
    expectCatalogItems(result, 5);
    // The valid pick first with its reason, then filled in the order the cards were shown.
    expect(labels(result)).toEqual(
      [cards[1], cards[0], cards[2], cards[3], cards[4]].map((card) => card!.label),
    );
    expect(result.recommendations[0]!.reason).toBe('a fine match');
    for (const entry of result.recommendations.slice(1))
      expect(entry.reason).not.toMatch(/handle|same film|not on any card/);
    const [degradation] = degradations(events);
    expect(degradation).toMatchObject({ stage: 'rerank', code: 'MODEL_OUTPUT_INVALID' });
    expect(degradation!.message).toMatch(/unknown handle c99/);
    expect(degradation!.message).toMatch(/repeated handle c2/);
  });

  it('cancels a turn during the rerank stream instead of degrading it', async () => {
    const controller = new AbortController();
    const model = scripted([
      understandStep({ queries: ['western'] }),
      (request) => {
        controller.abort();
        return {
          text: rerankAnswer(
            'Too late.',
            cardsOf(request)
              .slice(0, 5)
              .map((card) => card.handle),
          ),
        };
      },
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const events: TurnEvent[] = [];
    const stream = session.send('a western', { signal: controller.signal });
    await expect(
      (async () => {
        for await (const event of stream) events.push(event);
      })(),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(stream.result()).rejects.toMatchObject({ code: 'ABORTED' });
    expect(degradations(events)).toEqual([]);
    expect(events.some((event) => event.type === 'recommendations' || event.type === 'turn-end')).toBe(false);
  });

  it('reports the tokens the model reports, and estimates them when it reports none', async () => {
    const model = scripted([
      understandStep(
        { intent: 'chit-chat', reply: 'Hi!' },
        { usage: { inputTokens: 812, outputTokens: 64 } },
      ),
      understandStep({ intent: 'chit-chat', reply: 'Hello again!' }),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const reported = await session.send('hi').result();
    const estimated = await session.send('hello').result();

    expect(reported.usage).toMatchObject({ llmCalls: 1, inputTokens: 812, outputTokens: 64 });
    expect(reported.usage.calls).toEqual([
      expect.objectContaining({ purpose: 'understand', counted: 'reported' }),
    ]);
    expect(estimated.usage.llmCalls).toBe(1);
    const [call] = estimated.usage.calls;
    expect(call).toMatchObject({ purpose: 'understand', counted: 'estimated' });
    // The understanding prompt alone is several hundred tokens; the answer is the JSON object.
    expect(call!.inputTokens).toBeGreaterThan(300);
    expect(call!.outputTokens).toBe(estimated.usage.outputTokens);
    expect(call!.outputTokens).toBeGreaterThan(20);
  });

  it('times each stage of a turn', async () => {
    let now = 1_000;
    const model = scripted([
      () => {
        now += 120;
        return { text: JSON.stringify(understanding({ queries: ['courtroom drama'] })) };
      },
      (request) => {
        now += 300;
        return {
          text: rerankAnswer(
            'Trials.',
            cardsOf(request)
              .slice(0, 5)
              .map((card) => card.handle),
          ),
        };
      },
    ]);
    const session = (await llmRecommender(model, { clock: () => now })).session({ userId: 'ana' });
    const result = await session.send('a courtroom drama').result();

    expect(result.timings).toEqual({
      contextMs: 0,
      understandMs: 120,
      toolsMs: 0,
      rerankMs: 300,
      totalMs: 420,
    });
    expect(result.usage.calls[0]).toMatchObject({ purpose: 'understand', ms: 120 });
  });

  // Known gap: createRecommender builds the reranker over the raw model, not over the turn's metered
  // model, so the rerank call is missing from `usage`. Drop `.fails` once the reranker is metered.
  it('counts the rerank call in the turn usage', async () => {
    const model = scripted([
      understandStep({ queries: ['feel-good musical'] }, { usage: { inputTokens: 812, outputTokens: 64 } }),
      rerankStep(
        (cards) =>
          rerankAnswer(
            'Songs!',
            cards.slice(0, 5).map((card) => card.handle),
          ),
        [],
        {
          usage: { inputTokens: 1500, outputTokens: 120 },
        },
      ),
    ]);
    const session = (await llmRecommender(model)).session({ userId: 'ana' });
    const { usage } = await session.send('a feel-good musical').result();

    expect(usage).toMatchObject({ llmCalls: 2, inputTokens: 2312, outputTokens: 184 });
    expect(usage.calls.map((call) => [call.purpose, call.counted])).toEqual([
      ['understand', 'reported'],
      ['rerank', 'reported'],
    ]);
  });
});

describe('LLM agent profiles', () => {
  it('writes an LLM summary at the end of a session and reads it in the next one', async () => {
    const store = new MemoryProfileStore();
    const summary = 'Loves slow-burn crime epics such as Heat; avoids horror.';
    const model = scripted([
      understandStep({
        queries: ['slow-burn crime epic'],
        mentionedTitles: [{ title: 'Heat', sentiment: 'liked' }],
      }),
      rerankStep((cards) =>
        rerankAnswer(
          'Crime epics.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
      { purpose: 'summarize', text: `  ${summary}\n` },
      understandStep({
        intent: 'chit-chat',
        reply: 'Welcome back! Noted.',
        mentionedTitles: [{ title: 'The Godfather', sentiment: 'disliked' }],
      }),
    ]);
    const recommender = await llmRecommender(model, { store });
    const first = recommender.session({ userId: 'ana' });
    await first.send('I loved Heat, something like it').result();
    const ended = await first.end();
    expect(ended).toEqual({ summary: expect.objectContaining({ text: summary }), degraded: [] });

    expect(await store.feedback('ana')).toEqual([
      expect.objectContaining({ itemId: byTitle('Heat').id, kind: 'liked' }),
    ]);
    const saved = await store.summary('ana');
    expect(saved).toMatchObject({ text: summary, writtenBy: 'scripted-gpt' });
    expect(userText(model.calls[2]!)).toContain(`liked: ${titleWithYear(byTitle('Heat'))}`);

    await recommender
      .session({ userId: 'ana' })
      .send('hello again. I hated The Godfather, by the way')
      .result();
    const prompt = userText(model.calls[3]!);
    expect(/<profile>\n([\s\S]*?)\n<\/profile>/.exec(prompt)?.[1]).toContain(summary);
    // New feedback is stored, and the LLM summary is not overwritten by an offline one mid-session.
    expect(await store.feedback('ana')).toContainEqual(
      expect.objectContaining({ itemId: byTitle('The Godfather').id, kind: 'disliked' }),
    );
    expect(await store.summary('ana')).toMatchObject({ text: summary, writtenBy: 'scripted-gpt' });
  });

  it('writes the offline summary when the model fails to summarize', async () => {
    const store = new MemoryProfileStore();
    const model = scripted([
      understandStep({
        intent: 'chit-chat',
        reply: 'Noted!',
        mentionedTitles: [{ title: 'Heat', sentiment: 'liked' }],
      }),
      { purpose: 'summarize', error: new ConvrecError('MODEL_TIMEOUT', 'too slow', { retryable: true }) },
    ]);
    const session = (await llmRecommender(model, { store })).session({ userId: 'ana' });
    await session.send('I loved Heat').result();
    const ended = await session.end();

    const saved = await store.summary('ana');
    expect(saved?.writtenBy).toBe('offline');
    expect(saved?.text).toContain('Heat');
    // The caller learns the summary is the offline one, and why.
    expect(ended.summary).toEqual(saved);
    expect(ended.degraded).toEqual([
      expect.objectContaining({
        stage: 'summarize',
        code: 'MODEL_TIMEOUT',
        message: expect.stringMatching(/too slow/),
      }),
    ]);
  });

  it("never puts one user's profile into another user's prompts", async () => {
    const store = new MemoryProfileStore();
    const anaSummary = 'Ana adores Scandinavian noir and anything with Al Pacino.';
    const model = scripted([
      understandStep({ queries: ['crime'], mentionedTitles: [{ title: 'Heat', sentiment: 'liked' }] }),
      rerankStep((cards) =>
        rerankAnswer(
          'Crime.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
      { purpose: 'summarize', text: anaSummary },
      understandStep({ queries: ['crime'] }),
      rerankStep((cards) =>
        rerankAnswer(
          'Crime for Bob.',
          cards.slice(0, 5).map((card) => card.handle),
        ),
      ),
      understandStep({ intent: 'chit-chat', reply: 'Hi Ana.' }),
    ]);
    const recommender = await llmRecommender(model, { store });
    const ana = recommender.session({ userId: 'ana' });
    await ana.send('I loved Heat').result();
    await ana.end();
    await recommender.session({ userId: 'bob' }).send('a crime film, please').result();
    await recommender.session({ userId: 'ana' }).send('hi').result();

    const bobPrompts = model.calls
      .slice(3, 5)
      .map((call) => call.messages.map((message) => message.content).join('\n'));
    for (const prompt of bobPrompts) {
      expect(prompt).not.toContain('Scandinavian noir');
      expect(prompt).toContain('(no stored profile)');
      expect(prompt).not.toMatch(/Relevant past feedback/);
    }
    expect(userText(model.calls[5]!)).toContain(anaSummary);
    expect(await store.summary('bob')).toBeUndefined();
  });
});
