import type { Retriever } from '../retrieval/retriever.js';
import { hitAt, mean, ndcgAt, percentile } from './metrics.js';
import type { EvalTurn } from './redial-dataset.js';

/** Metrics under one protocol. */
export interface ProtocolScores {
  trials: number;
  recallAt1: number;
  recallAt10: number;
  recallAt50: number;
  ndcgAt10: number;
  /** Recall of the 100 retrieved candidates: the reranker's ceiling. */
  candidateRecallAt100: number;
}

export interface RetrievalEvalReport {
  turns: number;
  standard: ProtocolScores;
  novelOnly: ProtocolScores;
  latencyMs: { p50: number; p95: number; mean: number };
}

function score(pairs: { ranking: string[]; target: string }[]): ProtocolScores {
  const at = (k: number) => mean(pairs.map(({ ranking, target }) => hitAt(ranking, target, k)));
  return {
    trials: pairs.length,
    recallAt1: at(1),
    recallAt10: at(10),
    recallAt50: at(50),
    ndcgAt10: mean(pairs.map(({ ranking, target }) => ndcgAt(ranking, target, 10))),
    candidateRecallAt100: at(100),
  };
}

/** Ranks one evaluation turn's candidates, best first. */
export type TurnRanker = (turn: EvalTurn, signal?: AbortSignal) => Promise<string[]>;

/**
 * Ranks every turn and scores the ranking under the standard protocol (mentioned items may count)
 * and the novel-only protocol (mentioned items are dropped from the ranking and from the targets).
 */
export async function evaluateRankings(
  turns: EvalTurn[],
  rank: TurnRanker,
  options: {
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
    clock?: () => number;
  } = {},
): Promise<RetrievalEvalReport> {
  const clock = options.clock ?? (() => performance.now());
  const standard: { ranking: string[]; target: string }[] = [];
  const novel: { ranking: string[]; target: string }[] = [];
  const latencies: number[] = [];
  for (const [index, turn] of turns.entries()) {
    const started = clock();
    const ranking = await rank(turn, options.signal);
    latencies.push(clock() - started);
    const mentioned = new Set(turn.mentioned_ids);
    const novelRanking = ranking.filter((id) => !mentioned.has(id));
    for (const target of turn.target_ids) {
      standard.push({ ranking, target });
      if (!mentioned.has(target)) novel.push({ ranking: novelRanking, target });
    }
    options.onProgress?.(index + 1, turns.length);
  }
  return {
    turns: turns.length,
    standard: score(standard),
    novelOnly: score(novel),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), mean: mean(latencies) },
  };
}

/** Offline query construction and retrieval of 150 candidates, scored as above. */
export function evaluateRetrieval(
  retriever: Retriever,
  turns: EvalTurn[],
  options: Parameters<typeof evaluateRankings>[2] = {},
): Promise<RetrievalEvalReport> {
  return evaluateRankings(
    turns,
    async (turn, signal) => {
      const { request } = retriever.readDialogue(turn.context);
      const candidates = await retriever.retrieve({ ...request, k: 150 }, signal);
      return candidates.map((candidate) => candidate.item.id);
    },
    options,
  );
}
