import type { Catalog } from '../../catalog/index.js';
import type { Interaction } from '../../collaborative/interaction-log.js';

/** The popularity baseline's ranking of the whole catalog, and each id's position in it. */
export interface PopularityRanking {
  ids: string[];
  positions: Map<string, number>;
}

/**
 * The catalog ranked by how many log sessions mention each item (most first, ties and unmentioned
 * items in catalog order); without a log, the catalog order itself.
 */
export function popularityRanking(catalog: Catalog, sessions: Interaction[] = []): PopularityRanking {
  const counts = new Map<string, number>();
  for (const session of sessions) {
    for (const id of new Set(session.itemIds)) {
      if (catalog.byId.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const order = new Map(catalog.items.map((item, index) => [item.id, index]));
  const ids = catalog.items.map((item) => item.id);
  ids.sort(
    (left, right) =>
      (counts.get(right) ?? 0) - (counts.get(left) ?? 0) || order.get(left)! - order.get(right)!,
  );
  return { ids, positions: new Map(ids.map((id, index) => [id, index])) };
}

/**
 * A target's position in the popularity ranking once the `excluded` ids (novel-only: the items
 * already mentioned) are taken out of it.
 */
export function popularityRank(
  ranking: PopularityRanking,
  target: string,
  excluded: ReadonlySet<string>,
): number | undefined {
  const position = ranking.positions.get(target);
  if (position === undefined || excluded.has(target)) return undefined;
  let before = 0;
  for (const id of excluded) {
    const other = ranking.positions.get(id);
    if (other !== undefined && other < position) before++;
  }
  return position - before;
}
