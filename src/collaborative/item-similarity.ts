import { randomizedSvd } from '../embeddings/offline/randomized-svd.js';
import { toCsr, type SparseVector } from '../embeddings/offline/sparse-matrix.js';
import { bestK } from '../lexical/top-k.js';

/** Options of the learned item vectors. */
export interface ItemSimilarityOptions {
  /** Dimensions kept from the SVD. */
  rank: number;
  /** SPPMI shift: log(shift) is subtracted from PMI (1 keeps every positive PMI). */
  shift: number;
  /** Exponent of the singular values folded into the vectors (0.5 = symmetric split, Levy & Goldberg). */
  singularPower: number;
}

export const defaultItemSimilarityOptions: ItemSimilarityOptions = { rank: 48, shift: 1, singularPower: 0.5 };

/** Unit-length item vectors learned from sessions: items are similar when they share co-mentioned items. */
export interface ItemVectors {
  ids: string[];
  positionOf: Map<string, number>;
  dimensions: number;
  /** Row-major (ids × dimensions), each row of unit length (or zero). */
  vectors: Float32Array;
}

/**
 * Item vectors from sessions: shifted positive PMI of co-mentions (SPPMI), factored by truncated
 * SVD. Two items that are never mentioned together still come out close when they share
 * neighbours, so an item with one or two co-mentions gets a full neighbourhood.
 */
export function buildItemVectors(
  sessions: readonly (readonly string[])[],
  options: ItemSimilarityOptions = defaultItemSimilarityOptions,
): ItemVectors {
  const positionOf = new Map<string, number>();
  const ids: string[] = [];
  const rows: Map<number, number>[] = [];
  for (const session of sessions) {
    const items = [...new Set(session)].map((id) => {
      let position = positionOf.get(id);
      if (position === undefined) {
        position = ids.length;
        positionOf.set(id, position);
        ids.push(id);
        rows.push(new Map());
      }
      return position;
    });
    if (items.length < 2) continue;
    for (const left of items) {
      const row = rows[left]!;
      for (const right of items) if (right !== left) row.set(right, (row.get(right) ?? 0) + 1);
    }
  }
  const marginal = rows.map((row) => [...row.values()].reduce((sum, count) => sum + count, 0));
  const total = marginal.reduce((sum, count) => sum + count, 0);
  const logShift = Math.log(options.shift);
  const sparse: SparseVector[] = rows.map((row, left) => {
    const entries: [number, number][] = [];
    for (const [right, count] of row) {
      const pmi = Math.log((count * total) / (marginal[left]! * marginal[right]!)) - logShift;
      if (pmi > 0) entries.push([right, pmi]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    return {
      indices: Uint32Array.from(entries, ([index]) => index),
      values: Float64Array.from(entries, ([, value]) => value),
    };
  });
  const dimensions = Math.max(1, Math.min(options.rank, ids.length));
  const vectors = new Float32Array(ids.length * dimensions);
  if (ids.length < 2 || total === 0) return { ids, positionOf, dimensions, vectors };
  const svd = randomizedSvd(toCsr(sparse, ids.length), dimensions, { powerIterations: 2, seed: 7 });
  const { basis, mixing, width, singularValues, rank } = svd;
  for (let item = 0; item < ids.length; item++) {
    let norm = 0;
    for (let component = 0; component < rank; component++) {
      let value = 0;
      for (let k = 0; k < width; k++) value += basis[item * width + k]! * mixing[k * rank + component]!;
      value *= singularValues[component]! ** options.singularPower;
      vectors[item * dimensions + component] = value;
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let component = 0; component < rank; component++) vectors[item * dimensions + component]! *= scale;
  }
  return { ids, positionOf, dimensions, vectors };
}

/**
 * Items most similar to the seeds: Σ over seeds of weight · cosine, best first, seeds left out.
 * Seeds the vectors do not know add nothing.
 */
export function similarItems(
  vectors: ItemVectors,
  seeds: readonly { id: string; weight: number }[],
  k: number,
  accept: (id: string) => boolean = () => true,
): [string, number][] {
  const { ids, positionOf, dimensions, vectors: data } = vectors;
  const query = new Float64Array(dimensions);
  const seedIds = new Set(seeds.map((seed) => seed.id));
  let any = false;
  for (const { id, weight } of seeds) {
    const position = positionOf.get(id);
    if (position === undefined) continue;
    any = true;
    for (let component = 0; component < dimensions; component++)
      query[component]! += weight * data[position * dimensions + component]!;
  }
  if (!any) return [];
  const scores = new Float64Array(ids.length);
  for (let item = 0; item < ids.length; item++) {
    let dot = 0;
    for (let component = 0; component < dimensions; component++)
      dot += query[component]! * data[item * dimensions + component]!;
    scores[item] = dot;
  }
  // The k best (score, then id), without sorting every item with a positive score.
  const better = (left: number, right: number) =>
    scores[left]! > scores[right]! || (scores[left] === scores[right] && ids[left]! < ids[right]!);
  const include = (item: number) => scores[item]! > 0 && !seedIds.has(ids[item]!) && accept(ids[item]!);
  return bestK(ids.length, k, better, include).map((item) => [ids[item]!, scores[item]!]);
}
