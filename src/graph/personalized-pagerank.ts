import type { CatalogGraph } from './catalog-graph.js';

/** Options of a walk with restart over the item–entity graph. */
export interface WalkOptions {
  /** Probability of jumping back to the seeds after each item-to-item hop (item → entity → item). */
  restart: number;
  /** Item-to-item hops computed (the walk's mass beyond them is dropped). */
  hops: number;
}

export const defaultWalkOptions: WalkOptions = { restart: 0.4, hops: 2 };

/**
 * Personalised PageRank over items: Σₜ restart·(1 − restart)ᵗ·Pᵗ·s, where P steps item → entity →
 * item and s holds the seed weights (negative for items to walk away from). Linear in the seeds, so
 * a disliked seed subtracts the mass its neighbourhood would get. Returns a score per item position.
 */
export function personalizedPageRank(
  graph: CatalogGraph,
  seeds: ReadonlyMap<number, number>,
  options: WalkOptions = defaultWalkOptions,
): Float64Array {
  const { itemCount, entityCount, itemStart, itemEntities, itemWeights, entityStart, entityItems } = graph;
  const scores = new Float64Array(itemCount);
  let current = new Float64Array(itemCount);
  let next = new Float64Array(itemCount);
  const entityMass = new Float64Array(entityCount);
  for (const [position, weight] of seeds) current[position] = (current[position] ?? 0) + weight;
  const active: number[] = [...seeds.keys()];
  for (let hop = 0; hop <= options.hops; hop++) {
    const keep = options.restart * (1 - options.restart) ** hop;
    for (let position = 0; position < itemCount; position++) scores[position]! += keep * current[position]!;
    if (hop === options.hops) break;
    entityMass.fill(0);
    // Sparse seeds: the first hop only touches their rows.
    const rows = hop === 0 ? active : undefined;
    const visit = (position: number) => {
      const mass = current[position]!;
      if (mass === 0) return;
      for (let edge = itemStart[position]!; edge < itemStart[position + 1]!; edge++)
        entityMass[itemEntities[edge]!]! += mass * itemWeights[edge]!;
    };
    if (rows) rows.forEach(visit);
    else for (let position = 0; position < itemCount; position++) visit(position);
    next.fill(0);
    for (let entity = 0; entity < entityCount; entity++) {
      const mass = entityMass[entity]!;
      if (mass === 0) continue;
      const start = entityStart[entity]!;
      const end = entityStart[entity + 1]!;
      const share = mass / (end - start);
      for (let cursor = start; cursor < end; cursor++) next[entityItems[cursor]!]! += share;
    }
    [current, next] = [next, current];
  }
  return scores;
}
