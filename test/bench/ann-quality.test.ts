import { describe, expect, it } from 'vitest';
import { FlatScan } from '../../bench/flat-scan.js';
import { measureHnswQuality } from '../../bench/hnsw-quality.js';
import { seededRandom } from '../../src/embeddings/offline/seeded-random.js';
import { HnswIndex } from '../../src/index-store/index.js';

const dimensions = 16;

function unitVectors(count: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const vector = Array.from({ length: dimensions }, () => random() - 0.5);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

describe('the exact top-k scan', () => {
  it('finds the same top k as sorting every score, best first', () => {
    const vectors = unitVectors(500, 1);
    const flat = new Float32Array(vectors.flat());
    const scan = new FlatScan(flat, dimensions, 10);
    const positions = new Int32Array(20);
    const scores = new Float32Array(20);
    for (const query of unitVectors(5, 2)) {
      scan.search(Float32Array.from(query), positions, scores, 10);
      const ranked = vectors
        .map((vector, position) => ({
          position,
          score: vector.reduce((sum, value, index) => sum + Math.fround(value) * query[index]!, 0),
        }))
        .sort((left, right) => right.score - left.score)
        .slice(0, 10)
        .map((entry) => entry.position);
      expect(Array.from(positions.subarray(10))).toEqual(ranked);
    }
  });

  it('leaves -1 where the catalog has fewer than k items', () => {
    const scan = new FlatScan(new Float32Array(unitVectors(3, 3).flat()), dimensions, 5);
    const positions = new Int32Array(5);
    scan.search(Float32Array.from(unitVectors(1, 4)[0]!), positions, new Float32Array(5), 0);
    expect(Array.from(positions).filter((position) => position === -1)).toHaveLength(2);
  });
});

describe('the ANN quality bench', () => {
  it('reports recall per query kind for every efSearch and picks the smallest reaching the target', async () => {
    const vectors = unitVectors(2000, 5);
    const index = HnswIndex.build(vectors, dimensions, { m: 8, efConstruction: 50, efSearch: 40, seed: 1 });
    const texts = unitVectors(60, 6);
    const report = await measureHnswQuality({
      label: 'test',
      index,
      queries: { vectors: [...vectors.slice(0, 40), ...texts], itemVectors: 40, texts: texts.length },
      recallTarget: 0.95,
      sweep: [10, 200],
      warmupQueries: 5,
    });
    expect(report.sweep.map((point) => point.efSearch)).toEqual([10, 40, 200]);
    expect(report.sweep[2]!.recallTexts).toBeGreaterThanOrEqual(0.95);
    expect(report.picked?.efSearch).toBe(report.sweep.find((point) => point.recallTexts >= 0.95)?.efSearch);
    for (const point of report.sweep) {
      expect(point.recallItemVectors).toBeGreaterThan(0.9);
      expect(point.hnswMs.p95).toBeGreaterThan(0);
      expect(point.exactMs.p50).toBeGreaterThan(0);
    }
    // The index is left at the efSearch it was built with.
    expect(index.parameters.efSearch).toBe(40);
  });
});
