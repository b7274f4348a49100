import { messageWords, PhraseMatcher, type EnglishAnalyzer, type PhraseWords } from '../nlp/index.js';
import { foldText } from '../text/tokenize.js';
import type { Concept, Effect, Lexicon } from './lexicon-schema.js';

/** What a lexicon phrase names. */
export type LexiconEntry =
  | { kind: 'ignore' }
  | { kind: 'genre'; genre: string; weak: boolean }
  | { kind: 'concept'; id: string; conceptKind: Concept['kind']; opposite: boolean; weak: boolean };

/** A concept's effect with the catalog's own genre names (genres the catalog lacks are dropped). */
export type CatalogEffect = Effect;

const genreKey = (name: string) => foldText(name).replace(/[^a-z0-9]+/g, '');

/**
 * A lexicon bound to one catalog: its phrases compiled for matching (on lemmas, so "kids",
 * "funnier" and "scarier" find "kid", "funny" and "scary"), its genre names mapped onto the
 * catalog's, and each concept's effect in the catalog's terms.
 */
export class CatalogLexicon {
  /** Adverbs a phrase may have typed inside it: "scares super easily", "makes me really cry". */
  readonly matcher = new PhraseMatcher<LexiconEntry>(
    new Set(['really', 'very', 'super', 'so', 'pretty', 'quite', 'kinda', 'way', 'too']),
  );
  /** Topic words that lean towards a genre ("space" → sci-fi). */
  readonly topics = new PhraseMatcher<string>();
  private readonly analyzer: EnglishAnalyzer;
  private readonly concepts = new Map<
    string,
    { concept: Concept; effect: CatalogEffect; opposite: CatalogEffect }
  >();
  /** Lexicon genre name → the catalog's genre. */
  private readonly genreNames = new Map<string, string>();

  constructor(
    readonly lexicon: Lexicon,
    readonly catalogGenres: ReadonlySet<string>,
    analyzer: EnglishAnalyzer,
  ) {
    this.analyzer = analyzer;
    const phrase = (term: string): PhraseWords =>
      messageWords(analyzer.analyze(term)).map((word) => ({ norm: word.norm, lemma: word.lemma }));
    const byKey = new Map([...catalogGenres].map((genre) => [genreKey(genre), genre]));
    for (const [name, terms] of Object.entries(lexicon.genres)) {
      const genre =
        byKey.get(genreKey(name)) ??
        byKey.get(`${genreKey(name)}s`) ??
        byKey.get(genreKey(name).replace(/s$/, '')) ??
        terms.map((term) => byKey.get(genreKey(term))).find(Boolean);
      if (genre) this.genreNames.set(name, genre);
    }
    // A genre's own name names it, unless the lexicon gives that word to a concept ("family" is an
    // audience in the movie lexicon, not the genre).
    const conceptTerms = new Set(
      lexicon.concepts.flatMap((concept) => concept.terms.map((term) => foldText(term))),
    );
    for (const genre of catalogGenres) {
      if (!this.genreNames.has(genre)) this.genreNames.set(genre, genre);
      const spoken = genre.replace(/[-_]/g, ' ');
      for (const term of new Set([spoken, `${spoken}s`])) {
        if (!conceptTerms.has(foldText(term)))
          this.matcher.add(phrase(term), { kind: 'genre', genre, weak: false });
      }
    }
    const addGenreTerms = (table: Record<string, string[]>, weak: boolean) => {
      for (const [name, terms] of Object.entries(table)) {
        const genre = this.genreNames.get(name);
        if (!genre) continue;
        for (const term of terms) this.matcher.add(phrase(term), { kind: 'genre', genre, weak });
      }
    };
    for (const term of lexicon.ignoreTerms) this.matcher.add(phrase(term), { kind: 'ignore' });
    addGenreTerms(lexicon.genres, false);
    addGenreTerms(lexicon.weakGenreTerms, true);
    for (const [name, terms] of Object.entries(lexicon.topicGenres)) {
      const genre = this.genreNames.get(name);
      if (genre) for (const term of terms) this.topics.add(phrase(term), genre);
    }
    for (const concept of lexicon.concepts) {
      const effect = this.bind(concept.effect);
      const opposite = this.bind(
        concept.opposite ?? {
          requireGenres: [],
          excludeGenres: [],
          preferGenres: [],
          avoidGenres: concept.effect.preferGenres,
          preferWords: [],
          avoidWords: concept.effect.preferWords,
        },
      );
      this.concepts.set(concept.id, { concept, effect, opposite });
      const entry = (opposite: boolean, weak: boolean): LexiconEntry => ({
        kind: 'concept',
        id: concept.id,
        conceptKind: concept.kind,
        opposite,
        weak,
      });
      for (const term of concept.terms) this.matcher.add(phrase(term), entry(false, false));
      for (const term of concept.weakTerms) this.matcher.add(phrase(term), entry(false, true));
      for (const term of concept.oppositeTerms) this.matcher.add(phrase(term), entry(true, false));
      for (const term of concept.weakOppositeTerms) this.matcher.add(phrase(term), entry(true, true));
    }
  }

