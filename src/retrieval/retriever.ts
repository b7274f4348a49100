import type { Catalog, CatalogItem } from '../catalog/index.js';
import type { EmbeddingCallLimits } from '../embeddings/embedding-model.js';
import { ConvrecError } from '../errors/index.js';
import type { RetrievalComponents } from '../index-store/index.js';
import { compileFilters, retrievalFiltersSchema } from './filters.js';
import { CollaborativeLists } from './collaborative-lists.js';
import { FacetLists } from './facet-lists.js';
import { fuseLists } from './fuse-lists.js';
import { reciprocalRankFusion, type RankedList } from './fusion.js';
import { GraphLists } from './graph-lists.js';
import { NeighbourCache } from './neighbour-cache.js';
import { retrieveRequestSchema, type Candidate, type RetrieveRequest } from './retrieval-request.js';
import { defaultRetrievalWeights, type RetrievalWeights } from './retrieval-weights.js';

/** Content neighbours cached per item: deeper than a request's content list (100), so filters rarely run out. */
const neighbourCacheDepth = 200;
/** Content-neighbour searches per request: later liked items weigh little and cost a search each. */
const maxContentSeeds = 5;

/** What "similar" means for `similarItems`. */
export type SimilarityKind = 'blend' | 'content' | 'collaborative';

/** Best position of each id across the text-query (dense and lexical) lists. */
function textRanks(lists: RankedList[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const list of lists) {
    if (list.source !== 'dense' && list.source !== 'lexical') continue;
    list.ids.forEach((id, index) => ranks.set(id, Math.min(ranks.get(id) ?? Infinity, index)));
  }
  return ranks;
}

/**
 * How a search honours the request's hard filters: the allowed positions when few pass (scanned
 * exactly), the share that passes, and whether HNSW filters while it searches.
 */
type FilterPlan = { subset?: Uint32Array; passRate: number; inSearch: boolean };

/** Hybrid retrieval: dense, lexical, content-neighbour, collaborative, graph-walk and popularity lists, fused with RRF (or scores). */
export class Retriever {
  private readonly positionOf: Map<string, number>;
  private readonly queryCache = new Map<string, number[]>();
  private readonly neighbourCache: NeighbourCache;
  private readonly facets: FacetLists;
  private readonly collaborative: CollaborativeLists | undefined;
  private readonly graph: GraphLists;
  /** Scratch for exact scans over a filtered subset (no allocation per query). */
  private readonly scan: { scores: Float32Array; slots: Uint32Array; allowed: Uint32Array };

  constructor(
    readonly components: RetrievalComponents,
    readonly weights: RetrievalWeights = defaultRetrievalWeights,
  ) {
    const { catalog, cooccurrence } = components;
    this.positionOf = new Map(catalog.items.map((item, position) => [item.id, position]));
    this.facets = new FacetLists(catalog, (id) => this.popularity(id));
    this.collaborative = cooccurrence ? new CollaborativeLists(cooccurrence, weights) : undefined;
    this.graph = new GraphLists(catalog, { restart: weights.graphRestart, likedDecay: weights.likedDecay });
    this.neighbourCache = new NeighbourCache(
      (position, k) => components.vectors.search(components.vectors.vectorAt(position), k),
      neighbourCacheDepth,
    );
    const size = catalog.items.length;
    this.scan = {
      scores: new Float32Array(size),
      slots: Uint32Array.from({ length: size }, (_, index) => index),
      allowed: new Uint32Array(size),
    };
  }

