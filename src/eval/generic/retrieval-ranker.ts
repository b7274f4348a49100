import { readDialogue } from '../../dialogue/read-dialogue.js';
import type { Retriever } from '../../retrieval/index.js';
import type { TurnRanker } from './turn-ranking.js';

/** Candidates the retrieval ranker returns per turn. */
export const retrievalDepth = 150;

/** Offline reading of the dialogue and hybrid retrieval of 150 candidates, as the ranking. */
export function retrievalRanker(retriever: Retriever): TurnRanker {
  return async (turn, signal) => {
    const { request } = readDialogue(retriever, turn.context);
    const candidates = await retriever.retrieve({ ...request, k: retrievalDepth }, signal);
    return { rankedIds: candidates.map((candidate) => candidate.item.id) };
  };
}
