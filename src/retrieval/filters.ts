import { z } from 'zod';
import type { CatalogItem } from '../catalog/index.js';
import { foldText } from '../text/tokenize.js';

/** Hard constraints on retrieved items. All are optional; an empty object accepts everything. */
export const retrievalFiltersSchema = z.object({
  yearFrom: z.number().int().optional().describe('Earliest release year, inclusive'),
  yearTo: z.number().int().optional().describe('Latest release year, inclusive'),
  genres: z.array(z.string()).optional().describe('Keep items with at least one of these genres'),
  excludeGenres: z.array(z.string()).optional().describe('Drop items with any of these genres'),
  people: z.array(z.string()).optional().describe('Keep items naming at least one of these people'),
  excludePeople: z.array(z.string()).optional().describe('Drop items naming any of these people'),
  excludeIds: z.array(z.string()).optional().describe('Item ids never to return'),
});

export type RetrievalFilters = z.infer<typeof retrievalFiltersSchema>;

function folded(values: string[] | undefined): string[] | undefined {
  return values && values.length > 0 ? values.map((value) => foldText(value).trim()) : undefined;
}

/** Folded genres and " name " forms of an item, computed once per item. */
const foldedFields = new WeakMap<CatalogItem, { genres: string[]; people: string[] }>();

function folds(item: CatalogItem): { genres: string[]; people: string[] } {
  let entry = foldedFields.get(item);
  if (!entry) {
    entry = {
      genres: item.genres.map((genre) => foldText(genre)),
      people: item.people.map((person) => ` ${foldText(person)} `),
    };
    foldedFields.set(item, entry);
  }
  return entry;
}

function namesMatch(item: CatalogItem, wanted: string[]): boolean {
  return folds(item).people.some((name) => wanted.some((want) => name.includes(` ${want} `)));
}

/** Compiles filters into a predicate over items. Items without a year fail a year filter. */
export function compileFilters(
  filters: RetrievalFilters = {},
  extraExcluded: Iterable<string> = [],
): (item: CatalogItem) => boolean {
  const genres = folded(filters.genres);
  const excludeGenres = folded(filters.excludeGenres);
  const people = folded(filters.people);
  const excludePeople = folded(filters.excludePeople);
  const excluded = new Set([...(filters.excludeIds ?? []), ...extraExcluded]);
  const { yearFrom, yearTo } = filters;
  return (item) => {
    if (excluded.has(item.id)) return false;
    if (yearFrom !== undefined && (item.year === undefined || item.year < yearFrom)) return false;
    if (yearTo !== undefined && (item.year === undefined || item.year > yearTo)) return false;
    if (genres && !folds(item).genres.some((genre) => genres.includes(genre))) return false;
    if (excludeGenres && folds(item).genres.some((genre) => excludeGenres.includes(genre))) return false;
    if (people && !namesMatch(item, people)) return false;
    if (excludePeople && namesMatch(item, excludePeople)) return false;
    return true;
  };
}
