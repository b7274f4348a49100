import { z } from 'zod';
import type { LexiconExtension } from '../lexicon/lexicon-schema.js';

const fieldName = z.string().min(1).max(200);
const fieldList = z.array(fieldName).max(100);

/** The mapping's fields with no defaults: a full mapping defaults them, a partial one may omit them. */
export const mappingFields = {
  id: fieldName.describe('Field holding the unique item id, or "$key" for a JSON object keyed by id'),
  title: fieldName.describe('Field holding the display title'),
  year: fieldName.describe('Numeric field holding the release year'),
  genres: fieldName.describe('List field holding genres'),
  people: fieldList.describe('List fields naming people (director, cast, ...)'),
  lists: fieldList.describe('Other list fields'),
  numbers: fieldList.describe('Other numeric fields'),
  text: fieldList.describe('Free-text fields (description, plot)'),
  embed: fieldList.describe(
    'Fields flattened into the item text, in order; default: title, year, genres, people, lists, text',
  ),
  listSeparator: z.string().min(1).max(10).describe('Separator of list values inside one CSV cell'),
  textLimit: z.number().int().positive().describe('Maximum characters kept from each text field'),
};

/**
 * Which source fields mean what. Every field name is a key of the source rows; `$key` as the id
 * field means "the object key" for JSON catalogs keyed by id.
 */
export const catalogMappingSchema = z.object({
  id: mappingFields.id,
  title: mappingFields.title,
  year: mappingFields.year.optional(),
  genres: mappingFields.genres.optional(),
  people: mappingFields.people.default([]),
  lists: mappingFields.lists.default([]),
  numbers: mappingFields.numbers.default([]),
  text: mappingFields.text.default([]),
  embed: mappingFields.embed.optional(),
  listSeparator: mappingFields.listSeparator.default('|'),
  textLimit: mappingFields.textLimit.default(600),
});

export type CatalogMapping = z.infer<typeof catalogMappingSchema>;
export type CatalogMappingInput = z.input<typeof catalogMappingSchema>;

/** Some of a mapping's fields; the rest are inferred from the catalog's field names. */
export type PartialCatalogMapping = {
  [Field in keyof CatalogMappingInput]?: CatalogMappingInput[Field] | undefined;
};

/**
 * A mapping as a caller or a mapping file gives it: any of the fields (the rest are inferred), and
 * the catalog's concept lexicon, which extends the movie defaults (see `extendLexicon`).
 */
export type CatalogMappingOptions = PartialCatalogMapping & {
  lexicon?: LexiconExtension | undefined;
  /** What one item is, for replies: "board game", "book". */
  kind?: string | undefined;
};

const candidates = {
  id: ['id', 'item_id', 'itemId', 'movie_id', 'movieId', 'sku'],
  title: ['title', 'name', 'movie_title'],
  year: ['year', 'release_year', 'releaseYear'],
  genres: ['genres', 'genre', 'categories', 'category'],
  people: [
    'director',
    'directors',
    'cast',
    'stars',
    'actors',
    'writer',
    'writers',
    'author',
    'authors',
    'creator',
  ],
  text: ['description', 'plot', 'overview', 'summary', 'synopsis'],
} as const;

/**
 * Guesses a mapping from the field names seen in the first rows, so common catalogs load with no
 * configuration. Explicit settings in `override` win.
 */
export function inferMapping(
  fieldNames: Iterable<string>,
  keyedObject: boolean,
  override: PartialCatalogMapping = {},
): CatalogMapping {
  const names = new Set(fieldNames);
  const first = (list: readonly string[]) => list.find((name) => names.has(name));
  const guessed = {
    id: first(candidates.id) ?? (keyedObject ? '$key' : 'id'),
    title: first(candidates.title) ?? 'title',
    year: first(candidates.year),
    genres: first(candidates.genres),
    people: candidates.people.filter((name) => names.has(name)),
    text: candidates.text.filter((name) => names.has(name)),
  };
  const merged: Record<string, unknown> = { ...guessed };
  for (const [key, value] of Object.entries(override)) if (value !== undefined) merged[key] = value;
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return catalogMappingSchema.parse(merged);
}

/** The fields flattened into item text, in order. */
export function embedFields(mapping: CatalogMapping): string[] {
  if (mapping.embed) return mapping.embed;
  return [
    mapping.title,
    ...(mapping.year ? [mapping.year] : []),
    ...(mapping.genres ? [mapping.genres] : []),
    ...mapping.people,
    ...mapping.lists,
    ...mapping.text,
  ];
}
