import type { Catalog, CatalogItem } from '../catalog/index.js';
import type { CooccurrenceData } from '../collaborative/cooccurrence.js';
import type { Candidate, Retriever, RetrieveRequest } from '../retrieval/index.js';
import { sequenceSignals } from './offline-sequence-signals.js';

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
] as const;

/** The per-candidate features, in the order of every feature vector. */
export const rankingFeatureNames = [
  // `as const` keeps the names literal, so a weight for a feature that is not here is a type error.
  ...rankSources.flatMap((source) => [`${source}:in`, `${source}:rr`] as const),
  'fused:position',
  'fused:log-position',
  'fused:relative-score',
  'popularity:log',
  'popularity:zero',
  'cooccurrence:liked-share',
  'cooccurrence:mentioned-log-count',
  'sequence:follows-log',
  'sequence:next-log',
  'content:cosine-max',
  'content:cosine-first',
  'genre:liked-cosine',
  'genre:liked-jaccard-max',
  'genre:preferred-share',
  'genre:preferred-none',
  'people:liked-shared',
  'people:preferred',
  'year:missing',
  'year:preferred-distance',
  'year:liked-distance',
  'mention:seen',
  'context:no-liked-popularity',
  'context:no-liked-dense',
] as const;

export type RankingFeatureName = (typeof rankingFeatureNames)[number];

const featureIndex = new Map<string, number>(rankingFeatureNames.map((name, index) => [name, index]));
/** Each rank source's two feature slots, looked up once. */
const sourceSlots = rankSources.map((source) => ({
  source,
  present: featureIndex.get(`${source}:in`)!,
  reciprocal: featureIndex.get(`${source}:rr`)!,
}));

/** An item's co-occurrence row as a map, built once per item and log (rows are read every turn). */
const rowsByLog = new WeakMap<object, Map<string, Map<string, number>>>();
function cooccurrenceRow(cooccurrence: CooccurrenceData | undefined, id: string): Map<string, number> {
  if (!cooccurrence) return new Map();
  let rows = rowsByLog.get(cooccurrence);
  if (!rows) rowsByLog.set(cooccurrence, (rows = new Map()));
  let row = rows.get(id);
  if (!row) rows.set(id, (row = new Map(cooccurrence.neighbours[id] ?? [])));
  return row;
}

const positionsByCatalog = new WeakMap<Catalog, Map<string, number>>();

function catalogPositions(catalog: Catalog): Map<string, number> {
  let positions = positionsByCatalog.get(catalog);
  if (!positions) {
    positions = new Map(catalog.items.map((item, position) => [item.id, position]));
    positionsByCatalog.set(catalog, positions);
  }
  return positions;
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

/**
 * One feature vector per candidate (see `rankingFeatureNames`): its rank in each source list, its
 * fused position, popularity, and how it relates to the items mentioned (co-occurrence and order in
 * the log, content, genres, people, years) and to what the user asked for.
 */
export function rankingFeatures(
  candidates: Candidate[],
  request: RetrieveRequest,
  retriever: Retriever,
): Float64Array[] {
  const { catalog, vectors, cooccurrence } = retriever.components;
  const positions = catalogPositions(catalog);
  const liked = (request.likedIds ?? []).flatMap((id) => catalog.byId.get(id) ?? []);
  const likedPositions = liked.map((item) => positions.get(item.id)!);
  const likedWeights = liked.map((_, index) => likedDecay ** index);
  const likedWeightTotal = likedWeights.reduce((sum, weight) => sum + weight, 0);
  const popularity = cooccurrence?.popularity ?? {};
  const likedRows = liked.map((item) => cooccurrenceRow(cooccurrence, item.id));
  const mentioned = [
    ...new Set([...liked.map((item) => item.id), ...(request.dislikedIds ?? []), ...(request.seenIds ?? [])]),
  ].filter((id) => catalog.byId.has(id));
  const mentionedRows = mentioned.map((id) => cooccurrenceRow(cooccurrence, id));
  const { follows, next } = sequenceSignals(cooccurrence, mentioned);

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
  const preferredGenres = new Set(request.preferredGenres ?? []);
  const preferredPeople = new Set(request.preferredPeople ?? []);
  const { from, to } = request.preferredYears ?? {};
  const seen = new Set(request.seenIds ?? []);
  const maxScore = candidates.reduce((highest, candidate) => Math.max(highest, candidate.score), 1e-9);
  const noLiked = liked.length === 0 ? 1 : 0;

  return candidates.map((candidate, position) => {
    const features = new Float64Array(rankingFeatureNames.length);
    const set = (name: RankingFeatureName, value: number) => {
      features[featureIndex.get(name)!] = value;
    };
    const item: CatalogItem = candidate.item;
    for (const { source, present, reciprocal } of sourceSlots) {
      const rank = candidate.ranks[source];
      if (rank === undefined) continue;
      features[present] = 1;
      features[reciprocal] = 10 / (10 + rank);
    }
    set('fused:position', 10 / (10 + position));
    set('fused:log-position', Math.log1p(position));
    set('fused:relative-score', candidate.score / maxScore);
    const itemPopularity = popularity[item.id] ?? 0;
    set('popularity:log', Math.log1p(itemPopularity));
    set('popularity:zero', itemPopularity === 0 ? 1 : 0);

    let sharing = 0;
    likedRows.forEach((row, index) => {
      if (row.has(item.id)) sharing += likedWeights[index]!;
    });
    set('cooccurrence:liked-share', likedWeightTotal > 0 ? sharing / likedWeightTotal : 0);
    const together = mentionedRows.reduce((sum, row) => sum + (row.get(item.id) ?? 0), 0);
    set('cooccurrence:mentioned-log-count', Math.log1p(together));
    set('sequence:follows-log', Math.log1p(follows.get(item.id) ?? 0));
    set('sequence:next-log', Math.log1p(next.get(item.id) ?? 0));

    const itemPosition = positions.get(item.id);
    if (itemPosition !== undefined && liked.length > 0) {
      let best = -1;
      likedPositions.forEach((likedPosition, index) => {
        const similarity = cosine(vectors.vectors, vectors.dimensions, itemPosition, likedPosition);
        best = Math.max(best, similarity);
        if (index === 0) set('content:cosine-first', similarity);
      });
      set('content:cosine-max', best);
    }

    if (genreNorm > 0 && item.genres.length > 0) {
      let dot = 0;
      for (const genre of item.genres) dot += genreProfile.get(genre) ?? 0;
      set('genre:liked-cosine', dot / (genreNorm * Math.sqrt(item.genres.length)));
      let bestJaccard = 0;
      for (const genres of likedGenreSets) {
        const shared = item.genres.filter((genre) => genres.has(genre)).length;
        bestJaccard = Math.max(bestJaccard, shared / (genres.size + item.genres.length - shared));
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
      if (from !== undefined || to !== undefined) {
        const outside =
          (from !== undefined && item.year < from ? from - item.year : 0) +
          (to !== undefined && item.year > to ? item.year - to : 0);
        set('year:preferred-distance', Math.log1p(outside));
      }
      if (likedYear !== undefined) set('year:liked-distance', Math.abs(item.year - likedYear) / 10);
    }

    if (seen.has(item.id)) set('mention:seen', 1);
    set('context:no-liked-popularity', noLiked * Math.log1p(itemPopularity));
    set(
      'context:no-liked-dense',
      noLiked * (candidate.ranks.dense === undefined ? 0 : 10 / (10 + candidate.ranks.dense)),
    );
    return features;
  });
}
