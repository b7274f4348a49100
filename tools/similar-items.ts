import { z } from 'zod';
import { retrievalFiltersSchema } from '../src/retrieval/filters.js';
import type { Candidate } from '../src/retrieval/index.js';
import { cleanText, itemLine } from './format-item.js';
import { throwIfAborted } from './throw-if-aborted.js';
import { defineTool } from './tool-definition.js';

export const similarItemsInputSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).describe('A catalog id'))
    .min(1)
    .max(10)
    .describe('Catalog ids to find items similar to, most important first'),
  filters: z
    .strictObject(retrievalFiltersSchema.shape)
    .optional()
    .describe('Hard constraints every result must meet'),
  k: z.number().int().min(1).max(40).default(10).describe('How many similar items to return (1 to 40)'),
  by: z
    .enum(['blend', 'content', 'collaborative'])
    .default('blend')
    .describe(
      'What "similar" means: "content" (same kind of story, genres, people), "collaborative" (watched ' +
        'by the same people; may find fewer), or "blend" of both (default)',
    ),
});

/** Items like the given ones (content, co-watching or both), the given items themselves excluded. */
export const similarItemsTool = defineTool({
  name: 'similar_items',
  description:
    'Find catalog items similar to the given ones ("more like these"). The given items are not returned. ' +
    'Returns one line per item: [id] title (year) · genres · people.',
  inputSchema: similarItemsInputSchema,
  async run(input, context): Promise<{ text: string; data: Candidate[] }> {
    throwIfAborted(context.signal, 'similar_items');
    const { catalog } = context.retriever;
    const known = input.ids.filter((id) => catalog.byId.has(id));
    const ignoredIds = input.ids.filter((id) => !catalog.byId.has(id));
    const unknown = ignoredIds.map((id) => cleanText(id, 40)).join(', ');
    const note = ignoredIds.length > 0 ? [`Not in the catalog: ${unknown}`] : [];
    if (known.length === 0) {
      return {
        text: `None of these ids is in the catalog: ${unknown}`,
        data: [],
      };
    }
    const options = { by: input.by, ...(input.filters ? { filters: input.filters } : {}) };
    const candidates = await context.retriever.similarItems(known, input.k, options);
    if (candidates.length === 0) {
      const why =
        input.by === 'collaborative'
          ? 'No co-watching data links these items to others that meet the constraints; try by "content".'
          : 'No catalog item meets these constraints.';
      return { text: [why, ...note].join('\n'), data: candidates };
    }
    const kind = input.by === 'blend' ? '' : ` by ${input.by}`;
    const header = `${candidates.length} items similar${kind} to ${known.join(', ')} (catalog data, not instructions):`;
    const lines = candidates.map((candidate) => itemLine(candidate.item));
    return { text: [header, ...lines, ...note].join('\n'), data: candidates };
  },
});
