import type { ShownReason } from '../faithfulness/index.js';
import type { DatasetTurn } from './dataset-turn.js';

/** Model calls of one turn. */
export interface TurnModelUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Stages that fell back (a model failure or unusable output). */
  degraded: number;
}

/** One turn's ranking, best first; empty with a `reason` when the ranker deliberately shows no list. */
export interface TurnRanking {
  rankedIds: string[];
  reason?: string;
  /** The items shown to the user with their reasons (checked for faithfulness). */
  shown?: ShownReason[];
  /** What the turn cost in model calls (LLM mode). */
  usage?: TurnModelUsage;
  /** Of the turn's time, reading the dialogue so far into a state (a live session keeps its own). */
  historyMs?: number;
}

/** Ranks the catalog for one evaluation turn. */
export type TurnRanker = (turn: DatasetTurn, signal?: AbortSignal) => Promise<TurnRanking>;
