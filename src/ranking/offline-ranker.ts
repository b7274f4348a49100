import type { Candidate, Retriever, RetrieveRequest } from '../retrieval/retriever.js';

/** What the offline ranker reads: the retrieved candidates, the request they answer, the retriever. */
export interface OfflineRankInput {
  candidates: Candidate[];
  request: RetrieveRequest;
  retriever: Retriever;
}

/** Deterministic reordering of retrieved candidates without a language model (retrieval order for now). */
export function offlineRank(input: OfflineRankInput): Candidate[] {
  return [...input.candidates];
}
