import type { HnswIndex } from '../src/index-store/index.js';
import { percentile } from '../src/eval/metrics.js';
import { atLeast, collectGarbage, info, now, progress, round, type Figure } from './report.js';
import { FlatScan } from './flat-scan.js';

export interface QualityQueries {
  vectors: number[][];
  /** How many of `vectors` (the first ones) are stored item vectors; the rest are embedded query texts. */
  itemVectors: number;
  texts: number;
}

export interface QualityOptions {
  label: string;
  index: HnswIndex;
  queries: QualityQueries;
  k?: number;
  /** Recall@k wanted on text queries: the sweep picks the smallest efSearch reaching it. */
  recallTarget: number;
  /** Speed-up goal (exact scan time / HNSW time) at the picked efSearch; informational without one. */
  speedupTarget?: number;
  /** efSearch values swept (the index's own value is always included). */
  sweep: number[];
  /** Queries run through both searches before timing (default 50). */
  warmupQueries?: number;
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  mean: number;
}

/** One efSearch value: recall per query kind, and both searches' latency timed query by query. */
export interface SweepPoint {
  efSearch: number;
  recallAt10: number;
  recallTexts: number;
  recallItemVectors: number;
  /** Counts an HNSW hit as right when its similarity ties the k-th exact one (duplicate vectors). */
  tieAwareRecallTexts: number;
  hnswMs: LatencyFigures;
  exactMs: LatencyFigures;
  /** Mean exact scan time / mean HNSW time, over the same queries, timed back to back. */
  speedup: number;
  /** p50 exact / p50 HNSW. */
  speedupP50: number;
}

export interface QualityReport {
  items: number;
  dimensions: number;
  queries: { total: number; itemVectors: number; embeddedTexts: number };
  k: number;
  hnsw: { m: number; efConstruction: number; efSearch: number };
  baseline: string;
  timing: string;
  /** The smallest swept efSearch whose text-query recall@k reaches the target, or null. */
  picked: SweepPoint | null;
  /** At the picked efSearch (else the index's own): text-query recall@k against its target. */
  recallTextsAt10: Figure;
  speedup: Figure;
  hnswP95Ms: Figure;
  /** At the efSearch the index was built with (recorded in its manifest). */
  atIndexEfSearch: SweepPoint;
  sweep: SweepPoint[];
}

function latency(values: Float64Array): LatencyFigures {
  const list = Array.from(values);
  let total = 0;
  for (const value of list) total += value;
  return {
    p50: round(percentile(list, 50), 4),
    p95: round(percentile(list, 95), 4),
    mean: round(total / Math.max(1, list.length), 4),
  };
}

/** Recall@k of HNSW hits against the exact top k of each query, plain and tie-aware. */
function recall(
  hits: Int32Array,
  hitScores: Float32Array,
  truth: Int32Array,
  truthScores: Float32Array,
  k: number,
  from: number,
  to: number,
): { strict: number; tieAware: number } {
  let strict = 0;
  let tieAware = 0;
  for (let query = from; query < to; query++) {
    const base = query * k;
    const expected = new Set<number>();
    let last = -Infinity;
    for (let slot = 0; slot < k; slot++)
      if (truth[base + slot]! >= 0) {
        expected.add(truth[base + slot]!);
        last = truthScores[base + slot]!;
      }
    const denominator = Math.max(1, expected.size);
    let found = 0;
    let tied = 0;
    for (let slot = 0; slot < k; slot++) {
      const position = hits[base + slot]!;
      if (position < 0) continue;
      if (expected.has(position)) found++;
      if (expected.has(position) || hitScores[base + slot]! >= last - 1e-5) tied++;
    }
    strict += found / denominator;
    tieAware += Math.min(denominator, tied) / denominator;
  }
  const count = Math.max(1, to - from);
  return { strict: strict / count, tieAware: tieAware / count };
}

/**
 * HNSW against a fair exact baseline: a typed-array top-k scan that allocates nothing per query.
 * For every efSearch of the sweep, each query runs through both searches back to back (the order
 * alternating), so both see the same machine load; recall@k is reported separately for embedded
 * query texts and stored item vectors (an item vector finds itself, which flatters recall).
 */
