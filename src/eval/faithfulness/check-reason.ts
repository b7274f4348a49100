import type { CatalogItem } from '../../catalog/index.js';
import { ungroundedTitles } from '../../explain/grounded-prose.js';
import { titleBase } from '../../titles/normalize-title.js';
import {
  claimWords,
  genreKey,
  genresNamed,
  peopleNamed,
  personKey,
  type Claim,
  type ClaimVocabulary,
} from './claim-vocabulary.js';

/** What a reason shown for `item` may rest on: the item itself and the dialogue so far. */
export interface ReasonEvidence {
  item: CatalogItem;
  /** The dialogue's messages, user's and agent's, oldest first. */
  dialogue: readonly string[];
  /** Items the dialogue named (liked, asked about, shown). */
  dialogueItems: readonly CatalogItem[];
  /** Catalog items titled exactly `text` (a title resolver's `exactItems`). */
  catalogTitled?: (text: string) => readonly CatalogItem[] | undefined;
}

const quoted = /"([^"\n]{1,120})"|“([^”\n]{1,120})”/g;
const yearPattern = /\b(1[89]\d{2}|20\d{2})\b/g;
const decadePattern = /(?:\b(1[89]|20)|['’]|\b)(\d)0['’]?s\b/g;

/** Quoted words all of which the dialogue used ("matching "heist"") echo the user; they claim nothing. */
function withoutEchoes(reason: string, dialogueWords: ReadonlySet<string>): string {
  return reason.replace(quoted, (whole, straight?: string, curly?: string) => {
    const words = claimWords(straight ?? curly ?? '');
    return words.length > 0 && words.every((word) => dialogueWords.has(word)) ? ' ' : whole;
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text without the titles of `items` (and a "(1995)" after them): a genre, name or year inside
 * a title the reason may name ("Avengers: Infinity War (2018)") claims nothing about the item.
 */
function withoutTitles(text: string, items: readonly CatalogItem[]): string {
  let rest = text;
  const titles = new Set(
    items.flatMap((item) => [item.title, titleBase(item)]).filter((title) => title.length > 1),
  );
  for (const title of [...titles].sort((left, right) => right.length - left.length)) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escape(title)}(?![\\p{L}\\p{N}])(?:\\s*\\(\\d{4}\\))?`,
      'giu',
    );
    rest = rest.replace(pattern, ' ');
  }
  return rest;
}

/** Decades a text names ("the 90s", "1990s", "’80s"), as their first year. */
function decadesNamed(text: string): [decade: number, written: string][] {
  return [...text.matchAll(decadePattern)].map((match) => {
    const century = match[1] ? Number(match[1]) * 100 : Number(match[2]) >= 3 ? 1900 : 2000;
    return [century + Number(match[2]) * 10, match[0]];
  });
}

function yearsNamed(text: string): number[] {
  return [...text.matchAll(yearPattern)].map((match) => Number(match[1]));
}

/**
 * The claims of an explanation that neither the item nor the dialogue supports: a genre the item
 * does not have, a catalog person it does not credit (and the dialogue does not name), a year or
 * decade that is not the item's (nor one the dialogue or a title it named used), and a title that
 * is neither the item's nor one the dialogue named (see `ungroundedTitles`). Empty when faithful.
 */
export function unsupportedClaims(
  reason: string,
  evidence: ReasonEvidence,
  vocabulary: ClaimVocabulary,
): Claim[] {
  const { item } = evidence;
  const dialogueText = evidence.dialogue.join('\n');
  const dialogueWords = new Set(claimWords(dialogueText));
  const dialogueKey = ` ${claimWords(dialogueText).join(' ')} `;
  const claimed = withoutTitles(withoutEchoes(reason, dialogueWords), [item, ...evidence.dialogueItems]);
  const claims: Claim[] = [];

  const itemGenres = new Set(item.genres.map(genreKey));
  for (const [key, written] of genresNamed(claimed, vocabulary))
    if (!itemGenres.has(key)) claims.push({ kind: 'genre', text: written });

  const itemPeople = new Set(item.people.map(personKey));
  for (const [key, name] of peopleNamed(claimed, vocabulary))
    if (!itemPeople.has(key) && !dialogueKey.includes(` ${key} `))
      claims.push({ kind: 'person', text: name });

  const knownYears = new Set<number>(yearsNamed(dialogueText));
  for (const other of [item, ...evidence.dialogueItems])
    if (other.year !== undefined) knownYears.add(other.year);
  for (const year of yearsNamed(claimed))
    if (!knownYears.has(year)) claims.push({ kind: 'year', text: String(year) });
  const knownDecades = new Set([...knownYears].map((year) => year - (year % 10)));
  for (const [decade] of decadesNamed(dialogueText)) knownDecades.add(decade);
  for (const [decade, written] of decadesNamed(claimed))
    if (!knownDecades.has(decade)) claims.push({ kind: 'year', text: written.trim() });

  const isVocabulary = (span: string) =>
    genresNamed(span, vocabulary).length > 0 || peopleNamed(span, vocabulary).length > 0;
  const titles = ungroundedTitles(reason, {
    allowed: [item, ...evidence.dialogueItems],
    texts: evidence.dialogue,
    ...(evidence.catalogTitled ? { catalogTitled: evidence.catalogTitled } : {}),
  });
  for (const span of titles) if (!isVocabulary(span)) claims.push({ kind: 'title', text: span });
  return claims;
}
