import { z } from 'zod';

/**
 * Which source fields mean what. Every field name is a key of the source rows; `$key` as the id
 * field means "the object key" for JSON catalogs keyed by id.
 */
export const catalogMappingSchema = z.object({
  id: z.string().min(1).describe('Field holding the unique item id, or "$key" for a JSON object keyed by id'),
  title: z.string().min(1).describe('Field holding the display title'),
  year: z.string().optional().describe('Numeric field holding the release year'),
  genres: z.string().optional().describe('List field holding genres'),
  people: z.array(z.string()).default([]).describe('List fields naming people (director, cast, ...)'),
  lists: z.array(z.string()).default([]).describe('Other list fields'),
  numbers: z.array(z.string()).default([]).describe('Other numeric fields'),
  text: z.array(z.string()).default([]).describe('Free-text fields (description, plot)'),
  embed: z
    .array(z.string())
    .optional()
    .describe(
      'Fields flattened into the item text, in order; default: title, year, genres, people, lists, text',
    ),
  listSeparator: z.string().min(1).default('|').describe('Separator of list values inside one CSV cell'),
  textLimit: z
    .number()
    .int()
    .positive()
    .default(600)
    .describe('Maximum characters kept from each text field'),
});

export type CatalogMapping = z.infer<typeof catalogMappingSchema>;
export type CatalogMappingInput = z.input<typeof catalogMappingSchema>;

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
  override: Partial<CatalogMappingInput> = {},
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
