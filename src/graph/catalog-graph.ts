import type { Catalog, CatalogItem } from '../catalog/index.js';
import { foldText } from '../text/tokenize.js';

/**
 * The catalog as a bipartite graph of items and the entities they share (people, genres, decades,
 * other list fields), in compressed sparse rows. Item rows hold transition probabilities to their
 * entities (weighted by relation, summing to 1); entity rows list their items (walked uniformly).
 */
export interface CatalogGraph {
  itemCount: number;
  entityCount: number;
  itemStart: Uint32Array;
  itemEntities: Uint32Array;
  itemWeights: Float32Array;
  entityStart: Uint32Array;
  entityItems: Uint32Array;
  /** Entity names as `relation:value`, for tests and explanations. */
  entityNames: string[];
}

/** How much each relation counts when a walk leaves an item; relations not named count `other`. */
export interface GraphRelationWeights {
  people: number;
  genre: number;
  decade: number;
  other: number;
}

/** Shared people say most about an item; genres and decades are broad hubs. */
export const defaultGraphRelationWeights: GraphRelationWeights = {
  people: 1,
  genre: 0.3,
  decade: 0.15,
  other: 0.5,
};

/** An item's entities: (relation, key) pairs, people of every role sharing one node per name. */
function itemRelations(
  item: CatalogItem,
  listFields: string[],
): [relation: keyof GraphRelationWeights, key: string][] {
  const out: [keyof GraphRelationWeights, string][] = [];
  for (const person of new Set(item.people)) out.push(['people', `person:${foldText(person).trim()}`]);
  for (const genre of new Set(item.genres)) out.push(['genre', `genre:${foldText(genre).trim()}`]);
  if (item.year !== undefined) out.push(['decade', `decade:${Math.floor(item.year / 10) * 10}`]);
  for (const field of listFields) {
    const value = item.fields[field];
    if (!Array.isArray(value)) continue;
    for (const entry of new Set(value.map(String))) out.push(['other', `${field}:${foldText(entry).trim()}`]);
  }
  return out;
}

/**
 * Builds the item–entity graph of a catalog. Entities of a single item lead nowhere and are left
 * out; an item without shared entities has an empty row.
 */
export function buildCatalogGraph(
  catalog: Catalog,
  relationWeights: GraphRelationWeights = defaultGraphRelationWeights,
): CatalogGraph {
  const items = catalog.items;
  const listFields = catalog.mapping.lists;
  const relations = items.map((item) => itemRelations(item, listFields));
  const degree = new Map<string, number>();
  for (const row of relations) for (const [, key] of row) degree.set(key, (degree.get(key) ?? 0) + 1);
  const entityIndex = new Map<string, number>();
  const entityNames: string[] = [];
  for (const [key, count] of degree) {
    if (count < 2) continue;
    entityIndex.set(key, entityNames.length);
    entityNames.push(key);
  }
  const itemStart = new Uint32Array(items.length + 1);
  const entityCounts = new Uint32Array(entityNames.length);
  let edges = 0;
  relations.forEach((row, position) => {
    itemStart[position] = edges;
    for (const [, key] of row) {
      const entity = entityIndex.get(key);
      if (entity === undefined) continue;
      edges++;
      entityCounts[entity]!++;
    }
  });
  itemStart[items.length] = edges;
  const itemEntities = new Uint32Array(edges);
  const itemWeights = new Float32Array(edges);
  const entityStart = new Uint32Array(entityNames.length + 1);
  for (let entity = 0; entity < entityNames.length; entity++)
    entityStart[entity + 1] = entityStart[entity]! + entityCounts[entity]!;
  const entityItems = new Uint32Array(edges);
  const fill = entityStart.slice(0, entityNames.length);
  relations.forEach((row, position) => {
    let cursor = itemStart[position]!;
    let total = 0;
    for (const [relation, key] of row) {
      const entity = entityIndex.get(key);
      if (entity === undefined) continue;
      itemEntities[cursor] = entity;
      itemWeights[cursor] = relationWeights[relation];
      total += relationWeights[relation];
      entityItems[fill[entity]!++] = position;
      cursor++;
    }
    for (let edge = itemStart[position]!; edge < cursor; edge++)
      itemWeights[edge] = total > 0 ? itemWeights[edge]! / total : 0;
  });
  return {
    itemCount: items.length,
    entityCount: entityNames.length,
    itemStart,
    itemEntities,
    itemWeights,
    entityStart,
    entityItems,
    entityNames,
  };
}
