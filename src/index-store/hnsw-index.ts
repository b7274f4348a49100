import { topK } from '../lexical/top-k.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';

/** HNSW construction and search parameters, recorded in the manifest. */
export interface HnswParameters {
  m: number;
  efConstruction: number;
  efSearch: number;
  seed: number;
}

export const defaultHnswParameters: HnswParameters = { m: 16, efConstruction: 200, efSearch: 128, seed: 100 };

/**
 * Graph and search parameters by catalog size: m 32 / efConstruction 300 past 10k items, efSearch
 * growing with the catalog. `npm run bench:ann` measures recall@10 on embedded text queries apart
 * from stored item vectors: at these defaults texts reach .979 at ReDial size (6.6k, efSearch 128;
 * .99 needs 256) and .982 at 100k (efSearch 384; .99 needs 768).
 */
export function hnswParametersFor(itemCount: number): HnswParameters {
  if (itemCount <= 10_000) return defaultHnswParameters;
  const efSearch = itemCount <= 30_000 ? 192 : itemCount <= 60_000 ? 256 : 384;
  return { m: 32, efConstruction: 300, efSearch, seed: defaultHnswParameters.seed };
}

/** One neighbour: catalog position and cosine similarity. */
export interface VectorHit {
  position: number;
  similarity: number;
}

/**
 * Approximate nearest neighbours over unit vectors (cosine), labelled by catalog position. Keeps the
 * vectors too, for exact scans and item-to-item similarity. hnswlib holds a second copy (4 bytes a
 * dimension an item) that cannot be read cheaply: its getPoint takes ~70–100 µs a vector and returns
 * its own re-normalized floats, and searching the saved graph in JS over this copy instead measured
 * 2.3–7× slower at 100k items, so both copies stay.
 */
