import { z } from 'zod';

export const manifestSchema = z.object({
  format: z.literal('convrec-index-1'),
  createdAt: z.string(),
  buildMs: z.number().nonnegative(),
  embedder: z.object({
    provider: z.string(),
    modelId: z.string(),
    dimensions: z.number().int().positive(),
  }),
  hnsw: z.object({
    space: z.literal('cosine'),
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    efSearch: z.number().int().positive(),
    seed: z.number().int(),
  }),
  catalog: z.object({
    source: z.string(),
    hash: z.string(),
    itemCount: z.number().int().nonnegative(),
    skippedRows: z.number().int().nonnegative(),
  }),
  log: z
    .object({
      source: z.string(),
      hash: z.string(),
      sessions: z.number().int().nonnegative(),
      skippedLines: z.number().int().nonnegative(),
    })
    .optional(),
});

/** The validated description of a persisted index directory. */
export type IndexManifest = z.infer<typeof manifestSchema>;
