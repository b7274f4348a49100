import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/embeddings/offline/seeded-random.js';
import { HnswIndex } from '../../src/index-store/index.js';

const dimensions = 12;

function unitVectors(count: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const vector = Array.from({ length: dimensions }, () => random() - 0.5);
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    return vector.map((value) => value / norm);
  });
}

describe('HnswIndex.build', () => {
  it('builds the same graph from one packed Float64Array as from an array per item', () => {
    const vectors = unitVectors(400, 1);
    const parameters = { m: 8, efConstruction: 40, efSearch: 20, seed: 3 };
    const fromArrays = HnswIndex.build(vectors, dimensions, parameters);
    const fromPacked = HnswIndex.build(new Float64Array(vectors.flat()), dimensions, parameters);
    expect(fromPacked.size).toBe(400);
    expect(fromPacked.vectors).toEqual(fromArrays.vectors);
    for (const query of unitVectors(20, 2))
      expect(fromPacked.search(query, 10)).toEqual(fromArrays.search(query, 10));
  });
});