  private bind(effect: Effect): CatalogEffect {
    const genres = (names: string[]) => [
      ...new Set(names.flatMap((name) => this.genreNames.get(name) ?? [])),
    ];
    return {
      requireGenres: genres(effect.requireGenres),
      excludeGenres: genres(effect.excludeGenres),
      preferGenres: genres(effect.preferGenres),
      avoidGenres: genres(effect.avoidGenres),
      preferWords: effect.preferWords.map((word) => foldText(word)),
      avoidWords: effect.avoidWords.map((word) => foldText(word)),
    };
  }

  /** Genres a text's topic words lean towards: "a heist in space" → crime, sci-fi. */
  topicGenres(text: string): string[] {
    const words = messageWords(this.analyzer.analyze(text));
    return [...new Set(this.topics.match(words).flatMap((match) => match.values))];
  }

  /** Every concept, in lexicon order. */
  conceptList(): Concept[] {
    return [...this.concepts.values()].map((entry) => entry.concept);
  }

  has(id: string): boolean {
    return this.concepts.has(id);
  }

  /** Whether an audience is an occasion of watching together ("date night"), not who the films must suit. */
  isOccasion(id: string): boolean {
    return this.concepts.get(id)?.concept.together === true;
  }

  kindOf(id: string): Concept['kind'] | undefined {
    return this.concepts.get(id)?.concept.kind;
  }

  /** What a concept asks of the catalog when wanted (or present), or when unwanted. */
  effect(id: string, polarity: 'more' | 'less' = 'more'): CatalogEffect | undefined {
    const entry = this.concepts.get(id);
    if (!entry) return undefined;
    return polarity === 'more' ? entry.effect : entry.opposite;
  }

  /** How a reply names a concept ("young kids"); its id when the lexicon gives no label. */
  label(id: string): string {
    return this.concepts.get(id)?.concept.label ?? id.replace(/-/g, ' ');
  }

  /** The audience a child of this age means ("my 6 year old" → young-kids). */
  audienceForAge(age: number): string | undefined {
    return this.lexicon.audienceAges.find(
      (range) => age >= range.from && age <= range.to && this.has(range.audience),
    )?.audience;
  }

  /** The catalog's genre for a genre name said by a user or a model ("Sci-Fi", "comedies"). */
  catalogGenre(name: string): string | undefined {
    const key = genreKey(name);
    for (const genre of this.catalogGenres) {
      const own = genreKey(genre);
      if (own === key || `${own}s` === key || own === `${key}s`) return genre;
    }
    const lexiconName = [...this.genreNames.keys()].find((entry) => genreKey(entry) === key);
    return lexiconName ? this.genreNames.get(lexiconName) : undefined;
  }
}
