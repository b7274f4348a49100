import { beforeAll, describe, expect, it } from 'vitest';
import type { InteractionLog } from '../../src/collaborative/interaction-log.js';
import { buildIndex } from '../../src/index-store/index.js';
import { Retriever, type Candidate } from '../../src/retrieval/index.js';
import { thrownBy } from '../helpers/errors.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog();
const ids = (candidates: Candidate[]) => candidates.map((candidate) => candidate.item.id);
const space = ['m1', 'm2', 'm3'];

/** m1 (space) and m7 (romance) are always watched together; m10 is watched with many others. */
const log: InteractionLog = {
  source: 'log.jsonl',
  sessions: [
    { sessionId: 's1', itemIds: ['m1', 'm7'] },
    { sessionId: 's2', itemIds: ['m1', 'm7'] },
    { sessionId: 's3', itemIds: ['m1', 'm7'] },
    { sessionId: 's4', itemIds: ['m10', 'm11'] },
    { sessionId: 's5', itemIds: ['m10', 'm5'] },
    { sessionId: 's6', itemIds: ['m10', 'm9'] },
    { sessionId: 's7', itemIds: ['m10'] },
  ],
  skipped: [],
};

let retriever: Retriever;
let withLog: Retriever;
beforeAll(async () => {
  retriever = new Retriever((await buildIndex({ catalog, dimensions: 8 })).components);
  withLog = new Retriever((await buildIndex({ catalog, dimensions: 8, log })).components);
});

describe('Retriever.retrieve', () => {
  it('ranks the items about the query topic first', async () => {
    expect(ids(await retriever.retrieve({ queries: ['astronauts in outer space'], k: 3 })).sort()).toEqual(
      space,
    );
    expect(ids(await retriever.retrieve({ queries: ['bank robbers plan a heist'], k: 1 }))).toEqual(['m5']);
    expect(ids(await retriever.retrieve({ queries: ['a clownfish in the ocean'], k: 1 }))).toEqual(['m11']);
  });

  it('returns exactly k candidates with their fused scores and source ranks', async () => {
    const results = await retriever.retrieve({ queries: ['astronauts in outer space'], k: 4 });
    expect(results).toHaveLength(4);
    expect(results[0]!.ranks['dense']).toBeDefined();
    const scores = results.map((candidate) => candidate.score);
    expect([...scores].sort((left, right) => right - left)).toEqual(scores);
  });

  it('honours hard filters', async () => {
    const results = await retriever.retrieve({
      queries: ['astronauts in outer space'],
      filters: { yearFrom: 2005 },
      k: 12,
    });
    expect(
      results.every((candidate) => candidate.item.year !== undefined && candidate.item.year >= 2005),
    ).toBe(true);
    expect(ids(results).slice(0, 2).sort()).toEqual(['m2', 'm3']);
    expect(ids(results)).not.toContain('m1');
    expect(ids(results)).not.toContain('m12');

    const crime = await retriever.retrieve({
      queries: ['astronauts in outer space'],
      filters: { genres: ['crime'] },
      k: 12,
    });
    expect(ids(crime).sort()).toEqual(['m4', 'm5', 'm6']);
  });

  it('never returns disliked items, and pushes their neighbours down', async () => {
    const query = { queries: ['astronauts in outer space'], k: 12 };
    const plain = await retriever.retrieve(query);
    const disliking = await retriever.retrieve({ ...query, dislikedIds: ['m1'] });
    expect(ids(disliking)).not.toContain('m1');
    expect(disliking).toHaveLength(11);
    const scoreOf = (results: Candidate[], id: string) =>
      results.find((candidate) => candidate.item.id === id)!.score;
    expect(scoreOf(disliking, 'm2')).toBeLessThan(scoreOf(plain, 'm2'));
  });

  it('drops liked and seen items only with excludeSeen', async () => {
    const request = { likedIds: ['m4'], seenIds: ['m6'], k: 12 };
    const keep = await retriever.retrieve(request);
    expect(ids(keep)).toEqual(expect.arrayContaining(['m4', 'm6']));
    const drop = await retriever.retrieve({ ...request, excludeSeen: true });
    expect(drop).toHaveLength(10);
    expect(ids(drop)).not.toContain('m4');
    expect(ids(drop)).not.toContain('m6');
  });

  it('suggests content neighbours of a liked item first', async () => {
    const results = await retriever.similarItems(['m4'], 2);
    expect(ids(results)).not.toContain('m4');
    expect(results[0]!.item.genres).toContain('crime');
  });

  it('finds similar items by content only, by co-watching only, or by both', async () => {
    // m1 is a space film always watched with the romance m7.
    const content = await withLog.similarItems(['m1'], 2, { by: 'content' });
    expect(ids(content).sort()).toEqual(['m2', 'm3']);
    const collaborative = await withLog.similarItems(['m1'], 5, { by: 'collaborative' });
    expect(ids(collaborative)).toEqual(['m7']);
    expect(ids(await withLog.similarItems(['m1'], 3))).toContain('m7');
    // Without a log there is no co-watching signal, and no popular padding either.
    expect(await retriever.similarItems(['m1'], 5, { by: 'collaborative' })).toEqual([]);
    // Filters hold for every kind.
    const recent = await withLog.similarItems(['m1'], 5, { by: 'content', filters: { yearFrom: 2005 } });
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((candidate) => (candidate.item.year ?? 0) >= 2005)).toBe(true);
    const invalid = await thrownBy(() =>
      withLog.similarItems(['m1'], 5, { by: 'content', filters: { yearFrom: 'soon' as never } }),
    );
    expect(invalid.code).toBe('CONFIG_INVALID');
  });

  it('suggests items watched together with a liked item when there is a log', async () => {
    const results = await withLog.retrieve({ likedIds: ['m1'], excludeSeen: true, k: 3 });
    expect(ids(results)[0]).toBe('m7');
    expect(results[0]!.ranks['collaborative']).toBe(1);
  });

  it('fills up to k with allowed items when the signals return too few', async () => {
    const noSignal = await retriever.retrieve({ k: 5 });
    expect(noSignal).toHaveLength(5);

    const narrow = await retriever.retrieve({ k: 5, filters: { genres: ['crime'] } });
    expect(ids(narrow).sort()).toEqual(['m4', 'm5', 'm6']);

    const popularFirst = await withLog.retrieve({ k: 4, filters: { yearFrom: 2000 } });
    expect(popularFirst).toHaveLength(4);
    expect(ids(popularFirst)[0]).toBe('m10');
    expect(popularFirst.every((candidate) => (candidate.item.year ?? 0) >= 2000)).toBe(true);
  });

  it('refuses an invalid request naming the field', async () => {
    const error = await thrownBy(() => retriever.retrieve({ k: 0 }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('field "k"');
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await thrownBy(() => retriever.retrieve({ queries: ['space'] }, controller.signal))).code).toBe(
      'ABORTED',
    );
  });

  it('reports popularity from the log', () => {
    expect(withLog.popularity('m10')).toBe(4);
    expect(withLog.popularity('m12')).toBe(0);
    expect(retriever.popularity('m10')).toBe(0);
  });
});
