import type { Catalog, CatalogItem } from '../catalog/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { Candidate } from '../retrieval/index.js';
import { promptText } from '../untrusted/index.js';

/** Candidates as the model sees them: short handles, not catalog ids. */
export interface CandidateCards {
  /** handle ("c1") → candidate. */
  byHandle: Map<string, Candidate>;
  handles: string[];
  /** One line per card. */
  text: string;
}

export interface CardOptions {
  /** Characters of free text kept per card (default 160). */
  textChars?: number;
  /** Genres and people kept per card (default 3 each). */
  listItems?: number;
}

/** The item's main free text (description, plot…), from the catalog mapping's text fields. */
export function itemDescription(item: CatalogItem, catalog: Pick<Catalog, 'mapping'>): string {
  for (const field of catalog.mapping.text) {
    const value = item.fields[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return '';
}

/** One compact card line: `c3 | Heat (1995) | crime, thriller | Michael Mann, Al Pacino | A thief…`. */
export function cardLine(
  handle: string,
  item: CatalogItem,
  catalog: Pick<Catalog, 'mapping'>,
  options: CardOptions = {},
): string {
  const { textChars = 160, listItems = 3 } = options;
  const parts = [handle, promptText(titleWithYear(item), 120)];
  if (item.genres.length > 0) parts.push(promptText(item.genres.slice(0, listItems).join(', '), 80));
  if (item.people.length > 0) parts.push(promptText(item.people.slice(0, listItems).join(', '), 100));
  const description = itemDescription(item, catalog);
  if (description && textChars > 0) parts.push(promptText(description, textChars));
  return parts.join(' | ');
}

/** Cards for the first `limit` candidates (default 40), handles c1…cN in the order given. */
export function buildCards(
  candidates: Candidate[],
  catalog: Pick<Catalog, 'mapping'>,
  limit = 40,
  options: CardOptions = {},
): CandidateCards {
  const byHandle = new Map<string, Candidate>();
  const lines: string[] = [];
  candidates.slice(0, limit).forEach((candidate, index) => {
    const handle = `c${index + 1}`;
    byHandle.set(handle, candidate);
    lines.push(cardLine(handle, candidate.item, catalog, options));
  });
  return { byHandle, handles: [...byHandle.keys()], text: lines.join('\n') };
}
