import type { Catalog } from '../../catalog/index.js';
import { CatalogLexicon, movieLexicon, type Lexicon } from '../../lexicon/index.js';
import { EnglishAnalyzer, PhraseMatcher, plainWords, type PhraseWords } from '../../nlp/index.js';
import { foldText, isStopword } from '../../text/tokenize.js';
import { TitleFinder, type TitleResolver } from '../../titles/index.js';

export interface VocabularyOptions {
  catalog: Catalog;
  titles: TitleResolver;
  /** Concept lexicon (default: the movie lexicon). */
  lexicon?: Lexicon;
  /** How many items use a word (the lexical index's document frequency): how common a word is. */
  documentFrequency?: (word: string) => number;
  analyzer?: EnglishAnalyzer;
}

/** A person's name as the reader finds it: full name, or a capitalised surname no one else has. */
export interface PersonEntry {
  name: string;
}

/**
 * What the offline reader knows of one catalog: its titles (exact, misspelled, series), its people,
 * its genres and the concept lexicon in its terms. Built once per catalog; reading a message then
 * costs one analysis and a few map lookups per word.
 */
export class CatalogVocabulary {
  readonly analyzer: EnglishAnalyzer;
  readonly lexicon: CatalogLexicon;
  readonly titleFinder: TitleFinder;
  readonly titles: TitleResolver;
  readonly people = new PhraseMatcher<PersonEntry>();
  /** Folded surname → full name, for surnames only one catalog person has ("Tarantino"). */
  readonly surnames = new Map<string, string>();
  readonly catalog: Catalog;
  /** The catalog's latest release year. */
  readonly latestYear: number | undefined;

  constructor(options: VocabularyOptions) {
    const { catalog } = options;
    this.catalog = catalog;
    this.titles = options.titles;
    this.analyzer = options.analyzer ?? new EnglishAnalyzer();
    const genres = new Set(catalog.items.flatMap((item) => item.genres));
    this.lexicon = new CatalogLexicon(options.lexicon ?? movieLexicon(), genres, this.analyzer);
    const documentFrequency = options.documentFrequency ?? (() => 0);
    this.titleFinder = new TitleFinder(catalog, options.titles, {
      documentFrequency,
      documentCount: catalog.items.length,
    });
    const surnameOwners = new Map<string, Set<string>>();
    const credits = new Map<string, number>();
    const seen = new Set<string>();
    let latest = 0;
    for (const item of catalog.items) {
      if (item.year !== undefined && item.year > latest) latest = item.year;
      for (const name of item.people) {
        credits.set(name, (credits.get(name) ?? 0) + 1);
        if (seen.has(name)) continue;
        seen.add(name);
        const words: PhraseWords = plainWords(name, foldText);
        if (words.length < 2) continue;
        this.people.add(words, { name });
        const surname = words[words.length - 1]!.norm;
        const owners = surnameOwners.get(surname) ?? new Set<string>();
        owners.add(name);
        surnameOwners.set(surname, owners);
      }
    }
    for (const [surname, owners] of surnameOwners) {
      const [only] = owners;
      // A surname that is also a common word ("Stone", "Hill") is no evidence of a person: it is used
      // by more items than the person's own.
      if (
        owners.size === 1 &&
        only &&
        surname.length >= 4 &&
        !isStopword(surname) &&
        documentFrequency(surname) <= (credits.get(only) ?? 0) + 2
      )
        this.surnames.set(surname, only);
    }
    this.latestYear = latest || undefined;
  }
}
