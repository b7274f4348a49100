import type { ModelCallLimits } from '../model/model-call-limits.js';

/** A turn's bounds on one `embed` call: retries drawn from the turn's budget, and the turn's deadline. */
export type EmbeddingCallLimits = Pick<ModelCallLimits, 'retryBudget' | 'turnDeadline'>;

/** Turns texts into vectors. Implementations: the offline LSA embedder and OpenAI-compatible endpoints. */
export interface EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  readonly dimensions: number;
  /** Most texts one `embed` call sends at once; callers may pass more and the model batches. */
  readonly maxBatchSize: number;
  /** `limits` bind the call to a turn (implementations that make no requests ignore them). */
  embed(texts: string[], signal?: AbortSignal, limits?: EmbeddingCallLimits): Promise<number[][]>;
}

/** Scales a vector to unit length in place (zero vectors stay zero) and returns it. */
export function normalizeVector(vector: number[]): number[] {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] = vector[index]! / norm;
  return vector;
}
