import { z } from 'zod';
import type { Catalog, CatalogItem } from '../catalog/index.js';
import { cooccurrenceSimilarity, type CooccurrenceData } from '../collaborative/cooccurrence.js';
import type { EmbeddingModel } from '../embeddings/embedding-model.js';
import { buildRetrievalRequest, type DialogueReading } from '../dialogue/build-retrieval-request.js';
import type { DialogueMessage } from '../dialogue/dialogue-message.js';
import { ConvrecError } from '../errors/index.js';
import { foldText } from '../text/tokenize.js';
import type { HnswIndex } from '../index-store/hnsw-index.js';
import type { LexicalIndex } from '../lexical/lexical-index.js';
import type { TitleResolver } from '../titles/index.js';
import { compileFilters, retrievalFiltersSchema } from './filters.js';
import { reciprocalRankFusion, type RankedList } from './fusion.js';

/** How much each signal counts in fusion; tuned on ReDial valid. */
export interface RetrievalWeights {
  dense: number;
  lexical: number;
  content: number;
  collaborative: number;
  popularity: number;
  disliked: number;
  /** How many hits each source list contributes. */
  depth: number;
  /** The k of reciprocal rank fusion. */
  rrfK: number;
  /** Weight multiplier per position in `likedIds` (1, decay, decay², ...). */
  likedDecay: number;
  /** Popularity exponent of co-occurrence similarity (0.5 = cosine). */
  collaborativeAlpha: number;
  collaborativeShrinkage: number;
  /** Popular items of the genres the user asked for. */
  genre: number;
  /** Items already in the conversation that stay relevant (`recentIds`). */
  recent: number;
  /** Items of logged sessions that share the most liked items with this one (session kNN). */
  sessions: number;
  /** Popular items from the years the user asked for. */
  years: number;
  /** Popular items naming the people the user asked for. */
  people: number;
  /** How many content neighbours each liked item contributes. */
  contentDepth: number;
  /** How many neighbouring sessions session kNN reads. */
  sessionNeighbours: number;
  /** Exponent β of the popularity prior: fused scores are multiplied by (1 + sessions)^β. */
  popularityPrior: number;
}

/** Tuned by coordinate descent on ReDial valid (5 folds, log without the evaluated dialogues). */
export const defaultRetrievalWeights: RetrievalWeights = {
  dense: 0.3,
  lexical: 0.3,
  content: 0.8,
  collaborative: 1.5,
  popularity: 0,
  popularityPrior: 0.2,
  sessions: 0.5,
  sessionNeighbours: 100,
  contentDepth: 100,
  people: 3,
  years: 1,
  disliked: -0.5,
  depth: 150,
  rrfK: 30,
  likedDecay: 0.9,
  collaborativeAlpha: 0.3,
  collaborativeShrinkage: 8,
  genre: 1.5,
  recent: 2,
};

export const retrieveRequestSchema = z.object({
  queries: z
    .array(z.string())
    .default([])
    .describe('Free-text retrieval queries; several diverse ones are fused'),
  likedIds: z.array(z.string()).default([]).describe('Items the user likes, most important first'),
  dislikedIds: z
    .array(z.string())
    .default([])
    .describe('Items the user dislikes: excluded, and their neighbours pushed down'),
  seenIds: z.array(z.string()).default([]).describe('Items the user has seen'),
  recentIds: z
    .array(z.string())
    .default([])
    .describe('Items already discussed that stay relevant, e.g. earlier suggestions the user did not reject'),
  preferredYears: z
    .object({ from: z.number().int().optional(), to: z.number().int().optional() })
    .optional()
    .describe('Release years the user asked for (soft; filters are hard)'),
  preferredPeople: z
    .array(z.string())
    .default([])
    .describe('People the user asked for, e.g. an actor or director (soft; filters are hard)'),
  preferredGenres: z
    .array(z.string())
    .default([])
    .describe('Genres the user asked for (soft; filters are hard)'),
  filters: retrievalFiltersSchema.default({}).describe('Hard constraints'),
  excludeSeen: z.boolean().default(false).describe('Drop liked and seen items from the results'),
  k: z.number().int().positive().max(1000).default(40).describe('How many candidates to return'),
});

export type RetrieveRequest = z.input<typeof retrieveRequestSchema>;

