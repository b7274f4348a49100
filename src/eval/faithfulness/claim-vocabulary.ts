import type { Catalog } from '../../catalog/index.js';
import { foldText } from '../../text/tokenize.js';

/** What a claim in an explanation is about. */
export type ClaimKind = 'genre' | 'person' | 'year' | 'title';

/** One checkable claim of an explanation, as written. */
export interface Claim {
  kind: ClaimKind;
  text: string;
}

/** Folded words of a text, possessives and apostrophes dropped ("Pacino's" → "pacino"). */
export function claimWords(text: string): string[] {
  return foldText(text)
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** "thrillers" → "thriller", "comedies" → "comedy": genre names are compared in the singular. */
const singular = (word: string) =>
  word.length > 4 && word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.length > 3 && word.endsWith('s') && !word.endsWith('ss')
      ? word.slice(0, -1)
      : word;

/** Other ways explanations name a genre, keyed by the genre's own (singular) words. */
const genreAliases: Record<string, string[]> = {
  'sci fi': ['science fiction', 'scifi'],
  animation: ['animated', 'cartoon'],
  romance: ['romantic'],
  comedy: ['comedic'],
  documentary: ['docudrama'],
  war: ['wartime'],
};

/** Genres an explanation may claim whatever the catalog: a claim of one the catalog lacks is still checked. */
const commonGenres = [
  'action',
  'adventure',
  'animation',
  'biography',
  'comedy',
  'crime',
  'documentary',
  'drama',
  'family',
  'fantasy',
  'film noir',
  'history',
  'horror',
  'music',
  'musical',
  'mystery',
  'romance',
  'sci-fi',
  'sport',
  'thriller',
  'war',
  'western',
];

/** The genre and people names of a catalog, as word sequences an explanation can be scanned for. */
export interface ClaimVocabulary {
  /** Singular folded genre words (joined by spaces) → the genre's key. */
  genres: Map<string, string>;
  /** Folded names of two or more words (joined by spaces) → the name as the catalog writes it. */
  people: Map<string, string>;
  longestGenre: number;
  longestName: number;
}

/** The key a genre is compared by: its singular folded words. */
export const genreKey = (genre: string): string => claimWords(genre).map(singular).join(' ');

/** The key a name is compared by: its folded words. */
export const personKey = (name: string): string => claimWords(name).join(' ');

/**
 * Builds the vocabulary of a catalog once: every genre (the catalog's and the common film genres)
 * and every name of two words or more.
 */
export function claimVocabulary(catalog: Pick<Catalog, 'items'>): ClaimVocabulary {
  const genres = new Map<string, string>();
  const people = new Map<string, string>();
  for (const genre of commonGenres) genres.set(genreKey(genre), genreKey(genre));
  for (const item of catalog.items) {
    for (const genre of item.genres) {
      const key = genreKey(genre);
      if (key) genres.set(key, key);
    }
    for (const person of item.people) {
      const key = personKey(person);
      if (key.includes(' ')) people.set(key, person);
    }
  }
  for (const [genre, aliases] of Object.entries(genreAliases)) {
    if (!genres.has(genre)) continue;
    // "musical" is a genre of its own where the catalog or the common list has it.
    for (const alias of aliases) if (!genres.has(genreKey(alias))) genres.set(genreKey(alias), genre);
  }
  const longest = (keys: Iterable<string>) => Math.max(1, ...[...keys].map((key) => key.split(' ').length));
  return { genres, people, longestGenre: longest(genres.keys()), longestName: longest(people.keys()) };
}

/** Longest-first matches of `lexicon` entries in `words`, each as [its value, the words matched]. */
function scan(words: string[], lexicon: Map<string, string>, longest: number): [string, string][] {
  const found: [string, string][] = [];
  for (let start = 0; start < words.length;) {
    let matched = 0;
    for (let size = Math.min(longest, words.length - start); size >= 1 && matched === 0; size--) {
      const phrase = words.slice(start, start + size).join(' ');
      const value = lexicon.get(phrase);
      if (value !== undefined) {
        found.push([value, phrase]);
        matched = size;
      }
    }
    start += Math.max(1, matched);
  }
  return found;
}

/** The genres a text names, as genre keys (one entry per mention). */
export function genresNamed(text: string, vocabulary: ClaimVocabulary): [key: string, written: string][] {
  return scan(claimWords(text).map(singular), vocabulary.genres, vocabulary.longestGenre);
}

/** The catalog people a text names, as [folded key, the name as the catalog writes it]. */
export function peopleNamed(text: string, vocabulary: ClaimVocabulary): [key: string, name: string][] {
  return scan(claimWords(text), vocabulary.people, vocabulary.longestName).map(([name, key]) => [key, name]);
}
