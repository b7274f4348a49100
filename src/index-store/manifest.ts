import { z } from 'zod';

/** Size and SHA-256 of one index file, recorded when the index is saved and checked when it is opened. */
export const indexFileChecksumSchema = z.object({
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * The layout version: 2 adds the lexical index, title tables and co-occurrence counts as table files
 * (see component-files.ts), so an index opens without rebuilding them.
 */
export const indexFormat = 'convrec-index-2';

export const manifestSchema = z.object({
  format: z.literal(indexFormat),
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
  /**
   * Every other file of the index directory by name. Absent in an index saved before files were
   * checksummed, which `openIndex` treats as stale.
   */
  files: z.record(z.string(), indexFileChecksumSchema).optional(),
  /** SHA-256 of the rest of this manifest, so an edited manifest is noticed too. */
  checksum: z.string().optional(),
});

/** The validated description of a persisted index directory. */
export type IndexManifest = z.infer<typeof manifestSchema>;

/** Size and SHA-256 of one index file. */
export type IndexFileChecksum = z.infer<typeof indexFileChecksumSchema>;
