import { z } from 'zod';
import type { Interaction } from './interaction-log.js';

/** Neighbours of one item: catalog ids with a co-occurrence similarity in (0, 1]. */
export type NeighbourList = [id: string, similarity: number][];

export const cooccurrenceSchema = z.object({
  format: z.literal('convrec-cooccurrence-1'),
  sessions: z.number().int().nonnegative(),
  popularity: z.record(z.string(), z.number()),
  neighbours: z.record(z.string(), z.array(z.tuple([z.string(), z.number()]))),
});

export type CooccurrenceData = z.infer<typeof cooccurrenceSchema>;

/**
 * Item–item similarity from co-occurrence in sessions: cosine of the session-incidence vectors,
 * shrunk towards zero for rarely seen pairs. Items outside `knownIds` are ignored.
 */
export function buildCooccurrence(
  sessions: Interaction[],
  knownIds: Set<string>,
  options: { shrinkage?: number; maxNeighbours?: number } = {},
): CooccurrenceData {
  const shrinkage = options.shrinkage ?? 2;
  const maxNeighbours = options.maxNeighbours ?? 100;
  const popularity = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  for (const session of sessions) {
    const items = [...new Set(session.itemIds.filter((id) => knownIds.has(id)))];
    for (const id of items) popularity.set(id, (popularity.get(id) ?? 0) + 1);
    for (const left of items) {
      let row = pairs.get(left);
      if (!row) pairs.set(left, (row = new Map()));
      for (const right of items) if (right !== left) row.set(right, (row.get(right) ?? 0) + 1);
    }
  }
  const neighbours: Record<string, NeighbourList> = {};
  for (const [id, row] of pairs) {
    const own = popularity.get(id)!;
    const scored: NeighbourList = [];
    for (const [other, count] of row) {
      const similarity = count / (Math.sqrt(own * popularity.get(other)!) + shrinkage);
      scored.push([other, Math.round(similarity * 1e4) / 1e4]);
    }
    scored.sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
    if (scored.length > 0) neighbours[id] = scored.slice(0, maxNeighbours);
  }
  return {
    format: 'convrec-cooccurrence-1',
    sessions: sessions.length,
    popularity: Object.fromEntries(popularity),
    neighbours,
  };
}
