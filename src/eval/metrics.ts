/** Recall@k for one target: 1 when it is in the first k of the ranking. */
export function hitAt(ranking: string[], target: string, k: number): number {
  const index = ranking.indexOf(target);
  return index >= 0 && index < k ? 1 : 0;
}

/** NDCG@k for one target (a single relevant item): 1/log2(rank+1) when in the first k. */
export function ndcgAt(ranking: string[], target: string, k: number): number {
  const index = ranking.indexOf(target);
  return index >= 0 && index < k ? 1 / Math.log2(index + 2) : 0;
}

/** Mean of a list (0 for an empty list). */
export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
