import type { ConvrecConfig } from '../../config/load-config.js';
import { readDialogue } from '../../dialogue/read-dialogue.js';
import type { RetrievalFilters } from '../../retrieval/index.js';
import { describeSources, formatCard } from '../describe-candidate.js';
import { openFromOptions } from '../open-from-options.js';
import { displayJson, displayText } from '../../untrusted/index.js';

/** Catalog or user text on one printed line. */
const line = (text: string) => displayText(text, { singleLine: true });

/** Options of `convrec search`. */
export interface SearchOptions {
  catalog?: string;
  indexDir?: string;
  log?: string;
  k: string;
  yearFrom?: string;
  yearTo?: string;
  genre?: string[];
  excludeGenre?: string[];
  person?: string[];
  excludePerson?: string[];
  json?: boolean;
}

function toInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`${flag} must be a whole number, got "${value}"`);
  return parsed;
}

/** Retrieves for one request and prints cards (or JSON). */
export async function runSearch(
  words: string[],
  options: SearchOptions,
  config: () => ConvrecConfig,
): Promise<void> {
  const k = toInteger(options.k, '--k') ?? 5;
  const filters: RetrievalFilters = {};
  const yearFrom = toInteger(options.yearFrom, '--year-from');
  const yearTo = toInteger(options.yearTo, '--year-to');
  if (yearFrom !== undefined) filters.yearFrom = yearFrom;
  if (yearTo !== undefined) filters.yearTo = yearTo;
  if (options.genre) filters.genres = options.genre;
  if (options.excludeGenre) filters.excludeGenres = options.excludeGenre;
  if (options.person) filters.people = options.person;
  if (options.excludePerson) filters.excludePeople = options.excludePerson;
  const { retriever } = await openFromOptions({ ...options, quiet: options.json === true }, config());
  const text = words.join(' ');
  const { request, mentions } = readDialogue(retriever, [{ role: 'user', text }]);
  const candidates = await retriever.retrieve({ ...request, filters, excludeSeen: true, k });
  if (options.json) {
    console.log(
      displayJson({
        request: { ...request, filters },
        mentions,
        candidates: candidates.map((candidate) => ({ ...candidate, why: describeSources(candidate) })),
      }),
    );
    return;
  }
  if (mentions.length > 0)
    console.log(
      `Recognised: ${mentions.map((mention) => `${line(mention.title)} (${mention.sentiment})`).join(', ')}`,
    );
  if (candidates.length === 0)
    console.log('Nothing in the catalog fits these constraints; try loosening them.');
  candidates.forEach((candidate, index) => {
    console.log(formatCard(candidate, index));
    console.log(`   ${describeSources(candidate)}`);
  });
}

/** Options of `convrec resolve`. */
export interface ResolveOptions {
  catalog?: string;
  indexDir?: string;
  json?: boolean;
}

/** Resolves a loosely typed title and prints the matches (or JSON). */
export async function runResolve(
  words: string[],
  options: ResolveOptions,
  config: () => ConvrecConfig,
): Promise<void> {
  const { retriever } = await openFromOptions({ ...options, quiet: options.json === true }, config());
  const matches = retriever.components.titles.resolve(words.join(' '), 5);
  if (options.json) {
    console.log(displayJson(matches));
    return;
  }
  if (matches.length === 0) console.log(`No title in the catalog matches "${line(words.join(' '))}".`);
  for (const match of matches) {
    console.log(
      `${line(match.item.id)}\t${line(match.item.title)}${match.item.year && !match.item.title.includes(String(match.item.year)) ? ` [${match.item.year}]` : ''}\t${match.matchedBy} ${match.confidence}`,
    );
  }
}
