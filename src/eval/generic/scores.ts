/** Where one target sits in one ranking: its 0-based position, or undefined when not ranked. */
export interface Trial {
  /** Index of the turn the trial belongs to (trials of one turn are resampled together). */
  turn: number;
  rank: number | undefined;
}

/** Metrics under one protocol. */
export interface ProtocolScores {
  trials: number;
  recallAt1: number;
  recallAt10: number;
  recallAt50: number;
  ndcgAt10: number;
  /** Recall of the first 100: for retrieval, the reranker's ceiling. */
  candidateRecallAt100: number;
  /** Mean reciprocal rank (a target outside the ranking counts 0). */
  mrr: number;
}

/** Deepest k of the recall@k curve. */
export const curveDepth = 50;

const within = (rank: number | undefined, k: number) => (rank !== undefined && rank < k ? 1 : 0);

function average(trials: Trial[], value: (rank: number | undefined) => number): number {
  if (trials.length === 0) return 0;
  let sum = 0;
  for (const trial of trials) sum += value(trial.rank);
  return sum / trials.length;
}

/** Recall@1/10/50/100, NDCG@10 (one relevant item per trial) and MRR of a set of trials. */
export function scoreTrials(trials: Trial[]): ProtocolScores {
  return {
    trials: trials.length,
    recallAt1: average(trials, (rank) => within(rank, 1)),
    recallAt10: average(trials, (rank) => within(rank, 10)),
    recallAt50: average(trials, (rank) => within(rank, 50)),
    ndcgAt10: average(trials, (rank) => (rank !== undefined && rank < 10 ? 1 / Math.log2(rank + 2) : 0)),
    candidateRecallAt100: average(trials, (rank) => within(rank, 100)),
    mrr: average(trials, (rank) => (rank === undefined ? 0 : 1 / (rank + 1))),
  };
}

/** Recall@k for k = 1…50, as an array whose element k-1 is recall@k. */
export function recallCurve(trials: Trial[]): number[] {
  const hits = new Array<number>(curveDepth + 1).fill(0);
  for (const { rank } of trials) if (rank !== undefined && rank < curveDepth) hits[rank + 1]!++;
  const curve: number[] = [];
  let cumulative = 0;
  for (let k = 1; k <= curveDepth; k++) {
    cumulative += hits[k]!;
    curve.push(trials.length === 0 ? 0 : cumulative / trials.length);
  }
  return curve;
}
