import { z } from 'zod';
import type { ResolvedTitle } from '../src/titles/index.js';
import { cleanText, itemLine } from './format-item.js';
import { throwIfAborted } from './throw-if-aborted.js';
import { defineTool } from './tool-definition.js';

export const resolveTitlesInputSchema = z.strictObject({
  titles: z
    .array(z.string().trim().min(1).max(200).describe('A title as the user wrote it, optionally with a year'))
    .min(1)
    .max(20)
    .describe('Titles to look up in the catalog, e.g. ["heat 1995", "the godfather"]'),
});

/** One looked-up title: its catalog matches, best first (empty when it is not in the catalog). */
export interface TitleResolution {
  title: string;
  matches: ResolvedTitle[];
}

/** Alternatives worth naming: other items matching the title about as well as the best one. */
function alternatives(matches: readonly ResolvedTitle[]): ResolvedTitle[] {
  const best = matches[0];
  if (!best) return [];
  return matches.slice(1).filter((match) => match.confidence >= Math.max(0.8, best.confidence - 0.1));
}

function describe(resolution: TitleResolution): string {
  const asked = JSON.stringify(cleanText(resolution.title, 100));
  const [best] = resolution.matches;
  if (!best) return `${asked} → not in the catalog`;
  const how = best.matchedBy === 'exact' ? 'exact' : `fuzzy match, confidence ${best.confidence}`;
  const others = alternatives(resolution.matches).map((match) => itemLine(match.item));
  const also = others.length > 0 ? ` (or: ${others.join(' | ')})` : '';
  return `${asked} → ${itemLine(best.item)} (${how})${also}`;
}

/** Maps titles as users type them to catalog items, or says plainly that a title is not in the catalog. */
export const resolveTitlesTool = defineTool({
  name: 'resolve_titles',
  description:
    'Look up titles the user mentioned and get their catalog ids. Each title gets its best catalog match, ' +
    'or "not in the catalog". Use the ids with search_catalog, similar_items or record_feedback.',
  inputSchema: resolveTitlesInputSchema,
  async run(input, context): Promise<{ text: string; data: TitleResolution[] }> {
    throwIfAborted(context.signal, 'resolve_titles');
    const { titles } = context.retriever.components;
    const data = input.titles.map((title) => ({ title, matches: titles.resolve(title, 3) }));
    return { text: data.map(describe).join('\n'), data };
  },
});