/** A retrieved item with its fused score and its rank in each source list. */
export interface Candidate {
  item: CatalogItem;
  score: number;
  ranks: Record<string, number>;
}

/** Everything retrieval needs, loaded from an index directory or built in memory. */
export interface RetrievalComponents {
  catalog: Catalog;
  embedder: EmbeddingModel;
  vectors: HnswIndex;
  lexical: LexicalIndex;
  titles: TitleResolver;
  cooccurrence?: CooccurrenceData;
}

/** Content-neighbour searches per request: later liked items weigh little and cost a search each. */
const maxContentSeeds = 5;

/** Best position of each id across the text-query (dense and lexical) lists. */
function textRanks(lists: RankedList[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const list of lists) {
    if (list.source !== 'dense' && list.source !== 'lexical') continue;
    list.ids.forEach((id, index) => ranks.set(id, Math.min(ranks.get(id) ?? Infinity, index)));
  }
  return ranks;
}

/** Hybrid retrieval: dense, lexical, content-neighbour, collaborative and popularity lists, fused with RRF. */
export class Retriever {
  private readonly positionOf: Map<string, number>;
  private readonly popularityOrder: string[];
  private readonly queryCache = new Map<string, number[]>();

  constructor(
    readonly components: RetrievalComponents,
    readonly weights: RetrievalWeights = defaultRetrievalWeights,
  ) {
    const { catalog, cooccurrence } = components;
    this.positionOf = new Map(catalog.items.map((item, position) => [item.id, position]));
    const popularity = cooccurrence?.popularity ?? {};
    this.popularityOrder = Object.keys(popularity)
      .filter((id) => this.positionOf.has(id))
      .sort((left, right) => popularity[right]! - popularity[left]! || (left < right ? -1 : 1));
  }

  get catalog(): Catalog {
    return this.components.catalog;
  }

  private genreNames: Set<string> | undefined;
  private latestYear: number | undefined;

  /**
   * The offline reading of a dialogue (titles with sentiment, genres, people) as a retrieval request
   * for this catalog.
   */
  readDialogue(messages: DialogueMessage[], options: { topicShift?: boolean } = {}): DialogueReading {
    this.genreNames ??= new Set(this.components.catalog.items.flatMap((item) => item.genres));
    this.latestYear ??=
      Math.max(0, ...this.components.catalog.items.map((item) => item.year ?? 0)) || undefined;
    return buildRetrievalRequest(messages, this.components.titles, {
      genres: this.genreNames,
      findPeople: (text) => this.peopleIn(text),
      ...(this.latestYear ? { latestYear: this.latestYear } : {}),
      ...(options.topicShift === undefined ? {} : { topicShift: options.topicShift }),
    });
  }

  /** How often an item appears in the interaction log (0 without a log). */
  popularity(id: string): number {
    return this.components.cooccurrence?.popularity[id] ?? 0;
  }

  private async embedQueries(queries: string[], signal?: AbortSignal): Promise<number[][]> {
    const missing = queries.filter((query) => !this.queryCache.has(query));
    if (missing.length > 0) {
      const vectors = await this.components.embedder.embed(missing, signal);
      missing.forEach((query, index) => this.queryCache.set(query, vectors[index]!));
      while (this.queryCache.size > 500) this.queryCache.delete(this.queryCache.keys().next().value!);
    }
    return queries.map((query) => this.queryCache.get(query)!);
  }

  /** Content neighbours of an item by vector similarity (the item itself excluded). */
  contentNeighbours(
    id: string,
    k: number,
    accept?: (position: number) => boolean,
    hardFilters = accept !== undefined,
    excludedCount = 0,
  ): string[] {
    const position = this.positionOf.get(id);
    if (position === undefined) return [];
    const vector = this.components.vectors.vectorAt(position);
    return this.vectorSearch(vector, k + 1, accept, hardFilters, excludedCount)
      .filter((other) => other !== id)
      .slice(0, k);
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
  ): string[] {
    const { vectors, catalog } = this.components;
    const hits =
      hardFilters || !accept
        ? vectors.search(vector, k, accept)
        : vectors.search(vector, k + excludedCount).filter((hit) => accept(hit.position));
    return hits.slice(0, k).map((hit) => catalog.items[hit.position]!.id);
  }

