import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../../src/model/scripted-model.js';
import { loadPrompt, promptsDirectory } from '../../src/prompts/index.js';
import { OnePassReranker } from '../../src/ranking/one-pass-reranker.js';
import type { RenderablePrompt, RerankInput } from '../../src/ranking/reranker.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog();

function input(k: number, ids = catalog.items.map((item) => item.id)): RerankInput {
  return {
    candidates: ids.map((id, index) => ({ item: catalog.byId.get(id)!, score: 1 - index / 100, ranks: {} })),
    k,
    catalog,
    catalogKind: 'movie',
    profileText: 'liked Heat (1995)',
    requestText: 'a tense crime film',
  };
}

/** A stand-in for prompts/rerank.md: every value lands in the rendered text. */
const prompt: RenderablePrompt = {
  render: (values) => ({
    system: `Pick the best ${values['k']} ${values['catalog_kind']} candidates.`,
    user: `<profile>${values['profile']}</profile>\n<request>${values['request']}</request>\n<cards>\n${values['cards']}\n</cards>`,
  }),
};

const ids = (outcome: { picks: { candidate: { item: { id: string } } }[] }) =>
  outcome.picks.map((pick) => pick.candidate.item.id);

describe('OnePassReranker', () => {
  it('streams one call over the cards and returns the picks with reasons and the reply', async () => {
    const reply = 'Two tense crime films by Michael Mann, close to Heat in mood and pace.';
    const model = new ScriptedModel([
      {
        purpose: 'rerank',
        text: `REPLY: ${reply}\n1. c6 | Michael Mann again, a tense night in Los Angeles.\n2. c4 | Bank robbers like in Heat.`,
      },
    ]);
    const deltas: string[] = [];
    const outcome = await new OnePassReranker(model, prompt).rerank(
      input(2, ['m1', 'm4', 'm9', 'm5', 'm10', 'm6']),
      { onReplyDelta: (delta) => deltas.push(delta) },
    );

    expect(outcome).toEqual({
      picks: [
        {
          candidate: expect.objectContaining({ item: catalog.byId.get('m6') }),
          reason: 'Michael Mann again, a tense night in Los Angeles.',
        },
        {
          candidate: expect.objectContaining({ item: catalog.byId.get('m5') }),
          reason: 'Bank robbers like in Heat.',
        },
      ],
      reply,
      problems: [],
    });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(reply);

    expect(model.calls).toHaveLength(1);
    const call = model.calls[0]!;
    expect(call).toMatchObject({ method: 'stream', purpose: 'rerank' });
    expect(call.messages[0]).toEqual({ role: 'system', content: 'Pick the best 2 movie candidates.' });
    const user = call.messages[1]!.content;
    expect(user).toContain('<profile>liked Heat (1995)</profile>');
    expect(user).toContain('<request>a tense crime film</request>');
    expect(user).toContain('c2 | Heat (1995) | crime, thriller | Michael Mann, Al Pacino, Robert De Niro |');
    expect(user).toContain('c6 | Collateral (2004)');
    model.assertComplete();
  });

  it('fills every variable of prompts/rerank.md', async () => {
    const rerankPrompt = await loadPrompt(join(promptsDirectory(), 'rerank.md'));
    const model = new ScriptedModel([{ purpose: 'rerank', text: 'REPLY: Crime it is.\n1. c4 | Mann.' }]);
    const outcome = await new OnePassReranker(model, rerankPrompt).rerank(input(1), {});
    expect(ids(outcome)).toEqual(['m4']);
    const [system, user] = model.calls[0]!.messages;
    expect(system!.content).toContain('You are a movie recommender');
    expect(system!.content).toContain('Choose the best 1 candidates');
    expect(user!.content).toMatch(/^<profile>\nliked Heat \(1995\)\n<\/profile>/);
    expect(user!.content).toMatch(/<cards>\n(c\d+ \|[^\n]*\n){12}<\/cards>$/);
  });

  it('shows the model at most maxCards cards', async () => {
    const model = new ScriptedModel([{ purpose: 'rerank', text: 'REPLY: ok\n1. c1 | a' }]);
    await new OnePassReranker(model, prompt, { maxCards: 4 }).rerank(input(1), {});
    const handles = [...model.calls[0]!.messages[1]!.content.matchAll(/^(c\d+) \|/gm)].map(
      (match) => match[1],
    );
    expect(handles).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('drops unknown and repeated handles and fills up from retrieval order', async () => {
    const model = new ScriptedModel([
      {
        purpose: 'rerank',
        text: 'Sure!\nREPLY: Here are some picks.\n1. c3 | Fine.\n2. c40 | Not a card.\n3. c3 | Twice.\n4. m7 | An id, not a handle.',
      },
    ]);
    const outcome = await new OnePassReranker(model, prompt).rerank(input(3, ['m4', 'm5', 'm6', 'm7']), {});
    expect(ids(outcome)).toEqual(['m6', 'm4', 'm5']);
    expect(outcome.picks.map((pick) => pick.reason)).toEqual(['Fine.', undefined, undefined]);
    expect(outcome.problems).toEqual([
      'unknown handle c40',
      'repeated handle c3',
      'model returned 1 of 3 picks',
    ]);
  });

  it('falls back to retrieval order without a reply when the answer cannot be read', async () => {
    const model = new ScriptedModel([{ purpose: 'rerank', text: 'I am sorry, I cannot help with that.' }]);
    const deltas: string[] = [];
    const outcome = await new OnePassReranker(model, prompt).rerank(input(3), {
      onReplyDelta: (delta) => deltas.push(delta),
    });
    expect(ids(outcome)).toEqual(['m1', 'm2', 'm3']);
    expect(outcome).not.toHaveProperty('reply');
    expect(deltas).toEqual([]);
  });

  it('returns every candidate once when k exceeds the candidates', async () => {
    const model = new ScriptedModel([{ purpose: 'rerank', text: 'REPLY: ok\n1. c2 | a\n2. c2 | b' }]);
    const outcome = await new OnePassReranker(model, prompt).rerank(input(10, ['m1', 'm2', 'm3']), {});
    expect(ids(outcome)).toEqual(['m2', 'm1', 'm3']);
  });

  it('passes the abort signal to the model', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = new ScriptedModel([{ purpose: 'rerank', text: 'REPLY: ok\n1. c1 | a' }]);
    await expect(
      new OnePassReranker(model, prompt).rerank(input(1), {}, controller.signal),
    ).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});
