import { z } from 'zod';

const words = z.array(z.string().min(1).max(80)).max(500);

/** What a concept asks of the catalog. Genres are the lexicon's genre names; stems match item text. */
export const effectSchema = z
  .object({
    requireGenres: words.default([]).describe('Hard: items must have one of these genres'),
    excludeGenres: words.default([]).describe('Hard: items with any of these genres are dropped'),
    preferGenres: words.default([]).describe('Soft: items with these genres are retrieved and ranked up'),
    avoidGenres: words.default([]).describe('Soft: items with these genres go after the others'),
    preferWords: words.default([]).describe('Soft: item text with these word stems ranks up'),
    avoidWords: words.default([]).describe('Soft: item text with these word stems goes after the others'),
  })
  .strict();

export type Effect = z.infer<typeof effectSchema>;

export const conceptSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens')
      .describe('Stable id, used by the LLM understanding and in dialogue scripts'),
    kind: z
      .enum(['quality', 'audience'])
      .describe('A mood or quality (more / less), or an audience or occasion'),
    description: z.string().min(1).max(200).describe('What it means, for prompts and documentation'),
    together: z
      .boolean()
      .optional()
      .describe(
        'An occasion of watching together (a date night, a night with friends): viewers watching without the user are not it',
      ),
    label: z.string().min(1).max(60).optional().describe('How a reply names it: "picks for young kids"'),
    terms: words.describe('Phrases that name it, matched on lemmas as whole words'),
    weakTerms: words
      .default([])
      .describe('Common words that name it only next to a cue ("not too long", "something lighter")'),
    oppositeTerms: words.default([]).describe('Phrases that name its absence ("short" for long)'),
    weakOppositeTerms: words.default([]),
    effect: effectSchema.describe('What it asks of the catalog when wanted (or present, for an audience)'),
    opposite: effectSchema
      .optional()
      .describe("When unwanted; default: the effect's preferences turned into avoidances"),
  })
  .strict();

export type Concept = z.infer<typeof conceptSchema>;

const genreTable = z.record(z.string(), words);

/** The lexicon's tables, with no defaults: the full lexicon defaults them, an extension may omit them. */
const tables = {
  genres: genreTable.describe('Genre name → phrases that name it'),
  weakGenreTerms: genreTable.describe('Genre name → common words that name it only next to a cue'),
  topicGenres: genreTable.describe(
    'Topic words that lean retrieval towards a genre ("space" → sci-fi) when the request names none',
  ),
  ignoreTerms: words.describe(
    'Phrases that look like terms but name nothing ("live action" is no action film)',
  ),
  audienceAges: z
    .array(
      z
        .object({
          audience: z.string(),
          from: z.number().int().min(0),
          to: z.number().int().min(0),
        })
        .strict(),
    )
    .max(50)
    .describe('Which audience a child of this age ("my 6 year old") means'),
  concepts: z.array(conceptSchema).max(500),
};

/**
 * A concept lexicon: the words that name the catalog's genres, and concepts (qualities such as
 * "scary", audiences such as "young-kids") with what each asks of the catalog. Movie defaults ship
 * with the package; a catalog's mapping file extends or overrides them.
 */
export const lexiconSchema = z
  .object({
    $comment: z.string().optional(),
    genres: tables.genres.default({}),
    weakGenreTerms: tables.weakGenreTerms.default({}),
    topicGenres: tables.topicGenres.default({}),
    ignoreTerms: tables.ignoreTerms.default([]),
    audienceAges: tables.audienceAges.default([]),
    concepts: tables.concepts.default([]),
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconSchema>;

/**
 * A catalog's additions to a lexicon: genres' terms are added, a concept with a known id replaces
 * it, `audienceAges` replaces the table, `removeConcepts` drops concepts by id. Every key is optional.
 */
export const lexiconExtensionSchema = z
  .object({
    $comment: z.string().optional(),
    genres: tables.genres.optional(),
    weakGenreTerms: tables.weakGenreTerms.optional(),
    topicGenres: tables.topicGenres.optional(),
    ignoreTerms: tables.ignoreTerms.optional(),
    audienceAges: tables.audienceAges.optional(),
    concepts: tables.concepts.optional(),
    removeConcepts: z
      .array(z.string().min(1).max(80))
      .max(500)
      .optional()
      .describe('Concept ids of the base lexicon to drop'),
  })
  .strict();

export type LexiconExtension = z.input<typeof lexiconExtensionSchema>;