  /** Co-occurrence neighbours of an item from the interaction log, most similar first. */
  collaborativeNeighbours(id: string, k: number): string[] {
    return this.collaborativeScores([id], k).map(([other]) => other);
  }

  /** Item-kNN over co-occurrence: Σ over seeds of decay^rank · similarity, best first. */
  private collaborativeScores(
    seeds: string[],
    k: number,
    accept?: (id: string) => boolean,
  ): [string, number][] {
    const cooccurrence = this.components.cooccurrence;
    if (!cooccurrence) return [];
    const { collaborativeAlpha, collaborativeShrinkage, likedDecay } = this.weights;
    const totals = new Map<string, number>();
    seeds.forEach((seed, rank) => {
      const seedPopularity = cooccurrence.popularity[seed] ?? 0;
      const weight = likedDecay ** rank;
      for (const [other, count] of cooccurrence.neighbours[seed] ?? []) {
        if (accept && !accept(other)) continue;
        const similarity = cooccurrenceSimilarity(
          count,
          seedPopularity,
          cooccurrence.popularity[other] ?? 1,
          collaborativeAlpha,
          collaborativeShrinkage,
        );
        totals.set(other, (totals.get(other) ?? 0) + weight * similarity);
      }
    });
    const seedSet = new Set(seeds);
    return [...totals.entries()]
      .filter(([id]) => !seedSet.has(id))
      .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
      .slice(0, k);
  }

  private peopleIndex: Map<string, { name: string; items: CatalogItem[] }> | undefined;

  private itemsByPerson(): Map<string, { name: string; items: CatalogItem[] }> {
    if (!this.peopleIndex) {
      const index = new Map<string, { name: string; items: CatalogItem[] }>();
      for (const item of this.components.catalog.items) {
        for (const name of new Set(item.people)) {
          const key = foldText(name)
            .replace(/[^a-z0-9]+/g, ' ')
            .trim();
          if (!key.includes(' ')) continue;
          const entry = index.get(key);
          if (entry) entry.items.push(item);
          else index.set(key, { name, items: [item] });
        }
      }
      this.peopleIndex = index;
    }
    return this.peopleIndex;
  }

