import { beforeAll, describe, expect, it } from 'vitest';
import type { InteractionLog } from '../../src/collaborative/interaction-log.js';
import { readDialogue } from '../../src/dialogue/read-dialogue.js';
import { buildIndex } from '../../src/index-store/index.js';
import { defaultRetrievalWeights, Retriever, type Candidate } from '../../src/retrieval/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog();
const ids = (candidates: Candidate[]) => candidates.map((candidate) => candidate.item.id);

/** m10 is in most sessions; m4 and m6 always come together; m8 comes with m7. */
const log: InteractionLog = {
  source: 'log.jsonl',
  sessions: [
    { sessionId: 's1', itemIds: ['m4', 'm6', 'm10'] },
    { sessionId: 's2', itemIds: ['m4', 'm6', 'm10'] },
    { sessionId: 's3', itemIds: ['m7', 'm8'] },
    { sessionId: 's4', itemIds: ['m1', 'm10'] },
    { sessionId: 's5', itemIds: ['m2', 'm10'] },
  ],
  skipped: [],
};

let retriever: Retriever;
let withLog: Retriever;
beforeAll(async () => {
  retriever = new Retriever((await buildIndex({ catalog, dimensions: 8 })).components);
  withLog = new Retriever((await buildIndex({ catalog, dimensions: 8, log })).components);
});

describe('reading a dialogue', () => {
  it('recognises people and years as well as titles', () => {
    const { request, mentions } = readDialogue(retriever, [
      { role: 'user', text: 'I loved Heat. Anything with emma stone from the 2000s?' },
    ]);
    expect(mentions.map((mention) => mention.id)).toEqual(['m4']);
    expect(request.preferredPeople).toEqual(['Emma Stone']);
    expect(request.preferredYears).toEqual({ from: 2000, to: 2009 });
  });
});

describe('soft lists', () => {
  it('puts the items of a person the user asked for first', async () => {
    const results = await retriever.retrieve({ preferredPeople: ['Emma Stone'], k: 2 });
    expect(ids(results).sort()).toEqual(['m8', 'm9']);
    expect(results[0]!.ranks.people).toBeDefined();
  });

  it('puts items from the requested years first', async () => {
    const results = await retriever.retrieve({ preferredYears: { from: 2009, to: 2010 }, k: 3 });
    expect(ids(results).sort()).toEqual(['m10', 'm2', 'm8']);
  });

  it('finds items of sessions that share the liked items (session kNN)', async () => {
    const results = await withLog.retrieve({
      likedIds: ['m7'],
      excludeSeen: true,
      k: 3,
    });
    expect(results[0]!.item.id).toBe('m8');
    expect(results[0]!.ranks.sessions).toBeDefined();
  });
});

describe('popularity prior', () => {
  it('lifts items seen in many sessions only when the prior is on', async () => {
    const components = withLog.components;
    const rank = async (popularityPrior: number) => {
      const plain = new Retriever(components, { ...defaultRetrievalWeights, popularityPrior });
      return ids(
        await plain.retrieve({ queries: ['animated'], preferredGenres: ['animation'], k: 3 }),
      ).indexOf('m10');
    };
    const without = await rank(0);
    const strong = await rank(2);
    expect(strong).toBe(0);
    expect(strong).toBeLessThanOrEqual(without);
  });
});

describe('topic shift', () => {
  const dialogue = [
    { role: 'user' as const, text: 'I loved Heat.' },
    { role: 'assistant' as const, text: 'How about Collateral?' },
    { role: 'user' as const, text: 'Now something animated for the kids.' },
  ];

  it('keeps earlier likes by default (what ReDial rewards)', () => {
    expect(readDialogue(retriever, dialogue).request.likedIds).toContain('m4');
  });

  it('lets a new request drop earlier likes when asked, still hiding them', () => {
    const { request } = readDialogue(retriever, dialogue, { topicShift: true });
    expect(request.likedIds).toEqual([]);
    expect(request.seenIds).toContain('m4');
    expect(request.queries).toEqual(['Now something animated for the kids.']);
  });

  it('does not shift when the new message points back', () => {
    const pointing = [
      ...dialogue.slice(0, 2),
      { role: 'user' as const, text: 'More like that, but animated.' },
    ];
    expect(readDialogue(retriever, pointing, { topicShift: true }).request.likedIds).toContain('m4');
  });
});