export class HnswIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    /** Row-major (count × dimensions), unit length. */
    readonly vectors: Float32Array,
    readonly dimensions: number,
    private settings: HnswParameters,
  ) {}

  /** Construction parameters and the current search width. */
  get parameters(): HnswParameters {
    return this.settings;
  }

  /** Changes the search width (efSearch) of later searches: the recall/latency trade-off. */
  setEfSearch(efSearch: number): void {
    this.settings = { ...this.settings, efSearch };
    this.index.setEf(efSearch);
  }

  get size(): number {
    return this.vectors.length / this.dimensions;
  }

  /**
   * Builds the graph; `onProgress` is called every few hundred points. `vectors` is one array per
   * item, or all of them row-major in one Float64Array (no per-item arrays for a large catalog; the
   * graph gets the same values either way).
   */
  static build(
    vectors: readonly (readonly number[])[] | Float64Array,
    dimensions: number,
    parameters: HnswParameters = defaultHnswParameters,
    onProgress?: (done: number, total: number) => void,
  ): HnswIndex {
    const packed = vectors instanceof Float64Array;
    const count = packed ? vectors.length / dimensions : vectors.length;
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(count, 1), parameters.m, parameters.efConstruction, parameters.seed);
    const flat = new Float32Array(count * dimensions);
    for (let position = 0; position < count; position++) {
      const vector = packed
        ? Array.from(vectors.subarray(position * dimensions, (position + 1) * dimensions))
        : (vectors[position]! as number[]);
      index.addPoint(vector, position);
      flat.set(vector, position * dimensions);
      if (onProgress && (position % 250 === 0 || position === count - 1)) onProgress(position + 1, count);
    }
    index.setEf(parameters.efSearch);
    return new HnswIndex(index, flat, dimensions, parameters);
  }

  /** The `k` nearest positions to `vector` (approximate), optionally limited by `accept`. */
  search(vector: number[], k: number, accept?: (position: number) => boolean): VectorHit[] {
    const count = Math.min(k, this.size);
    if (count === 0) return [];
    if (this.parameters.efSearch < count) this.index.setEf(count);
    try {
      const result = accept
        ? this.index.searchKnn(vector, count, accept)
        : this.index.searchKnn(vector, count);
      return result.neighbors.map((position, rank) => ({
        position,
        similarity: 1 - result.distances[rank]!,
      }));
    } catch {
      // hnswlib throws when a filter leaves fewer than k reachable points: scan exactly instead.
      return this.exactSearch(vector, count, accept);
    } finally {
      if (this.parameters.efSearch < count) this.index.setEf(this.parameters.efSearch);
    }
  }

  /** Exact top-`k` by scanning every vector: the reference for measuring HNSW recall. */
  exactSearch(vector: number[], k: number, accept?: (position: number) => boolean): VectorHit[] {
    const { dimensions, vectors } = this;
    const scores = new Float32Array(this.size);
    let norm = 0;
    for (const value of vector) norm += value * value;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let position = 0; position < scores.length; position++) {
      let dot = 0;
      const base = position * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension++)
        dot += vectors[base + dimension]! * vector[dimension]!;
      scores[position] = dot * scale;
    }
    const order: number[] = [];
    for (let position = 0; position < scores.length; position++)
      if (!accept || accept(position)) order.push(position);
    order.sort((left, right) => scores[right]! - scores[left]!);
    return order.slice(0, k).map((position) => ({ position, similarity: scores[position]! }));
  }

  /**
   * Exact top-`k` among the given positions only: for a filter that few items pass, where a
   * filtered HNSW search walks most of the graph to find `k` accepted points.
   */
  searchAmong(
    vector: number[],
    k: number,
    positions: Uint32Array,
    scratch: { scores: Float32Array; slots: Uint32Array },
  ): VectorHit[] {
    const { scores, slots: identity } = scratch;
    const { dimensions, vectors } = this;
    let norm = 0;
    for (const value of vector) norm += value * value;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let slot = 0; slot < positions.length; slot++) {
      const base = positions[slot]! * dimensions;
      let dot = 0;
      for (let dimension = 0; dimension < dimensions; dimension++)
        dot += vectors[base + dimension]! * vector[dimension]!;
      scores[slot] = dot * scale;
    }
    // `identity` holds 0, 1, 2…: the slots of `positions`, ranked by their scores.
    const slots = topK(identity, positions.length, (slot) => scores[slot]!, k);
    return slots.map((slot) => ({ position: positions[slot]!, similarity: scores[slot]! }));
  }

  /** The stored vector of a catalog position. */
  vectorAt(position: number): number[] {
    return Array.from(this.vectors.subarray(position * this.dimensions, (position + 1) * this.dimensions));
  }

  async save(directory: string): Promise<void> {
    await this.index.writeIndex(join(directory, 'hnsw.bin'));
    await writeFile(
      join(directory, 'vectors.bin'),
      new Uint8Array(this.vectors.buffer, this.vectors.byteOffset, this.vectors.byteLength),
    );
  }

  /**
   * Reads `hnsw.bin` (and `vectors.bin`, unless its contents are given, e.g. already read to check
   * their checksum). The vectors stay a view on those bytes: they are not copied.
   */
  static async load(
    directory: string,
    dimensions: number,
    parameters: HnswParameters,
    vectorBytes?: Uint8Array,
  ): Promise<HnswIndex> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(join(directory, 'hnsw.bin'));
    index.setEf(parameters.efSearch);
    const bytes = vectorBytes ?? (await readFile(join(directory, 'vectors.bin')));
    if (bytes.byteLength !== index.getCurrentCount() * dimensions * 4) {
      throw new Error(
        `vectors.bin holds ${bytes.byteLength} bytes, expected ${index.getCurrentCount() * dimensions * 4}`,
      );
    }
    // A view needs a 4-byte aligned start; a small Buffer from Node's pool may not have one.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const vectors = new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    return new HnswIndex(index, vectors, dimensions, parameters);
  }
}
