import type { Catalog } from '../catalog/index.js';
import {
  buildCatalogGraph,
  defaultWalkOptions,
  personalizedPageRank,
  type CatalogGraph,
} from '../graph/index.js';
import { bestK } from '../lexical/top-k.js';

/** One graph per catalog, shared by every retriever over it (the graph needs no log). */
const graphsByCatalog = new WeakMap<Catalog, CatalogGraph>();

/** The walk's seeds: liked items (decayed by position), mentioned ones a little, disliked ones away. */
export interface GraphSeeds {
  likedIds: readonly string[];
  mentionedIds: readonly string[];
  dislikedIds: readonly string[];
}

/** How the seed groups weigh against a first liked item (1). */
const mentionedWeight = 0.3;
const dislikedWeight = -0.5;
/**
 * Below this many items every genre or decade is a hub of two or three films, and the walk only
 * re-ranks by which small hub an item shares (a romance fan sent to the one 1990s crime film): the
 * facet and content lists already cover a catalog that small, so the walk stays out of it.
 */
const smallestCatalog = 100;

/** Ranked lists from a personalised PageRank over the catalog's item–entity graph, built on first use. */
export class GraphLists {
  private readonly positionOf: Map<string, number>;

  constructor(
    private readonly catalog: Catalog,
    private readonly options: { restart: number; likedDecay: number },
  ) {
    this.positionOf = new Map(catalog.items.map((item, position) => [item.id, position]));
  }

  /** The catalog graph, built once per catalog. */
  graph(): CatalogGraph {
    let graph = graphsByCatalog.get(this.catalog);
    if (!graph) graphsByCatalog.set(this.catalog, (graph = buildCatalogGraph(this.catalog)));
    return graph;
  }

  /** Items the walk from the seeds reaches most, with their scores; seeds and rejected ids left out. */
  walk(seeds: GraphSeeds, k: number, accept: (id: string) => boolean): { ids: string[]; scores: number[] } {
    const restartAt = new Map<number, number>();
    const add = (id: string, weight: number) => {
      const position = this.positionOf.get(id);
      if (position !== undefined) restartAt.set(position, (restartAt.get(position) ?? 0) + weight);
    };
    seeds.likedIds.forEach((id, index) => add(id, this.options.likedDecay ** index));
    for (const id of seeds.mentionedIds) add(id, mentionedWeight);
    for (const id of seeds.dislikedIds) add(id, dislikedWeight);
    if (this.catalog.items.length < smallestCatalog) return { ids: [], scores: [] };
    if (![...restartAt.values()].some((weight) => weight > 0)) return { ids: [], scores: [] };
    const scores = personalizedPageRank(this.graph(), restartAt, {
      ...defaultWalkOptions,
      restart: this.options.restart,
    });
    // The k best accepted items (score, then catalog order), without sorting the whole catalog.
    const better = (left: number, right: number) =>
      scores[left]! > scores[right]! || (scores[left] === scores[right] && left < right);
    const top = bestK(
      scores.length,
      k,
      better,
      (position) =>
        scores[position]! > 0 && !restartAt.has(position) && accept(this.catalog.items[position]!.id),
    );
    const ids = top.map((position) => this.catalog.items[position]!.id);
    const kept = top.map((position) => scores[position]!);
    return { ids, scores: kept };
  }
}
