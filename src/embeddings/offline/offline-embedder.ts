import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConvrecError, IndexError } from '../../errors/index.js';
import { normalizeVector, type EmbeddingModel } from '../embedding-model.js';
import { randomizedSvd } from './randomized-svd.js';
import { toCsr } from './sparse-matrix.js';
import { fitVocabulary, vectorize, type TfidfVocabulary } from './tfidf.js';

export interface OfflineEmbedderOptions {
  /** Output dimensions (default 192). */
  dimensions?: number;
  seed?: number;
  maxTerms?: number;
  powerIterations?: number;
}

const stateSchema = z.object({
  format: z.literal('convrec-lsa-1'),
  dimensions: z.number().int().positive(),
  width: z.number().int().positive(),
  seed: z.number().int(),
  terms: z.array(z.string()),
});

/**
 * An embedder that needs no weights and no network: TF-IDF over unigrams and bigrams, projected onto
 * the top singular vectors of the catalog's own term matrix (LSA). Deterministic for a given catalog.
 */
export class OfflineEmbedder implements EmbeddingModel {
  readonly provider = 'offline';
  readonly maxBatchSize = 10_000;
  readonly modelId: string;

  private readonly scratch: Float64Array;

  private constructor(
    private readonly vocabulary: TfidfVocabulary,
    /** Row-major (terms × width): the term side of the factored projection. */
    private readonly basis: Float32Array,
    /** Row-major (width × dimensions). */
    private readonly mixing: Float64Array,
    private readonly width: number,
    readonly dimensions: number,
    private readonly seed: number,
  ) {
    this.scratch = new Float64Array(width);
    this.modelId = `lsa-tfidf-${dimensions}`;
  }

  /** Fits the vocabulary and projection on the given texts (normally every catalog item's text). */
  static fit(texts: string[], options: OfflineEmbedderOptions = {}): OfflineEmbedder {
    const seed = options.seed ?? 42;
    const vocabulary = fitVocabulary(texts, { maxTerms: options.maxTerms ?? 30_000 });
    const matrix = toCsr(
      texts.map((text) => vectorize(text, vocabulary)),
      vocabulary.terms.length,
    );
    const svd = randomizedSvd(matrix, options.dimensions ?? 192, {
      seed,
      powerIterations: options.powerIterations ?? 1,
    });
    return new OfflineEmbedder(
      vocabulary,
      Float32Array.from(svd.basis),
      svd.mixing,
      svd.width,
      svd.rank,
      seed,
    );
  }

  /** Embeds synchronously; the offline model never waits on I/O. */
  embedSync(text: string): number[] {
    const sparse = vectorize(text, this.vocabulary);
    const { width, dimensions, basis, mixing } = this;
    const middle = this.scratch.fill(0);
    for (let position = 0; position < sparse.indices.length; position++) {
      const base = sparse.indices[position]! * width;
      const weight = sparse.values[position]!;
      for (let k = 0; k < width; k++) middle[k]! += weight * basis[base + k]!;
    }
    const out = new Array<number>(dimensions).fill(0);
    for (let k = 0; k < width; k++) {
      const value = middle[k]!;
      if (value === 0) continue;
      const base = k * dimensions;
      for (let dimension = 0; dimension < dimensions; dimension++)
        out[dimension]! += value * mixing[base + dimension]!;
    }
    return normalizeVector(out);
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const out: number[][] = [];
    for (const text of texts) {
      if (signal?.aborted)
        throw new ConvrecError('ABORTED', 'embedding was cancelled', { cause: signal.reason });
      out.push(this.embedSync(text));
    }
    return out;
  }

  /** Writes `embedder.json` and `embedder.bin` into `directory`. */
  async save(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true });
    const state: z.infer<typeof stateSchema> = {
      format: 'convrec-lsa-1',
      dimensions: this.dimensions,
      width: this.width,
      seed: this.seed,
      terms: this.vocabulary.terms,
    };
    const termCount = this.vocabulary.terms.length;
    const binary = new Float32Array(termCount + this.basis.length + this.mixing.length);
    binary.set(this.vocabulary.idf, 0);
    binary.set(this.basis, termCount);
    binary.set(this.mixing, termCount + this.basis.length);
    await writeFile(join(directory, 'embedder.json'), JSON.stringify(state));
    await writeFile(join(directory, 'embedder.bin'), new Uint8Array(binary.buffer));
  }

  /** Reads an embedder written by `save`. */
  static async load(directory: string): Promise<OfflineEmbedder> {
    let json: string;
    let bytes: Uint8Array;
    try {
      json = await readFile(join(directory, 'embedder.json'), 'utf8');
      bytes = await readFile(join(directory, 'embedder.bin'));
    } catch (error) {
      throw new IndexError(
        'INDEX_CORRUPT',
        `cannot read the offline embedder in ${directory}`,
        directory,
        error,
      );
    }
    return OfflineEmbedder.fromFiles(json, bytes, directory);
  }

  /**
   * The embedder from the contents of `embedder.json` and `embedder.bin` (already read, e.g. to
   * check their checksums). The term-side basis stays a view on `bytes`: it is not copied.
   */
  static fromFiles(json: string, bytes: Uint8Array, directory: string): OfflineEmbedder {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json) as unknown;
    } catch (error) {
      throw new IndexError('INDEX_CORRUPT', `embedder.json in ${directory} is not JSON`, directory, error);
    }
    const state = stateSchema.safeParse(parsed);
    if (!state.success) {
      throw new IndexError(
        'INDEX_CORRUPT',
        `embedder.json in ${directory} is invalid: ${state.error.message}`,
        directory,
      );
    }
    const { terms, dimensions, width, seed } = state.data;
    if (bytes.byteLength % 4 !== 0) {
      throw new IndexError('INDEX_CORRUPT', `embedder.bin in ${directory} has the wrong size`, directory);
    }
    // A view needs a 4-byte aligned start; a small Buffer from Node's pool may not have one.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const floats = new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
    const basisEnd = terms.length + terms.length * width;
    if (floats.length !== basisEnd + width * dimensions) {
      throw new IndexError('INDEX_CORRUPT', `embedder.bin in ${directory} has the wrong size`, directory);
    }
    const idf = Float64Array.from(floats.subarray(0, terms.length));
    const vocabulary: TfidfVocabulary = {
      terms,
      idf,
      lookup: new Map(terms.map((term, index) => [term, index])),
    };
    const basis = floats.subarray(terms.length, basisEnd);
    const mixing = Float64Array.from(floats.subarray(basisEnd));
    return new OfflineEmbedder(vocabulary, basis, mixing, width, dimensions, seed);
  }
}
