import type { Catalog, CatalogItem } from '../catalog/index.js';
import type { CooccurrenceData } from '../collaborative/cooccurrence.js';
import type { Candidate, Retriever, RetrieveRequest } from '../retrieval/retriever.js';

/** Source lists whose rank the ranker reads (see `Retriever.retrieve`). */
const rankSources = [
  'dense',
  'lexical',
  'content',
  'collaborative',
  'sessions',
  'genre',
  'people',
  'years',
  'recent',
  'popularity',
  'disliked',
  'proposed',
] as const;

/** The per-candidate features, in the order of every feature vector. */
export const rankingFeatureNames = [
  ...rankSources.flatMap((source) => [`${source}:in`, `${source}:rr`]),
  'fused:position',
  'fused:log-position',
  'fused:relative-score',
  'popularity:log',
  'popularity:zero',
  'cooccurrence:cosine-sum',
  'cooccurrence:cosine-max',
  'cooccurrence:cosine-first',
  'cooccurrence:conditional-sum',
  'cooccurrence:log-count',
  'cooccurrence:liked-share',
  'cooccurrence:mentioned-cosine-sum',
  'cooccurrence:mentioned-log-count',
  'cooccurrence:disliked-cosine-sum',
  'sequence:follows-log',
  'sequence:next-log',
  'sequence:precedes-log',
  'sessions:knn-score',
  'sessions:knn-log-count',
  'content:cosine-max',
  'content:cosine-mean',
  'content:cosine-first',
  'genre:liked-cosine',
  'genre:liked-jaccard-max',
  'genre:preferred-share',
  'genre:preferred-none',
  'people:liked-shared',
  'people:preferred',
  'year:missing',
  'year:recency',
  'year:preferred-inside',
  'year:preferred-distance',
  'year:liked-distance',
  'mention:liked',
  'mention:recent',
  'mention:seen',
  'context:no-liked-popularity',
  'context:no-liked-dense',
] as const;

export type RankingFeatureName = (typeof rankingFeatureNames)[number];

const featureIndex = new Map<string, number>(rankingFeatureNames.map((name, index) => [name, index]));

const positionsByCatalog = new WeakMap<Catalog, Map<string, number>>();

function catalogPositions(catalog: Catalog): Map<string, number> {
  let positions = positionsByCatalog.get(catalog);
  if (!positions) {
    positions = new Map(catalog.items.map((item, position) => [item.id, position]));
    positionsByCatalog.set(catalog, positions);
  }
  return positions;
}

const sessionsByItem = new WeakMap<CooccurrenceData, Map<string, [session: number, position: number][]>>();