  /**
   * How vector searches honour a request's filters, from the share of the catalog they let through
   * (counted once per request): a filter few items pass scans those exactly; one most items pass
   * ("no horror") searches unfiltered a little deeper and drops the rest afterwards; in between, the
   * filter goes into the HNSW search. Excluded ids alone are always dropped afterwards.
   */
  private filterPlan(filters: RetrieveRequest['filters'], accept: (position: number) => boolean): FilterPlan {
    const limiting =
      filters !== undefined &&
      (filters.yearFrom !== undefined ||
        filters.yearTo !== undefined ||
        (filters.genres?.length ?? 0) > 0 ||
        (filters.people?.length ?? 0) > 0 ||
        (filters.excludeGenres?.length ?? 0) > 0 ||
        (filters.excludePeople?.length ?? 0) > 0);
    if (!limiting) return { passRate: 1, inSearch: false };
    const size = this.components.catalog.items.length;
    let count = 0;
    for (let position = 0; position < size; position++)
      if (accept(position)) this.scan.allowed[count++] = position;
    const passRate = count / Math.max(1, size);
    if (passRate <= 0.2) return { subset: this.scan.allowed.subarray(0, count), passRate, inSearch: false };
    return { passRate, inSearch: passRate < 0.6 };
  }

  get catalog(): Catalog {
    return this.components.catalog;
  }

  private genreNames: Set<string> | undefined;
  private latestYearCache: { year: number | undefined } | undefined;

  /** The latest release year in the catalog, or undefined when no item has one. */
  latestYear(): number | undefined {
    this.latestYearCache ??= { year: latestYearOf(this.components.catalog.items) };
    return this.latestYearCache.year;
  }

  /** The catalog's genres. */
  genres(): ReadonlySet<string> {
    this.genreNames ??= new Set(this.components.catalog.items.flatMap((item) => item.genres));
    return this.genreNames;
  }

  private genreCounts: Map<string, number> | undefined;

  /** How many items have a genre. */
  genreCount(genre: string): number {
    if (!this.genreCounts) {
      this.genreCounts = new Map();
      for (const item of this.components.catalog.items)
        for (const name of item.genres) this.genreCounts.set(name, (this.genreCounts.get(name) ?? 0) + 1);
    }
    return this.genreCounts.get(genre) ?? 0;
  }

  /** People of the catalog named in a text. */
  peopleIn(text: string): string[] {
    return this.facets.peopleIn(text);
  }

  /** How often an item appears in the interaction log (0 without a log). */
  popularity(id: string): number {
    return this.components.cooccurrence?.popularity[id] ?? 0;
  }

  private async embedQueries(
    queries: string[],
    signal?: AbortSignal,
    limits?: EmbeddingCallLimits,
  ): Promise<number[][]> {
    const missing = [...new Set(queries.filter((query) => !this.queryCache.has(query)))];
    const fresh = new Map<string, number[]>();
    if (missing.length > 0) {
      const vectors = await this.components.embedder.embed(missing, signal, limits);
      missing.forEach((query, index) => fresh.set(query, vectors[index]!));
    }
    // Read every vector before the cache evicts: an old entry this very call needs may go first.
    const out = queries.map((query) => fresh.get(query) ?? this.queryCache.get(query)!);
    for (const [query, vector] of fresh) this.queryCache.set(query, vector);
    while (this.queryCache.size > 500) this.queryCache.delete(this.queryCache.keys().next().value!);
    return out;
  }

  /** Content neighbours of an item by vector similarity (the item itself excluded). */
  contentNeighbours(
    id: string,
    k: number,
    accept?: (position: number) => boolean,
    hardFilters = accept !== undefined,
    excludedCount = 0,
    plan?: FilterPlan,
  ): string[] {
    return this.contentNeighbourHits(id, k, accept, hardFilters, excludedCount, plan).ids;
  }

  /** `contentNeighbours` with each neighbour's similarity. */
  private contentNeighbourHits(
    id: string,
    k: number,
    accept?: (position: number) => boolean,
    hardFilters = accept !== undefined,
    excludedCount = 0,
    plan?: FilterPlan,
  ): { ids: string[]; scores: number[] } {
    const position = this.positionOf.get(id);
    if (position === undefined) return { ids: [], scores: [] };
    const { catalog } = this.components;
    // A filter that keeps only a small subset is searched exactly among that subset instead.
    const cached = plan?.subset
      ? undefined
      : this.neighbourCache.neighbours(position, k, catalog.items.length, accept);
    if (cached)
      return {
        ids: cached.map((hit) => catalog.items[hit.position]!.id),
        scores: cached.map((hit) => hit.similarity),
      };
    const vector = this.components.vectors.vectorAt(position);
    const hits = this.vectorSearch(vector, k + 1, accept, hardFilters, excludedCount, plan);
    const keep = hits.ids
      .map((other, index) => index)
      .filter((index) => hits.ids[index] !== id)
      .slice(0, k);
    return { ids: keep.map((index) => hits.ids[index]!), scores: keep.map((index) => hits.scores[index]!) };
  }

