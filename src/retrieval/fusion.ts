/** One ranked list to fuse: ids best first, and how much this list counts. */
export interface RankedList {
  source: string;
  ids: string[];
  weight: number;
  /** The source's own score of each id (higher is better), when it has one; used by score fusion. */
  scores?: number[];
}

/** A fused result with the best rank it had in each source list. */
export interface FusedEntry {
  id: string;
  score: number;
  ranks: Record<string, number>;
}

/**
 * Weighted reciprocal rank fusion: score(d) = Σ weight / (k + rank). Negative weights push items
 * down. Ties break on id so results are deterministic.
 */
export function reciprocalRankFusion(lists: RankedList[], k = 60): FusedEntry[] {
  const entries = new Map<string, FusedEntry>();
  for (const list of lists) {
    list.ids.forEach((id, index) => {
      const rank = index + 1;
      let entry = entries.get(id);
      if (!entry) entries.set(id, (entry = { id, score: 0, ranks: {} }));
      entry.score += list.weight / (k + rank);
      const previous = entry.ranks[list.source];
      if (previous === undefined || rank < previous) entry.ranks[list.source] = rank;
    });
  }
  return [...entries.values()].sort(
    (left, right) => right.score - left.score || (left.id < right.id ? -1 : 1),
  );
}