/** Where each item occurs in the logged sessions (session index, position in mention order). */
function itemOccurrences(cooccurrence: CooccurrenceData): Map<string, [number, number][]> {
  let index = sessionsByItem.get(cooccurrence);
  if (!index) {
    index = new Map();
    cooccurrence.sessionItems.forEach((items, session) => {
      items.forEach((id, position) => {
        const list = index!.get(id);
        if (list) list.push([session, position]);
        else index!.set(id, [[session, position]]);
      });
    });
    sessionsByItem.set(cooccurrence, index);
  }
  return index;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** Weight of the i-th liked item (most recent first), as retrieval decays it. */
const likedDecay = 0.9;

function cosine(vectors: Float32Array, dimensions: number, left: number, right: number): number {
  let dot = 0;
  const leftBase = left * dimensions;
  const rightBase = right * dimensions;
  for (let dimension = 0; dimension < dimensions; dimension++)
    dot += vectors[leftBase + dimension]! * vectors[rightBase + dimension]!;
  return dot;
}

function setOf(values: readonly string[] | undefined): Set<string> {
  return new Set(values ?? []);
}

/**
 * One feature vector per candidate (see `rankingFeatureNames`): its rank in each source list, its
 * fused position, popularity, and how it relates to the liked items (co-occurrence, content, genres,
 * people, years) and to what the user asked for.
 */
export function rankingFeatures(
  candidates: Candidate[],
  request: RetrieveRequest,
  retriever: Retriever,
): Float64Array[] {
  const { catalog, vectors, cooccurrence } = retriever.components;
  const positions = catalogPositions(catalog);
  const likedIds = request.likedIds ?? [];
  const liked = likedIds.flatMap((id) => catalog.byId.get(id) ?? []);
  const likedPositions = liked.map((item) => positions.get(item.id)!);
  const likedWeights = liked.map((_, index) => likedDecay ** index);
  const likedWeightTotal = likedWeights.reduce((sum, weight) => sum + weight, 0);
  const popularity = cooccurrence?.popularity ?? {};
  const likedRows = liked.map((item) => new Map(cooccurrence?.neighbours[item.id] ?? []));

  const genreProfile = new Map<string, number>();
  liked.forEach((item, index) => {
    for (const genre of item.genres)
      genreProfile.set(genre, (genreProfile.get(genre) ?? 0) + likedWeights[index]!);
  });
  const genreNorm = Math.sqrt([...genreProfile.values()].reduce((sum, value) => sum + value * value, 0));
  const likedGenreSets = liked.map((item) => new Set(item.genres));
  const likedPeople = new Set(liked.flatMap((item) => item.people));
  const likedYears = liked.flatMap((item) => (item.year === undefined ? [] : [item.year]));
  const likedYear =
    likedYears.length > 0 ? likedYears.reduce((sum, year) => sum + year, 0) / likedYears.length : undefined;
  const preferredGenres = setOf(request.preferredGenres);
  const preferredPeople = setOf(request.preferredPeople);
  const { from, to } = request.preferredYears ?? {};
  const likedSet = setOf(likedIds);
  const recentSet = setOf(request.recentIds);
  const seenSet = setOf(request.seenIds);
  const mentioned = [
    ...new Set([...likedIds, ...(request.dislikedIds ?? []), ...(request.seenIds ?? [])]),
  ].filter((id) => catalog.byId.has(id));
  const mentionedRows = mentioned.map((id) => new Map(cooccurrence?.neighbours[id] ?? []));
  const dislikedRows = (request.dislikedIds ?? []).map((id) => new Map(cooccurrence?.neighbours[id] ?? []));
  const follows = new Map<string, number>();
  const next = new Map<string, number>();
  const precedes = new Map<string, number>();
  const knnScore = new Map<string, number>();
  const knnCount = new Map<string, number>();
  if (cooccurrence) {
    const occurrences = itemOccurrences(cooccurrence);
    const overlap = new Map<number, number>();
    for (const id of mentioned) {
      for (const [session, position] of occurrences.get(id) ?? []) {
        overlap.set(session, (overlap.get(session) ?? 0) + 1);
        const items = cooccurrence.sessionItems[session]!;
        items.forEach((other, otherPosition) => {
          if (otherPosition > position) add(follows, other, 1);
          if (otherPosition === position + 1) add(next, other, 1);
          if (otherPosition < position) add(precedes, other, 1);
        });
      }
    }
    for (const [session, shared] of overlap) {
      const items = cooccurrence.sessionItems[session]!;
      const score = (shared * shared) / Math.sqrt(items.length);
      for (const id of items) {
        add(knnScore, id, score);
        add(knnCount, id, 1);
      }
    }
  }
  const maxScore = Math.max(1e-9, ...candidates.map((candidate) => candidate.score));
  const noLiked = liked.length === 0 ? 1 : 0;

  return candidates.map((candidate, position) => {
    const features = new Float64Array(rankingFeatureNames.length);
    const set = (name: RankingFeatureName, value: number) => {
      features[featureIndex.get(name)!] = value;
    };
    const item: CatalogItem = candidate.item;
    for (const source of rankSources) {
      const rank = candidate.ranks[source];
      if (rank === undefined) continue;
      set(`${source}:in`, 1);
      set(`${source}:rr`, 10 / (10 + rank));
    }
    set('fused:position', 10 / (10 + position));
    set('fused:log-position', Math.log1p(position));
    set('fused:relative-score', candidate.score / maxScore);
    const itemPopularity = popularity[item.id] ?? 0;
    set('popularity:log', Math.log1p(itemPopularity));
    set('popularity:zero', itemPopularity === 0 ? 1 : 0);

    let cosineSum = 0;
    let cosineMax = 0;
    let conditional = 0;
    let count = 0;
    let sharing = 0;
    likedRows.forEach((row, index) => {
      const together = row.get(item.id) ?? 0;
      if (together === 0) return;
      const seedPopularity = popularity[liked[index]!.id] ?? 1;
      const similarity = together / Math.sqrt(seedPopularity * Math.max(itemPopularity, 1));
      cosineSum += likedWeights[index]! * similarity;
      cosineMax = Math.max(cosineMax, similarity);
      if (index === 0) set('cooccurrence:cosine-first', similarity);
      conditional += (likedWeights[index]! * together) / seedPopularity;
      count += together;
      sharing += likedWeights[index]!;
    });
    set('cooccurrence:cosine-sum', cosineSum);
    set('cooccurrence:cosine-max', cosineMax);
    set('cooccurrence:conditional-sum', conditional);
    set('cooccurrence:log-count', Math.log1p(count));
    set('cooccurrence:liked-share', likedWeightTotal > 0 ? sharing / likedWeightTotal : 0);
    const mentionedSimilarity = (rows: Map<string, number>[], ids: string[]) => {
      let sum = 0;
      let together = 0;
      rows.forEach((row, index) => {
        const count = row.get(item.id) ?? 0;
        together += count;
        sum += count / Math.sqrt((popularity[ids[index]!] ?? 1) * Math.max(itemPopularity, 1));
      });
      return [sum, together] as const;
    };
    const [mentionedSum, mentionedCount] = mentionedSimilarity(mentionedRows, mentioned);
    set('cooccurrence:mentioned-cosine-sum', mentionedSum);
    set('cooccurrence:mentioned-log-count', Math.log1p(mentionedCount));
    set('cooccurrence:disliked-cosine-sum', mentionedSimilarity(dislikedRows, request.dislikedIds ?? [])[0]);
    set('sequence:follows-log', Math.log1p(follows.get(item.id) ?? 0));
    set('sequence:next-log', Math.log1p(next.get(item.id) ?? 0));
    set('sequence:precedes-log', Math.log1p(precedes.get(item.id) ?? 0));
    set('sessions:knn-score', knnScore.get(item.id) ?? 0);
    set('sessions:knn-log-count', Math.log1p(knnCount.get(item.id) ?? 0));

    const itemPosition = positions.get(item.id);
    if (itemPosition !== undefined && liked.length > 0) {
      let weighted = 0;
      let best = -1;
      likedPositions.forEach((likedPosition, index) => {
        const similarity = cosine(vectors.vectors, vectors.dimensions, itemPosition, likedPosition);
        weighted += likedWeights[index]! * similarity;
        best = Math.max(best, similarity);
        if (index === 0) set('content:cosine-first', similarity);
      });
      set('content:cosine-max', best);
      set('content:cosine-mean', weighted / likedWeightTotal);
    }

    if (genreNorm > 0 && item.genres.length > 0) {
      let dot = 0;
      for (const genre of item.genres) dot += genreProfile.get(genre) ?? 0;
      set('genre:liked-cosine', dot / (genreNorm * Math.sqrt(item.genres.length)));
      let bestJaccard = 0;
      for (const genres of likedGenreSets) {
        const shared = item.genres.filter((genre) => genres.has(genre)).length;
        const union = genres.size + item.genres.length - shared;
        bestJaccard = Math.max(bestJaccard, union > 0 ? shared / union : 0);
      }
      set('genre:liked-jaccard-max', bestJaccard);
    }
    if (preferredGenres.size > 0) {
      const matched = item.genres.filter((genre) => preferredGenres.has(genre)).length;
      set('genre:preferred-share', matched / preferredGenres.size);
      set('genre:preferred-none', matched === 0 ? 1 : 0);
    }
    if (likedPeople.size > 0)
      set('people:liked-shared', Math.log1p(item.people.filter((person) => likedPeople.has(person)).length));
    if (preferredPeople.size > 0)
      set('people:preferred', item.people.filter((person) => preferredPeople.has(person)).length);

    if (item.year === undefined) set('year:missing', 1);
    else {
      set('year:recency', (item.year - 2000) / 10);
      if (from !== undefined || to !== undefined) {
        const below = from !== undefined && item.year < from ? from - item.year : 0;
        const above = to !== undefined && item.year > to ? item.year - to : 0;
        set('year:preferred-inside', below + above === 0 ? 1 : 0);
        set('year:preferred-distance', Math.log1p(below + above));
      }
      if (likedYear !== undefined) set('year:liked-distance', Math.abs(item.year - likedYear) / 10);
    }

    if (likedSet.has(item.id)) set('mention:liked', 1);
    if (recentSet.has(item.id)) set('mention:recent', 1);
    if (seenSet.has(item.id)) set('mention:seen', 1);
    set('context:no-liked-popularity', noLiked * Math.log1p(itemPopularity));
    set(
      'context:no-liked-dense',
      noLiked * (candidate.ranks.dense === undefined ? 0 : 10 / (10 + candidate.ranks.dense)),
    );
    return features;
  });
}
