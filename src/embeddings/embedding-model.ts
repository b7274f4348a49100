/** Turns texts into vectors. Implementations: the offline LSA embedder and OpenAI-compatible endpoints. */
export interface EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  readonly dimensions: number;
  /** Most texts one `embed` call sends at once; callers may pass more and the model batches. */
  readonly maxBatchSize: number;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

/** Scales a vector to unit length in place (zero vectors stay zero) and returns it. */
export function normalizeVector(vector: number[]): number[] {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] = vector[index]! / norm;
  return vector;
}
