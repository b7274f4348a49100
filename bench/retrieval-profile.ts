import type { Retriever } from '../src/retrieval/index.js';
import { now, round } from './report.js';

export interface ProfiledRequest {
  queries: string[];
  likedIds: string[];
  dislikedIds?: string[];
  /** Time already spent building the request (dialogue parsing), if any. */
  prepareMs?: number;
}

export interface ComponentProfile {
  /** Mean ms per request spent in each signal, re-timed on its own outside retrieve(). */
  meanMsPerRequest: Record<string, number>;
  /** p95 over requests of each signal's time. */
  p95MsPerRequest: Record<string, number>;
  meanQueriesPerRequest: number;
  meanLikedPerRequest: number;
  note: string;
}

/**
 * Re-runs the pieces retrieve() is made of, one at a time, to show where request time goes: query
 * embedding, dense HNSW search with a filter (as retrieve calls it), lexical BM25, content neighbours
 * per liked item, collaborative lists. Fusion and the rest are the remainder of retrieve's own time.
 */
export async function profileRetrieval(
  retriever: Retriever,
  requests: ProfiledRequest[],
): Promise<ComponentProfile> {
  const { embedder, vectors, lexical } = retriever.components;
  const depth = retriever.weights.depth;
  const accept = () => true;
  const samples: Record<string, number[]> = {
    prepare: [],
    embedQueries: [],
    denseSearch: [],
    lexicalSearch: [],
    contentNeighbours: [],
    collaborative: [],
  };
  let queryCount = 0;
  let likedCount = 0;
  for (const request of requests) {
    const queries = request.queries.map((query) => query.trim()).filter(Boolean);
    const liked = [...request.likedIds, ...(request.dislikedIds ?? [])];
    queryCount += queries.length;
    likedCount += request.likedIds.length;
    samples['prepare']!.push(request.prepareMs ?? 0);
    let started = now();
    const queryVectors = await embedder.embed(queries);
    samples['embedQueries']!.push(now() - started);
    started = now();
    for (const vector of queryVectors) vectors.search(vector, depth, accept);
    samples['denseSearch']!.push(now() - started);
    started = now();
    for (const query of queries) lexical.search(query, depth * 3);
    samples['lexicalSearch']!.push(now() - started);
    started = now();
    for (const id of liked) retriever.contentNeighbours(id, depth, accept);
    samples['contentNeighbours']!.push(now() - started);
    started = now();
    for (const id of request.likedIds) retriever.collaborativeNeighbours(id, depth * 2);
    samples['collaborative']!.push(now() - started);
  }
  const meanMsPerRequest: Record<string, number> = {};
  const p95MsPerRequest: Record<string, number> = {};
  for (const [name, values] of Object.entries(samples)) {
    if (values.every((value) => value === 0)) continue;
    const sorted = [...values].sort((left, right) => left - right);
    meanMsPerRequest[name] = round(
      values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length),
    );
    p95MsPerRequest[name] = round(
      sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
    );
  }
  return {
    meanMsPerRequest,
    p95MsPerRequest,
    meanQueriesPerRequest: round(queryCount / Math.max(1, requests.length), 2),
    meanLikedPerRequest: round(likedCount / Math.max(1, requests.length), 2),
    note: `each signal re-timed on its own after the latency run (depth ${depth}, accept-all filter as retrieve passes one); fusion/filters/popularity are the remainder`,
  };
}