export async function measureHnswQuality(options: QualityOptions): Promise<QualityReport> {
  const { index, queries, label } = options;
  const k = options.k ?? 10;
  const count = queries.vectors.length;
  const split = queries.itemVectors;
  const scan = new FlatScan(index.vectors, index.dimensions, k);
  // Query vectors as one typed matrix for the scan, prepared before any timing.
  const matrix = new Float32Array(count * index.dimensions);
  queries.vectors.forEach((vector, query) => matrix.set(vector, query * index.dimensions));
  const queryAt = (query: number) =>
    matrix.subarray(query * index.dimensions, (query + 1) * index.dimensions);
  const truth = new Int32Array(count * k).fill(-1);
  const truthScores = new Float32Array(count * k);
  for (let query = 0; query < count; query++) scan.search(queryAt(query), truth, truthScores, query * k);

  const builtEfSearch = index.parameters.efSearch;
  const values = [...new Set([builtEfSearch, ...options.sweep])].sort((left, right) => left - right);
  const warmup = Math.min(options.warmupQueries ?? 50, count);
  progress(
    `${label}: ANN vs exact top-k scan on ${count} queries (${queries.texts} texts, ${split} item vectors) over ${index.size} vectors; efSearch ${values.join(', ')}`,
  );
  const hits = new Int32Array(count * k);
  const hitScores = new Float32Array(count * k);
  const scratchPositions = new Int32Array(k);
  const scratchScores = new Float32Array(k);
  const points: SweepPoint[] = [];
  try {
    for (const efSearch of values) {
      index.setEfSearch(efSearch);
      for (let query = 0; query < warmup; query++) {
        index.search(queries.vectors[query]!, k);
        scan.search(queryAt(query), scratchPositions, scratchScores, 0);
      }
      collectGarbage();
      const hnswTimes = new Float64Array(count);
      const exactTimes = new Float64Array(count);
      hits.fill(-1);
      for (let query = 0; query < count; query++) {
        const vector = queries.vectors[query]!;
        const exactFirst = query % 2 === 0;
        if (exactFirst) {
          const started = now();
          scan.search(queryAt(query), scratchPositions, scratchScores, 0);
          exactTimes[query] = now() - started;
        }
        const started = now();
        const found = index.search(vector, k);
        hnswTimes[query] = now() - started;
        if (!exactFirst) {
          const scanStarted = now();
          scan.search(queryAt(query), scratchPositions, scratchScores, 0);
          exactTimes[query] = now() - scanStarted;
        }
        found.forEach((hit, slot) => {
          hits[query * k + slot] = hit.position;
          hitScores[query * k + slot] = hit.similarity;
        });
      }
      const all = recall(hits, hitScores, truth, truthScores, k, 0, count);
      const items = recall(hits, hitScores, truth, truthScores, k, 0, split);
      const texts = recall(hits, hitScores, truth, truthScores, k, split, count);
      const hnswMs = latency(hnswTimes);
      const exactMs = latency(exactTimes);
      const point: SweepPoint = {
        efSearch,
        recallAt10: round(all.strict, 4),
        recallTexts: round(texts.strict, 4),
        recallItemVectors: round(items.strict, 4),
        tieAwareRecallTexts: round(texts.tieAware, 4),
        hnswMs,
        exactMs,
        speedup: round(exactMs.mean / Math.max(hnswMs.mean, 1e-9), 1),
        speedupP50: round(exactMs.p50 / Math.max(hnswMs.p50, 1e-9), 1),
      };
      progress(
        `${label}: efSearch ${efSearch}: recall@${k} texts ${point.recallTexts}, items ${point.recallItemVectors}; HNSW p50 ${hnswMs.p50} / p95 ${hnswMs.p95} ms, scan p50 ${exactMs.p50} ms → ${point.speedup}×`,
      );
      points.push(point);
    }
  } finally {
    index.setEfSearch(builtEfSearch);
  }
  const atIndex = points.find((point) => point.efSearch === builtEfSearch)!;
  const picked = points.find((point) => point.recallTexts >= options.recallTarget) ?? null;
  const reported = picked ?? atIndex;
  return {
    items: index.size,
    dimensions: index.dimensions,
    queries: { total: count, itemVectors: split, embeddedTexts: queries.texts },
    k,
    hnsw: { m: index.parameters.m, efConstruction: index.parameters.efConstruction, efSearch: builtEfSearch },
    baseline:
      'exact: a typed-array scan of every vector keeping the top k in preallocated arrays (no allocation per query); it also gives the ground truth',
    timing: `per query, exact scan and HNSW back to back (order alternating), after ${warmup} warm-up queries and a GC at each efSearch; one process, one thread`,
    picked,
    recallTextsAt10: atLeast(reported.recallTexts, options.recallTarget, 'recall'),
    speedup:
      options.speedupTarget === undefined
        ? info(reported.speedup, 'x')
        : atLeast(reported.speedup, options.speedupTarget, 'x'),
    hnswP95Ms: info(reported.hnswMs.p95),
    atIndexEfSearch: atIndex,
    sweep: points,
  };
}