  /**
   * Nearest items by vector. Hard filters are pushed into the HNSW search; a handful of excluded ids
   * is cheaper to drop afterwards, from a slightly deeper search.
   */
  private vectorSearch(
    vector: number[],
    k: number,
    accept: ((position: number) => boolean) | undefined,
    hardFilters: boolean,
    excludedCount: number,
    plan?: FilterPlan,
  ): { ids: string[]; scores: number[] } {
    const { vectors, catalog } = this.components;
    const deeper = Math.ceil((k + excludedCount) / Math.max(plan?.passRate ?? 1, 0.05)) + 10;
    const hits = plan?.subset
      ? vectors.searchAmong(vector, k, plan.subset, this.scan)
      : !accept
        ? vectors.search(vector, k)
        : (plan ? plan.inSearch : hardFilters)
          ? vectors.search(vector, k, accept)
          : vectors.search(vector, plan ? deeper : k + excludedCount).filter((hit) => accept(hit.position));
    const top = hits.slice(0, k);
    return {
      ids: top.map((hit) => catalog.items[hit.position]!.id),
      scores: top.map((hit) => hit.similarity),
    };
  }

  /** Co-occurrence neighbours of an item from the interaction log, most similar first. */
  collaborativeNeighbours(id: string, k: number): string[] {
    return (this.collaborative?.itemNeighbours([id], k) ?? []).map(([other]) => other);
  }

  /**
   * Items similar to the given ones (which are left out). `by`: 'blend' (default) fuses content and
   * collaborative similarity with the popularity lists, like a request naming these items; 'content'
   * is what the items are (their text, genres and people); 'collaborative' is what was watched with
   * them in the interaction log, and finds nothing without a log. The single-signal kinds never pad
   * the list with popular items, so they can return fewer than `k`.
   */
  async similarItems(
    ids: string[],
    k = 10,
    options: { filters?: RetrieveRequest['filters']; by?: SimilarityKind } = {},
  ): Promise<Candidate[]> {
    if ((options.by ?? 'blend') === 'blend')
      return this.retrieve({ likedIds: ids, excludeSeen: true, k, filters: options.filters ?? {} });
    const parsed = retrievalFiltersSchema.safeParse(options.filters ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConvrecError(
        'CONFIG_INVALID',
        `invalid similar-items filters: field "${issue?.path.join('.')}" ${issue?.message}`,
      );
    }
    const filters = parsed.data;
    const { catalog } = this.components;
    const acceptItem = compileFilters(filters, new Set(ids));
    const acceptPosition = (position: number) => acceptItem(catalog.items[position]!);
    const acceptId = (id: string) => {
      const item = catalog.byId.get(id);
      return item !== undefined && acceptItem(item);
    };
    const hardFilters = Object.values(filters).some((value) => value !== undefined);
    const depth = Math.max(this.weights.depth, k);
    const lists: RankedList[] =
      options.by === 'content'
        ? ids.slice(0, maxContentSeeds).map((id, index) => ({
            source: 'content',
            ids: this.contentNeighbours(id, depth, acceptPosition, hardFilters, ids.length),
            weight: this.weights.likedDecay ** index,
          }))
        : [
            {
              source: 'collaborative',
              ids: (this.collaborative?.itemNeighbours(ids, depth, acceptId) ?? []).map(([id]) => id),
              weight: 1,
            },
          ];
    return reciprocalRankFusion(lists, this.weights.rrfK)
      .filter((entry) => acceptId(entry.id))
      .slice(0, k)
      .map((entry) => ({ item: catalog.byId.get(entry.id)!, score: entry.score, ranks: entry.ranks }));
  }

