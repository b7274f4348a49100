import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { ScriptedModel, type ScriptedCall, type ScriptedStep } from '../../src/model/scripted-model.js';
import type { RenderablePrompt, RerankInput } from '../../src/ranking/reranker.js';
import { loadPrompts, promptsDirectory } from '../../src/prompts/index.js';
import { SlidingWindowReranker } from '../../src/ranking/sliding-window-reranker.js';
import type { Candidate } from '../../src/retrieval/index.js';
import { thrownBy } from '../helpers/errors.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

/** 50 films; candidates are the first `count` of them, in retrieval order. */
const catalog = toyCatalog(
  Array.from({ length: 50 }, (_, index) => ({
    id: `i${index + 1}`,
    title: `Film ${index + 1}`,
    year: 1970 + index,
    genres: ['Drama'],
    description: `story number ${index + 1}`,
  })),
);

function input(count: number, k = 3): RerankInput {
  const candidates: Candidate[] = catalog.items
    .slice(0, count)
    .map((item, index) => ({ item, score: 1 - index / 100, ranks: { dense: index + 1 } }));
  return {
    candidates,
    k,
    catalog,
    catalogKind: 'movie',
    profileText: 'likes slow dramas',
    requestText: 'something quiet for tonight',
  };
}

/** A stand-in for the prompt files: every value lands in the rendered text. */
const prompt = (name: string): RenderablePrompt => ({
  render: (values) => ({
    system: `${name}: rank for a ${values['catalog_kind']} recommender, best ${values['k'] ?? 'all'}`,
    user: `${values['profile']}\n${values['request']}\n<cards>\n${values['cards']}\n</cards>`,
  }),
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `c${from + index}`);
const userText = (messages: GenerateRequest['messages'] | ScriptedCall['messages']) =>
  messages.findLast((message) => message.role === 'user')?.content ?? '';
/** Handles of the cards shown in a call, in the order shown. */
const shown = (call: ScriptedCall | GenerateRequest) =>
  [...userText(call.messages).matchAll(/^(c\d+) \|/gm)].map((match) => match[1]!);
const ids = (outcome: { picks: { candidate: Candidate }[] }) =>
  outcome.picks.map((pick) => pick.candidate.item.id);

/** A window step that answers with the shown cards reordered by `reorder`. */
const windowStep =
  (reorder: (handles: string[]) => string[]): ScriptedStep =>
  (request) => ({ text: reorder(shown(request)).join(' > ') });
const reversed = windowStep((handles) => [...handles].reverse());
const unchanged = windowStep((handles) => handles);
const promote = (handle: string) =>
  windowStep((handles) =>
    handles.includes(handle) ? [handle, ...handles.filter((other) => other !== handle)] : handles,
  );

const finalAnswer = 'REPLY: Three quiet dramas for tonight.\n1. c2 | Slow.\n2. c1 | Quiet.\n3. c3 | Calm.';

function reranker(model: ScriptedModel, options = {}) {
  return new SlidingWindowReranker(model, prompt('window'), prompt('final'), options);
}

describe('SlidingWindowReranker', () => {
  it('ranks 40 cards in three calls: two windows from the bottom up, then the top window streamed', async () => {
    const model = new ScriptedModel([reversed, reversed, { purpose: 'rerank', text: finalAnswer }]);
    const outcome = await reranker(model).rerank(input(40), {});

    expect(model.calls.map((call) => `${call.method} ${call.purpose}`)).toEqual([
      'generate rerank-window',
      'generate rerank-window',
      'stream rerank',
    ]);
    // Window [20, 40), reversed, then window [10, 30) of the new order.
    expect(shown(model.calls[0]!)).toEqual(range(21, 40));
    expect(shown(model.calls[1]!)).toEqual([...range(11, 20), ...range(31, 40).reverse()]);
    // The top window holds what the second window put first.
    expect(shown(model.calls[2]!)).toEqual([...range(1, 10), ...range(31, 40)]);
    expect(ids(outcome)).toEqual(['i2', 'i1', 'i3']);
    expect(outcome.problems).toEqual([]);
    model.assertComplete();
  });

  it('ranks 25 cards in two calls and 20 or fewer in one', async () => {
    const twoCalls = new ScriptedModel([reversed, { purpose: 'rerank', text: finalAnswer }]);
    await reranker(twoCalls).rerank(input(25), {});
    expect(shown(twoCalls.calls[0]!)).toEqual(range(6, 25));
    expect(shown(twoCalls.calls[1]!)).toEqual([...range(1, 5), ...range(6, 25).reverse().slice(0, 15)]);
    twoCalls.assertComplete();

    const oneCall = new ScriptedModel([{ purpose: 'rerank', text: finalAnswer }]);
    await reranker(oneCall).rerank(input(20), {});
    expect(shown(oneCall.calls[0]!)).toEqual(range(1, 20));
    oneCall.assertComplete();
  });

  it('follows its window, step and card limit options', async () => {
    const model = new ScriptedModel([unchanged, unchanged, { purpose: 'rerank', text: finalAnswer }]);
    await reranker(model, { maxCards: 12, window: 6, step: 3 }).rerank(input(40), {});
    expect(model.calls.map(shown)).toEqual([range(7, 12), range(4, 9), range(1, 6)]);
    model.assertComplete();
  });

  it('passes the request, profile and catalog kind to every call', async () => {
    const model = new ScriptedModel([unchanged, { purpose: 'rerank', text: finalAnswer }]);
    await reranker(model).rerank(input(30, 5), {});
    for (const call of model.calls) {
      expect(userText(call.messages)).toContain('likes slow dramas\nsomething quiet for tonight');
      expect(call.messages[0]).toMatchObject({ role: 'system' });
      expect(call.messages[0]!.content).toContain('movie recommender');
    }
    expect(model.calls[0]!.messages[0]!.content).toMatch(/^window: .* best all$/);
    expect(model.calls[1]!.messages[0]!.content).toMatch(/^final: .* best 5$/);
    expect(userText(model.calls[1]!.messages)).toContain('c1 | Film 1 (1970) | drama | story number 1');
  });

  it('fills every variable of the real prompt files, with the cards inside the fence', async () => {
    const prompts = await loadPrompts(promptsDirectory(), ['rerank-window', 'rerank']);
    const model = new ScriptedModel([unchanged, unchanged, { purpose: 'rerank', text: finalAnswer }]);
    const outcome = await new SlidingWindowReranker(model, prompts['rerank-window'], prompts.rerank).rerank(
      input(40),
      {},
    );
    expect(ids(outcome)).toEqual(['i2', 'i1', 'i3']);
    expect(model.calls[0]!.messages[0]!.content).toContain('Answer with the handles only');
    expect(model.calls[2]!.messages[0]!.content).toContain('Choose the best 3 candidates');
    for (const call of model.calls) {
      expect(userText(call.messages)).toMatch(/<request>\nsomething quiet for tonight\n<\/request>/);
      expect(userText(call.messages)).toMatch(/<cards>\n(c\d+ \|[^\n]*\n){20}<\/cards>$/);
    }
  });

  it('picks a bottom candidate that the windows carry up into the top window', async () => {
    const model = new ScriptedModel([
      promote('c40'),
      promote('c40'),
      { purpose: 'rerank', text: 'REPLY: Film 40 first.\n1. c40 | The one you want.\n2. c7 | Close.' },
    ]);
    const outcome = await reranker(model).rerank(input(40, 2), {});
    expect(shown(model.calls[2]!)).toEqual([...range(1, 10), 'c40', ...range(11, 19)]);
    expect(outcome.picks).toEqual([
      { candidate: expect.objectContaining({ item: catalog.byId.get('i40') }), reason: 'The one you want.' },
      { candidate: expect.objectContaining({ item: catalog.byId.get('i7') }), reason: 'Close.' },
    ]);
  });

  it('reads a window answer tolerantly: unknown, outside and repeated handles ignored, missing ones kept in order', async () => {
    const model = new ScriptedModel([
      { text: 'Sure: c99 > c25 > c1 > c25 > [c24] and the rest' },
      { purpose: 'rerank', text: finalAnswer },
    ]);
    const outcome = await reranker(model).rerank(input(25), {});
    expect(shown(model.calls[1]!)).toEqual([...range(1, 5), 'c25', 'c24', ...range(6, 18)]);
    expect(outcome.problems).toEqual([
      'window 6-25: ignored handles not in the window: c99, c1',
      'window 6-25: repeated handles: c25',
      'window 6-25: 18 of 20 cards not ranked, kept in their previous order',
    ]);
  });

  it('keeps the order when a window answer has no handles at all', async () => {
    const model = new ScriptedModel([{ text: 'I cannot rank these.' }, { purpose: 'rerank', text: '' }]);
    const outcome = await reranker(model).rerank(input(25, 4), {});
    expect(shown(model.calls[1]!)).toEqual(range(1, 20));
    expect(ids(outcome)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(outcome.reply).toBeUndefined();
  });

  it('drops hallucinated, repeated and off-window picks and fills up in the refined order', async () => {
    const model = new ScriptedModel([
      promote('c40'),
      promote('c40'),
      {
        purpose: 'rerank',
        text: 'REPLY: Here you go.\n1. c99 | Made up.\n2. c5 | Good.\n3. c5 | Again.\n4. c33 | Never shown.',
      },
    ]);
    const outcome = await reranker(model).rerank(input(40, 13), {});
    expect(ids(outcome)).toEqual([
      'i5',
      ...['i1', 'i2', 'i3', 'i4', 'i6', 'i7', 'i8', 'i9', 'i10'],
      'i40',
      'i11',
      'i12',
    ]);
    expect(outcome.picks[0]!.reason).toBe('Good.');
    expect(outcome.picks.slice(1).every((pick) => pick.reason === undefined)).toBe(true);
    expect(outcome.problems).toEqual([
      'unknown handle c99',
      'repeated handle c5',
      'unknown handle c33',
      'model returned 1 of 13 picks',
    ]);
  });

  it('returns only candidates, each once, whatever the model answers', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const noise = (count: number) =>
      Array.from({ length: count }, () => `c${Math.floor(random() * 60)}`).join(
        random() < 0.5 ? ' > ' : '\n',
      );
    for (let round = 0; round < 20; round++) {
      const count = 1 + Math.floor(random() * 40);
      const k = 1 + Math.floor(random() * 8);
      const windows = Math.max(0, Math.ceil((count - 20) / 10));
      const model = new ScriptedModel([
        ...Array.from({ length: windows }, () => ({ text: noise(25) })),
        { purpose: 'rerank', text: `REPLY: ok\n${noise(12)}` },
      ]);
      const request = input(count, k);
      const outcome = await reranker(model).rerank(request, {});
      const allowed = new Set(request.candidates.map((candidate) => candidate.item.id));
      expect(ids(outcome).every((id) => allowed.has(id))).toBe(true);
      expect(new Set(ids(outcome)).size).toBe(outcome.picks.length);
      expect(outcome.picks).toHaveLength(Math.min(k, count));
      model.assertComplete();
    }
  });

  it('streams the reply in deltas as the top-window answer arrives', async () => {
    const reply = 'Three quiet dramas for tonight, all slow and calm, as you asked for this evening.';
    const model = new ScriptedModel([
      unchanged,
      { purpose: 'rerank', text: `REPLY: ${reply}\n1. c2 | Slow.` },
    ]);
    const deltas: string[] = [];
    const outcome = await reranker(model).rerank(input(30), { onReplyDelta: (delta) => deltas.push(delta) });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(reply);
    expect(outcome.reply).toBe(reply);
  });

  it('stops between calls once the signal is aborted', async () => {
    const controller = new AbortController();
    const model = new ScriptedModel([
      (request) => {
        controller.abort();
        return { text: shown(request).join(' > ') };
      },
      unchanged,
      { purpose: 'rerank', text: finalAnswer },
    ]);
    const error = await thrownBy(() => reranker(model).rerank(input(40), {}, controller.signal));
    expect(error.code).toBe('ABORTED');
    expect(model.calls).toHaveLength(1);
  });

  it('refuses a step that would not move the window', () => {
    const model = new ScriptedModel([]);
    expect(() => reranker(model, { step: 0 })).toThrowError(
      /step must be an integer between 1 and the window/,
    );
    expect(() => reranker(model, { window: 10, step: 11 })).toThrowError(/step/);
    expect(() => reranker(model, { window: 1, step: 1 })).toThrowError(/window must be/);
  });
});
