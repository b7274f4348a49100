import { z } from 'zod';
import type { CatalogItem } from '../catalog/index.js';
import { retrievalFiltersSchema } from './filters.js';

/** What a caller asks retrieval for: queries, item preferences, soft hints and hard filters. */
export const retrieveRequestSchema = z.object({
  queries: z
    .array(z.string())
    .default([])
    .describe('Free-text retrieval queries; several diverse ones are fused'),
  likedIds: z.array(z.string()).default([]).describe('Items the user likes, most important first'),
  dislikedIds: z
    .array(z.string())
    .default([])
    .describe('Items the user dislikes: excluded, and their neighbours pushed down'),
  seenIds: z.array(z.string()).default([]).describe('Items the user has seen'),
  recentIds: z
    .array(z.string())
    .default([])
    .describe('Items already discussed that stay relevant, e.g. earlier suggestions the user did not reject'),
  proposedIds: z
    .array(z.string())
    .default([])
    .describe('Items a language model proposed for the request, best first'),
  preferredYears: z
    .object({ from: z.number().int().optional(), to: z.number().int().optional() })
    .optional()
    .describe('Release years the user asked for (soft; filters are hard)'),
  preferredPeople: z
    .array(z.string())
    .default([])
    .describe('People the user asked for, e.g. an actor or director (soft; filters are hard)'),
  preferredGenres: z
    .array(z.string())
    .default([])
    .describe('Genres the user asked for (soft; filters are hard)'),
  filters: retrievalFiltersSchema.default({}).describe('Hard constraints'),
  excludeSeen: z.boolean().default(false).describe('Drop liked and seen items from the results'),
  k: z.number().int().positive().max(1000).default(40).describe('How many candidates to return'),
});

/** A retrieval request as callers write it (every field optional). */
export type RetrieveRequest = z.input<typeof retrieveRequestSchema>;

/** A retrieved item with its fused score and its rank in each source list. */
export interface Candidate {
  item: CatalogItem;
  score: number;
  ranks: Record<string, number>;
}
