import type { DatasetTurn } from './dataset-turn.js';

/** One turn's ranking, best first; empty with a `reason` when the ranker deliberately shows no list. */
export interface TurnRanking {
  rankedIds: string[];
  reason?: string;
}

/** Ranks the catalog for one evaluation turn. */
export type TurnRanker = (turn: DatasetTurn, signal?: AbortSignal) => Promise<TurnRanking>;