  /** Full names of catalog people (two words or more) that a text mentions, in any case. */
  peopleIn(text: string): string[] {
    const words = foldText(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ');
    const index = this.itemsByPerson();
    const found: string[] = [];
    for (let start = 0; start < words.length; start++) {
      for (const length of [3, 2]) {
        const entry = index.get(words.slice(start, start + length).join(' '));
        if (entry && !found.includes(entry.name)) {
          found.push(entry.name);
          start += length - 1;
          break;
        }
      }
    }
    return found;
  }

  /** Items naming the given people: most of them first, then most popular. */
  private peopleList(people: string[], k: number, accept: (id: string) => boolean): string[] {
    const counts = new Map<string, number>();
    for (const name of people) {
      const key = foldText(name)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      for (const item of this.itemsByPerson().get(key)?.items ?? []) {
        if (accept(item.id)) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
      }
    }
    return [...counts.entries()]
      .sort(
        (left, right) =>
          right[1] - left[1] ||
          this.popularity(right[0]) - this.popularity(left[0]) ||
          (left[0] < right[0] ? -1 : 1),
      )
      .slice(0, k)
      .map(([id]) => id);
  }

  /** Items released in a year range: most popular first, then best placed in the text-query lists. */
  private yearList(
    range: { from?: number | undefined; to?: number | undefined },
    k: number,
    accept: (id: string) => boolean,
    textRank: Map<string, number>,
  ): string[] {
    const from = range.from ?? -Infinity;
    const to = range.to ?? Infinity;
    const scored: { id: string; popularity: number; rank: number }[] = [];
    for (const item of this.itemsByPopularity()) {
      if (item.year === undefined || item.year < from || item.year > to || !accept(item.id)) continue;
      const popularity = this.popularity(item.id);
      // Sorted by popularity: once k are in and popularity drops, nothing later can enter.
      if (scored.length >= k && popularity < scored[k - 1]!.popularity) break;
      scored.push({ id: item.id, popularity, rank: textRank.get(item.id) ?? Infinity });
    }
    return scored
      .sort(
        (left, right) =>
          right.popularity - left.popularity || left.rank - right.rank || (left.id < right.id ? -1 : 1),
      )
      .slice(0, k)
      .map((entry) => entry.id);
  }

  private popularityOrderedItems: CatalogItem[] | undefined;

  private itemsByPopularity(): CatalogItem[] {
    this.popularityOrderedItems ??= [...this.components.catalog.items].sort(
      (left, right) => this.popularity(right.id) - this.popularity(left.id),
    );
    return this.popularityOrderedItems;
  }

  private sessionIndex: Map<string, number[]> | undefined;

  /**
   * Session kNN: logged sessions are scored by the liked items they contain (decayed by rank,
   * normalized by √length); items of the best sessions score the sum of their sessions' scores.
   */
  private sessionScores(seeds: string[], k: number, accept: (id: string) => boolean): string[] {
    const sessions = this.components.cooccurrence?.sessionItems;
    if (!sessions || seeds.length === 0) return [];
    if (!this.sessionIndex) {
      const index = new Map<string, number[]>();
      sessions.forEach((items, position) => {
        for (const id of items) {
          const list = index.get(id);
          if (list) list.push(position);
          else index.set(id, [position]);
        }
      });
      this.sessionIndex = index;
    }
    const sessionScore = new Map<number, number>();
    seeds.forEach((seed, rank) => {
      const weight = this.weights.likedDecay ** rank;
      for (const position of this.sessionIndex!.get(seed) ?? []) {
        sessionScore.set(position, (sessionScore.get(position) ?? 0) + weight);
      }
    });
    const best = [...sessionScore.entries()]
      .map(([position, score]) => [position, score / Math.sqrt(sessions[position]!.length)] as const)
      .sort((left, right) => right[1] - left[1] || left[0] - right[0])
      .slice(0, this.weights.sessionNeighbours);
    const seedSet = new Set(seeds);
    const itemScore = new Map<string, number>();
    for (const [position, score] of best) {
      for (const id of sessions[position]!) {
        if (!seedSet.has(id) && accept(id)) itemScore.set(id, (itemScore.get(id) ?? 0) + score);
      }
    }
    return [...itemScore.entries()]
      .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
      .slice(0, k)
      .map(([id]) => id);
  }

  /**
   * Items of the given genres: most genres matched first, then most popular, then best placed in the
   * text-query lists (which orders them when there is no interaction log).
   */
  private genreList(
    genres: string[],
    k: number,
    accept: (id: string) => boolean,
    textRank: Map<string, number>,
  ): string[] {
    const wanted = new Set(genres.map((genre) => genre.toLowerCase()));
    if (wanted.size === 0) return [];
    const scored: { id: string; overlap: number; popularity: number; rank: number }[] = [];
    const seen = new Set<string>();
    // Candidates: the most popular allowed items of each genre (lists are sorted by popularity),
    // plus the genre's items that the text queries found. Bounded work on large catalogs.
    const candidates: CatalogItem[] = [];
    for (const genre of wanted) {
      let taken = 0;
      for (const item of this.itemsByGenre().get(genre) ?? []) {
        if (taken >= k * 4) break;
        if (!accept(item.id)) continue;
        candidates.push(item);
        taken++;
      }
    }
    for (const id of textRank.keys()) {
      const item = this.components.catalog.byId.get(id);
      if (item && item.genres.some((genre) => wanted.has(genre)) && accept(id)) candidates.push(item);
    }
    {
      for (const item of candidates) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const overlap = item.genres.filter((name) => wanted.has(name)).length;
        scored.push({
          id: item.id,
          overlap,
          popularity: this.popularity(item.id),
          rank: textRank.get(item.id) ?? Infinity,
        });
      }
    }
    return scored
      .sort(
        (left, right) =>
          right.overlap - left.overlap ||
          right.popularity - left.popularity ||
          left.rank - right.rank ||
          (left.id < right.id ? -1 : 1),
      )
      .slice(0, k)
      .map((entry) => entry.id);
  }

  private genreIndex: Map<string, CatalogItem[]> | undefined;