  /**
   * Every signal's ranked list for a request, hard filters applied, before fusion (what `retrieve`
   * fuses; benches re-weigh them), with the request's `k`, its item filter and the popular items.
   */
  async sourceLists(
    request: RetrieveRequest,
    signal?: AbortSignal,
    limits?: EmbeddingCallLimits,
  ): Promise<{
    lists: RankedList[];
    k: number;
    acceptItem: (item: CatalogItem) => boolean;
    popular: string[];
  }> {
    const parsed = retrieveRequestSchema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConvrecError(
        'CONFIG_INVALID',
        `invalid retrieve request: field "${issue?.path.join('.')}" ${issue?.message}`,
      );
    }
    const {
      queries,
      likedIds,
      dislikedIds,
      seenIds,
      recentIds,
      proposedIds,
      preferredGenres,
      preferredPeople,
      preferredYears,
      filters,
      excludeSeen,
      k,
    } = parsed.data;
    if (signal?.aborted)
      throw new ConvrecError('ABORTED', 'retrieval was cancelled', { cause: signal.reason });
    const { catalog, lexical } = this.components;
    const weights = this.weights;
    const excluded = new Set<string>(dislikedIds);
    if (excludeSeen) for (const id of [...likedIds, ...seenIds]) excluded.add(id);
    const acceptItem = compileFilters(filters, excluded);
    const acceptPosition = (position: number) => acceptItem(catalog.items[position]!);
    const hardFilters = Object.values(filters).some((value) => value !== undefined);
    const acceptId = (id: string) => {
      const item = catalog.byId.get(id);
      return item !== undefined && acceptItem(item);
    };
    const depth = Math.max(weights.depth, k);
    const lists: RankedList[] = [];
    const cleanQueries = queries.map((query) => query.trim()).filter(Boolean);
    const queryVectors = await this.embedQueries(cleanQueries, signal, limits);
    // After the await, never before it: the plan's subset is a view on this retriever's shared scan
    // buffer, which another session's retrieval may refill while this one waits for its vectors.
    const plan = this.filterPlan(filters, acceptPosition);
    queryVectors.forEach((vector, index) => {
      // A query with no known words embeds to zero and would return arbitrary items.
      if (vector.every((value) => value === 0)) return;
      const { ids, scores } = this.vectorSearch(
        vector,
        depth,
        acceptPosition,
        hardFilters,
        excluded.size,
        plan,
      );
      lists.push({ source: 'dense', ids, scores, weight: weights.dense / Math.sqrt(index + 1) });
    });
    cleanQueries.forEach((query, index) => {
      const hits = lexical
        .search(query, depth * 3)
        .filter((hit) => acceptPosition(hit.position))
        .slice(0, depth);
      lists.push({
        source: 'lexical',
        ids: hits.map((hit) => catalog.items[hit.position]!.id),
        scores: hits.map((hit) => hit.score),
        weight: weights.lexical / Math.sqrt(index + 1),
      });
    });
    likedIds.forEach((id, index) => {
      const decay = weights.likedDecay ** index;
      const hits =
        index < maxContentSeeds
          ? this.contentNeighbourHits(
              id,
              weights.contentDepth,
              acceptPosition,
              hardFilters,
              excluded.size,
              plan,
            )
          : { ids: [], scores: [] };
      lists.push({ source: 'content', ...hits, weight: weights.content * decay });
    });
    if (likedIds.length > 0) {
      const collaborative = this.collaborative?.itemNeighbours(likedIds, depth, acceptId) ?? [];
      lists.push({
        source: 'collaborative',
        ids: collaborative.map(([id]) => id),
        scores: collaborative.map(([, score]) => score),
        weight: weights.collaborative,
      });
    }
    if (likedIds.length > 0 && weights.sessions > 0) {
      const sessions = this.collaborative?.sessionNeighbourScores(likedIds, depth, acceptId) ?? [];
      lists.push({
        source: 'sessions',
        ids: sessions.map(([id]) => id),
        scores: sessions.map(([, score]) => score),
        weight: weights.sessions,
      });
    }
    if (likedIds.length > 0 && weights.similarity !== 0 && this.collaborative) {
      const similar = this.collaborative.similarNeighbours(likedIds, depth, acceptId);
      lists.push({ source: 'similarity', ...similar, weight: weights.similarity });
    }
    if ((likedIds.length > 0 || seenIds.length > 0) && weights.graph !== 0) {
      const walked = this.graph.walk({ likedIds, mentionedIds: seenIds, dislikedIds }, depth, acceptId);
      lists.push({ source: 'graph', ...walked, weight: weights.graph });
    }
    if (preferredYears && weights.years > 0) {
      lists.push({
        source: 'years',
        ids: this.facets.yearList(preferredYears, depth, acceptId, textRanks(lists)),
        weight: weights.years,
      });
    }
    if (preferredPeople.length > 0) {
      lists.push({
        source: 'people',
        ids: this.facets.peopleList(preferredPeople, depth, acceptId),
        weight: weights.people,
      });
    }
    if (preferredGenres.length > 0) {
      lists.push({
        source: 'genre',
        ids: this.facets.genreList(preferredGenres, depth, acceptId, textRanks(lists)),
        weight: weights.genre,
      });
    }
    if (recentIds.length > 0 && weights.recent > 0) {
      lists.push({ source: 'recent', ids: recentIds.filter(acceptId), weight: weights.recent });
    }
    if (proposedIds.length > 0 && weights.proposed > 0) {
      lists.push({ source: 'proposed', ids: proposedIds.filter(acceptId), weight: weights.proposed });
    }
    for (const id of dislikedIds) {
      lists.push({
        source: 'disliked',
        ...this.contentNeighbourHits(id, 20, acceptPosition, hardFilters, excluded.size, plan),
        weight: weights.disliked,
      });
    }
    const popular = this.facets.mostPopular(depth, acceptId);
    lists.push({ source: 'popularity', ids: popular, weight: weights.popularity });

