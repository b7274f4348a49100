import type { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import { describeIssue } from './describe-issue.js';
import movieDefaults from './movies.lexicon.json' with { type: 'json' };
import { lexiconExtensionSchema, lexiconSchema, type Lexicon } from './lexicon-schema.js';

/** Where a lexicon came from, for messages: the file, and the field that holds it in that file. */
export interface LexiconSource {
  file: string;
  /** e.g. "lexicon" for the `lexicon` key of a catalog mapping file. */
  field?: string;
}

function parseError(source: LexiconSource, issues: z.core.$ZodIssue[]): ConvrecError {
  return new ConvrecError(
    'CONFIG_INVALID',
    `${source.file}: ${describeIssue(issues[0], source.field ? [source.field] : [])}`,
  );
}

/** The lexicon for movie catalogs that ships with the package. */
export function movieLexicon(): Lexicon {
  const parsed = lexiconSchema.safeParse(movieDefaults);
  if (!parsed.success) throw parseError({ file: 'built-in movie lexicon' }, parsed.error.issues);
  return parsed.data;
}

/** Validates a lexicon extension; a bad one is a CONFIG_INVALID error naming `source` and the field. */
export function parseLexiconExtension(
  value: unknown,
  source: LexiconSource = { file: 'lexicon' },
): z.infer<typeof lexiconExtensionSchema> {
  const parsed = lexiconExtensionSchema.safeParse(value);
  if (!parsed.success) throw parseError(source, parsed.error.issues);
  return parsed.data;
}

/**
 * A lexicon with a catalog's additions: genre terms are added to the base's (a new genre is added),
 * concepts replace the base's concept with the same id or are added, `removeConcepts` drops some,
 * `audienceAges` replaces the table. A bad extension is a CONFIG_INVALID error naming `source`
 * and the field.
 */
export function extendLexicon(
  base: Lexicon,
  extension: unknown,
  source: LexiconSource = { file: 'lexicon' },
): Lexicon {
  const add = parseLexiconExtension(extension, source);
  const merge = (left: Record<string, string[]>, right: Record<string, string[]> = {}) => {
    const out: Record<string, string[]> = { ...left };
    for (const [genre, terms] of Object.entries(right))
      out[genre] = [...new Set([...(out[genre] ?? []), ...terms])];
    return out;
  };
  const removed = new Set(add.removeConcepts ?? []);
  const replaced = new Map((add.concepts ?? []).map((concept) => [concept.id, concept]));
  const concepts = base.concepts
    .filter((concept) => !removed.has(concept.id))
    .map((concept) => replaced.get(concept.id) ?? concept);
  for (const concept of replaced.values()) if (!concepts.includes(concept)) concepts.push(concept);
  const extended = lexiconSchema.safeParse({
    genres: merge(base.genres, add.genres),
    weakGenreTerms: merge(base.weakGenreTerms, add.weakGenreTerms),
    topicGenres: merge(base.topicGenres, add.topicGenres),
    ignoreTerms: [...new Set([...base.ignoreTerms, ...(add.ignoreTerms ?? [])])],
    audienceAges: add.audienceAges ?? base.audienceAges,
    concepts,
  });
  // Within limits one by one, the sum can still be too large (more than 500 concepts).
  if (!extended.success) throw parseError(source, extended.error.issues);
  return extended.data;
}
