import { z } from 'zod';
import type { Interaction } from './interaction-log.js';

/** Neighbours of one item: catalog ids with the number of sessions both appear in, most first. */
export type NeighbourList = [id: string, count: number][];

export const cooccurrenceSchema = z.object({
  format: z.literal('convrec-cooccurrence-2'),
  sessions: z.number().int().nonnegative(),
  /** The most recent sessions' catalog items, for session-to-session neighbours. */
  sessionItems: z.array(z.array(z.string())),
  popularity: z.record(z.string(), z.number()),
  neighbours: z.record(z.string(), z.array(z.tuple([z.string(), z.number()]))),
});

export type CooccurrenceData = z.infer<typeof cooccurrenceSchema>;

/**
 * Item–item co-occurrence counts from sessions, and each item's session count (popularity). Items
 * outside `knownIds` are ignored. Similarity is derived from the counts at query time
 * (`cooccurrenceSimilarity`), so its shape can be tuned without rebuilding.
 */
export function buildCooccurrence(
  sessions: Interaction[],
  knownIds: Set<string>,
  options: { maxNeighbours?: number; maxSessions?: number } = {},
): CooccurrenceData {
  const maxNeighbours = options.maxNeighbours ?? 200;
  const popularity = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  const kept: string[][] = [];
  for (const session of sessions) {
    const items = [...new Set(session.itemIds.filter((id) => knownIds.has(id)))];
    if (items.length > 0) kept.push(items);
    for (const id of items) popularity.set(id, (popularity.get(id) ?? 0) + 1);
    for (const left of items) {
      let row = pairs.get(left);
      if (!row) pairs.set(left, (row = new Map()));
      for (const right of items) if (right !== left) row.set(right, (row.get(right) ?? 0) + 1);
    }
  }
  const neighbours: Record<string, NeighbourList> = {};
  for (const [id, row] of pairs) {
    const scored: NeighbourList = [...row.entries()];
    scored.sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
    if (scored.length > 0) neighbours[id] = scored.slice(0, maxNeighbours);
  }
  return {
    format: 'convrec-cooccurrence-2',
    sessions: sessions.length,
    sessionItems: kept.slice(-(options.maxSessions ?? 50_000)),
    popularity: Object.fromEntries(popularity),
    neighbours,
  };
}

/**
 * Similarity of item j to a seed item i from co-occurrence: count / (pop_i^(1-α) · pop_j^α + shrinkage).
 * α = 0.5 is the cosine; smaller α favours popular neighbours (closer to P(j | i)).
 */
export function cooccurrenceSimilarity(
  count: number,
  seedPopularity: number,
  neighbourPopularity: number,
  alpha: number,
  shrinkage: number,
): number {
  return count / (seedPopularity ** (1 - alpha) * neighbourPopularity ** alpha + shrinkage);
}
