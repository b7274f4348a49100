import { ConvrecError } from '../errors/index.js';
import movieDefaults from './movies.lexicon.json' with { type: 'json' };
import {
  lexiconExtensionSchema,
  lexiconSchema,
  type Lexicon,
  type LexiconExtension,
} from './lexicon-schema.js';

function parseError(where: string, issues: { path: PropertyKey[]; message: string }[]): ConvrecError {
  const issue = issues[0];
  const field = issue?.path.map(String).join('.') || '(root)';
  return new ConvrecError('CONFIG_INVALID', `${where}: field "${field}" ${issue?.message ?? 'is invalid'}`);
}

/** The lexicon for movie catalogs that ships with the package. */
export function movieLexicon(): Lexicon {
  const parsed = lexiconSchema.safeParse(movieDefaults);
  if (!parsed.success) throw parseError('built-in movie lexicon', parsed.error.issues);
  return parsed.data;
}

/**
 * A lexicon with a catalog's additions: genre terms are added to the defaults' (a new genre is
 * added), concepts replace the default with the same id or are added, `removeConcepts` drops some.
 * `where` names the source in errors (e.g. the mapping file).
 */
export function extendLexicon(base: Lexicon, extension: unknown, where = 'lexicon'): Lexicon {
  const parsed = lexiconExtensionSchema.safeParse(extension);
  if (!parsed.success) throw parseError(where, parsed.error.issues);
  const add: LexiconExtension = parsed.data;
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
  return lexiconSchema.parse({
    genres: merge(base.genres, add.genres),
    weakGenreTerms: merge(base.weakGenreTerms, add.weakGenreTerms),
    topicGenres: merge(base.topicGenres, add.topicGenres),
    ignoreTerms: [...new Set([...base.ignoreTerms, ...(add.ignoreTerms ?? [])])],
    audienceAges: add.audienceAges ?? base.audienceAges,
    concepts,
  });
}