    return { lists, k, acceptItem, popular };
  }

  /**
   * Candidates for a request: every signal's list is computed, hard filters applied, and the lists
   * fused. When filters leave fewer than `k`, the rest is filled by popularity among allowed items.
   * `limits` bind the query embedding to a turn (its retry budget and deadline).
   */
  async retrieve(
    request: RetrieveRequest,
    signal?: AbortSignal,
    limits?: EmbeddingCallLimits,
  ): Promise<Candidate[]> {
    const { catalog } = this.components;
    const { lists, k, acceptItem, popular } = await this.sourceLists(request, signal, limits);
    const fused = fuseLists(
      lists,
      this.weights,
      this.components.cooccurrence ? (id) => this.popularity(id) : undefined,
    ).filter((entry) => acceptItem(catalog.byId.get(entry.id)!));
    const out: Candidate[] = fused.slice(0, k).map((entry) => ({
      item: catalog.byId.get(entry.id)!,
      score: entry.score,
      ranks: entry.ranks,
    }));
    if (out.length < k) {
      const have = new Set(out.map((candidate) => candidate.item.id));
      for (const item of [...popular.map((id) => catalog.byId.get(id)!), ...catalog.items]) {
        if (out.length >= k) break;
        if (have.has(item.id) || !acceptItem(item)) continue;
        have.add(item.id);
        out.push({ item, score: 0, ranks: {} });
      }
    }
    return out;
  }
}

/** The latest release year in the catalog, or undefined when no item has one (a loop: catalogs outgrow spread arguments). */
function latestYearOf(items: readonly CatalogItem[]): number | undefined {
  let latest = 0;
  for (const item of items) if (item.year !== undefined && item.year > latest) latest = item.year;
  return latest || undefined;
}
