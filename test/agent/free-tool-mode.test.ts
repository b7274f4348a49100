import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import type { TurnEvent } from '../../src/agent/turn-events.js';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { ScriptedModel, type ScriptedStep } from '../../src/model/scripted-model.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { emptyUnderstanding } from '../../src/understanding/understanding-schema.js';
import { approximateTokenCounter } from '../../src/usage/token-counter.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
}, 60_000);

afterAll(async () => {
  await dispose();
});

const understand: ScriptedStep = {
  purpose: 'understand',
  text: JSON.stringify({ ...emptyUnderstanding(), queries: ['heist crew'] }),
};

/** Picks the first five cards of whatever the rerank prompt shows. */
const rerank: ScriptedStep = (request: GenerateRequest) => {
  const user = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  const handles = [...user.matchAll(/^(c\d+) \|/gm)].map((match) => match[1]!).slice(0, 5);
  return {
    purpose: 'rerank',
    text: `REPLY: Here you go.\n${handles.map((handle, index) => `${index + 1}. ${handle} | fits`).join('\n')}`,
  };
};

const search = (id: string) => ({
  purpose: 'agent',
  toolCalls: [
    { id, name: 'search_catalog', arguments: { queries: ['bank heist crew'], filters: { yearFrom: 2000 } } },
  ],
});

describe('free tool-calling mode', () => {
  it('lets the model search the catalog itself and ranks only what its tools returned', async () => {
    const model = new ScriptedModel([
      understand,
      search('call-1'),
      { purpose: 'agent', text: 'DONE' },
      rerank,
    ]);
    const recommender = await createRecommender({
      retriever,
      model,
      toolMode: 'free',
      tokenCounter: approximateTokenCounter,
    });
    const events: TurnEvent[] = [];
    const turn = recommender.session({ userId: 'ana' }).send('a heist movie from this century');
    for await (const event of turn) events.push(event);
    const result = await turn.result();
    model.assertComplete();
    expect(events.filter((event) => event.type === 'tool-call').map((event) => event.name)).toEqual([
      'search_catalog',
    ]);
    expect(result.recommendations).toHaveLength(5);
    for (const entry of result.recommendations) expect(entry.item.year).toBeGreaterThanOrEqual(2000);
    // The tool result went back to the model as a tool message.
    const second = model.calls[2]!;
    expect(second.messages.some((message) => message.role === 'tool' && message.content.includes('('))).toBe(
      true,
    );
    expect(result.usage.llmCalls).toBe(4);
  });

  it('stops at the step cap, says so, and still answers from what was found', async () => {
    const model = new ScriptedModel([understand, search('a'), search('b'), rerank]);
    const recommender = await createRecommender({
      retriever,
      model,
      toolMode: 'free',
      maxToolSteps: 2,
      tokenCounter: approximateTokenCounter,
    });
    const result = await recommender.session({ userId: 'ana' }).send('a heist movie').result();
    model.assertComplete();
    expect(result.degraded.map((entry) => entry.code)).toContain('MAX_STEPS_EXCEEDED');
    expect(result.recommendations).toHaveLength(5);
    for (const entry of result.recommendations)
      expect(retriever.catalog.byId.get(entry.item.id)).toBe(entry.item);
  });
});