  private itemsByGenre(): Map<string, CatalogItem[]> {
    if (!this.genreIndex) {
      this.genreIndex = new Map();
      for (const item of this.components.catalog.items) {
        for (const genre of item.genres) {
          const list = this.genreIndex.get(genre);
          if (list) list.push(item);
          else this.genreIndex.set(genre, [item]);
        }
      }
      for (const list of this.genreIndex.values()) {
        list.sort((left, right) => this.popularity(right.id) - this.popularity(left.id));
      }
    }
    return this.genreIndex;
  }

  /** Items similar to the given ones, blending content and collaborative similarity. */
  similarItems(
    ids: string[],
    k = 10,
    options: { filters?: RetrieveRequest['filters'] } = {},
  ): Promise<Candidate[]> {
    return this.retrieve({ likedIds: ids, excludeSeen: true, k, filters: options.filters ?? {} });
  }

  /**
   * Candidates for a request: every signal's list is computed, hard filters applied, and the lists
   * fused. When filters leave fewer than `k`, the rest is filled by popularity among allowed items.
   */
  async retrieve(request: RetrieveRequest, signal?: AbortSignal): Promise<Candidate[]> {
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

    const queryVectors = await this.embedQueries(cleanQueries, signal);
    queryVectors.forEach((vector, index) => {
      // A query with no known words embeds to zero and would return arbitrary items.
      if (vector.every((value) => value === 0)) return;
      const ids = this.vectorSearch(vector, depth, acceptPosition, hardFilters, excluded.size);
      lists.push({ source: 'dense', ids, weight: weights.dense / Math.sqrt(index + 1) });
    });
    cleanQueries.forEach((query, index) => {
      const ids = lexical
        .search(query, depth * 3)
        .filter((hit) => acceptPosition(hit.position))
        .slice(0, depth)
        .map((hit) => catalog.items[hit.position]!.id);
      lists.push({ source: 'lexical', ids, weight: weights.lexical / Math.sqrt(index + 1) });
    });
    likedIds.forEach((id, index) => {
      const decay = weights.likedDecay ** index;
      lists.push({
        source: 'content',
        ids:
          index < maxContentSeeds
            ? this.contentNeighbours(id, weights.contentDepth, acceptPosition, hardFilters, excluded.size)
            : [],
        weight: weights.content * decay,
      });
    });
    if (likedIds.length > 0) {
      const collaborative = this.collaborativeScores(likedIds, depth, acceptId).map(([id]) => id);
      lists.push({ source: 'collaborative', ids: collaborative, weight: weights.collaborative });
    }
    if (likedIds.length > 0 && weights.sessions > 0) {
      lists.push({
        source: 'sessions',
        ids: this.sessionScores(likedIds, depth, acceptId),
        weight: weights.sessions,
      });
    }
    if (preferredYears && weights.years > 0) {
      lists.push({
        source: 'years',
        ids: this.yearList(preferredYears, depth, acceptId, textRanks(lists)),
        weight: weights.years,
      });
    }
    if (preferredPeople.length > 0) {
      lists.push({
        source: 'people',
        ids: this.peopleList(preferredPeople, depth, acceptId),
        weight: weights.people,
      });
    }
    if (preferredGenres.length > 0) {
      lists.push({
        source: 'genre',
        ids: this.genreList(preferredGenres, depth, acceptId, textRanks(lists)),
        weight: weights.genre,
      });
    }
    if (recentIds.length > 0 && weights.recent > 0) {
      lists.push({ source: 'recent', ids: recentIds.filter(acceptId), weight: weights.recent });
    }
    for (const id of dislikedIds) {
      lists.push({
        source: 'disliked',
        ids: this.contentNeighbours(id, 20, acceptPosition, hardFilters, excluded.size),
        weight: weights.disliked,
      });
    }
    const popular: string[] = [];
    for (const id of this.popularityOrder) {
      if (popular.length >= depth) break;
      if (acceptId(id)) popular.push(id);
    }
    lists.push({ source: 'popularity', ids: popular, weight: weights.popularity });

    const fused = reciprocalRankFusion(lists, weights.rrfK).filter(
      (entry) => entry.score > 0 && acceptId(entry.id),
    );
    if (weights.popularityPrior !== 0 && this.components.cooccurrence) {
      for (const entry of fused) entry.score *= (1 + this.popularity(entry.id)) ** weights.popularityPrior;
      fused.sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1));
    }
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
