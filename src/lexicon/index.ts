export { CatalogLexicon, type CatalogEffect, type LexiconEntry } from './catalog-lexicon.js';
export {
  conceptSchema,
  effectSchema,
  lexiconExtensionSchema,
  lexiconSchema,
  type Concept,
  type Effect,
  type Lexicon,
  type LexiconExtension,
} from './lexicon-schema.js';
export { extendLexicon, movieLexicon, parseLexiconExtension, type LexiconSource } from './load-lexicon.js';
export { hasStem, matchesStem } from './word-stems.js';
