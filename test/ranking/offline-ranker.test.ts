import { beforeAll, describe, expect, it } from 'vitest';
import type { InteractionLog } from '../../src/collaborative/interaction-log.js';
import { buildIndex } from '../../src/index-store/index.js';
import { offlineRank } from '../../src/ranking/offline-ranker.js';
import { Retriever, type Candidate, type RetrieveRequest } from '../../src/retrieval/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog();
const ids = (candidates: Candidate[]) => candidates.map((candidate) => candidate.item.id);

/** Candidates with identical retrieval evidence, in the given order: only the ranker can tell them apart. */
function tied(...candidateIds: string[]): Candidate[] {
  return candidateIds.map((id) => ({ item: catalog.byId.get(id)!, score: 0.05, ranks: { genre: 3 } }));
}

/** A log where `partner` is watched with Heat (m4) and `other` is not; both are equally popular. */
function logPairing(partner: string, other: string): InteractionLog {
  const together = { sessionId: 'together', itemIds: ['m4', partner] };
  const apart = { sessionId: 'apart', itemIds: ['m1', other] };
  return {
    source: 'log.jsonl',
    sessions: [1, 2, 3].flatMap((index) => [
      { ...together, sessionId: `together-${index}` },
      { ...apart, sessionId: `apart-${index}` },
    ]),
    skipped: [],
  };
}

let plain: Retriever;
let upWithHeat: Retriever;
let oceanWithHeat: Retriever;
beforeAll(async () => {
  plain = new Retriever((await buildIndex({ catalog, dimensions: 8 })).components);
  upWithHeat = new Retriever(
    (await buildIndex({ catalog, dimensions: 8, log: logPairing('m10', 'm11') })).components,
  );
  oceanWithHeat = new Retriever(
    (await buildIndex({ catalog, dimensions: 8, log: logPairing('m11', 'm10') })).components,
  );
});

describe('offlineRank', () => {
  it('returns exactly the retrieved candidates, best first, with the ranker score', async () => {
    const request: RetrieveRequest = { queries: ['bank robbers'], likedIds: ['m4'], k: 12 };
    const candidates = await upWithHeat.retrieve(request);
    const before = ids(candidates);
    const ranked = offlineRank({ candidates, request, retriever: upWithHeat });
    expect(ids(ranked).sort()).toEqual([...before].sort());
    expect(ids(candidates)).toEqual(before);
    const scores = ranked.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
  });

  it('is deterministic', async () => {
    const request: RetrieveRequest = { queries: ['love story'], likedIds: ['m7', 'm4'], k: 12 };
    const candidates = await upWithHeat.retrieve(request);
    const first = offlineRank({ candidates, request, retriever: upWithHeat });
    const second = offlineRank({ candidates: [...candidates], request, retriever: upWithHeat });
    expect(ids(second)).toEqual(ids(first));
    expect(second.map((candidate) => candidate.score)).toEqual(first.map((candidate) => candidate.score));
  });

  it('puts the item watched together with the liked one first, whichever it is', () => {
    const request: RetrieveRequest = { likedIds: ['m4'] };
    expect(ids(offlineRank({ candidates: tied('m11', 'm10'), request, retriever: upWithHeat }))).toEqual([
      'm10',
      'm11',
    ]);
    expect(ids(offlineRank({ candidates: tied('m10', 'm11'), request, retriever: oceanWithHeat }))).toEqual([
      'm11',
      'm10',
    ]);
  });

  it('puts the item that shares the liked items’ genres first', () => {
    const candidates = tied('m5', 'm9');
    const crime = offlineRank({ candidates, request: { likedIds: ['m6'] }, retriever: plain });
    const romance = offlineRank({ candidates, request: { likedIds: ['m8'] }, retriever: plain });
    expect(ids(crime)).toEqual(['m5', 'm9']);
    expect(ids(romance)).toEqual(['m9', 'm5']);
  });

  it('follows the genres the user asked for', () => {
    const candidates = tied('m5', 'm9');
    const [crime] = catalog.byId.get('m5')!.genres;
    const [romance] = catalog.byId.get('m9')!.genres;
    const rank = (genre: string) =>
      ids(offlineRank({ candidates, request: { preferredGenres: [genre] }, retriever: plain }));
    expect(rank(crime!)).toEqual(['m5', 'm9']);
    expect(rank(romance!)).toEqual(['m9', 'm5']);
  });

  it('puts an item the user has already seen last', () => {
    const candidates = tied('m2', 'm3', 'm1');
    const ranked = offlineRank({ candidates, request: { seenIds: ['m2'] }, retriever: plain });
    expect(ids(ranked).at(-1)).toBe('m2');
  });

  it('ranks nothing when there is nothing to rank', () => {
    expect(offlineRank({ candidates: [], request: { likedIds: ['m4'] }, retriever: plain })).toEqual([]);
  });
});
