import dictionary from 'dictionary-en';
import type { Catalog } from '../../catalog/index.js';
import { CatalogLexicon, movieLexicon, type Lexicon } from '../../lexicon/index.js';
import { EnglishAnalyzer, PhraseMatcher, plainWords } from '../../nlp/index.js';
import { foldText } from '../../text/tokenize.js';
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

/** A person's full name as the reader finds it. */
export interface PersonEntry {
  name: string;
}

/** One word of the catalog's people's names (a surname or a given name) and who has it. */
export interface NameWord {
  /** Everyone with this surname (or given name), most credited first. */
  owners: string[];
  /** Credits of the most credited owner. */
  credits: number;
  /** Credits of the second most credited owner (0 when there is one owner). */
  secondCredits: number;
  /** How many items use the word anywhere: far more than `credits` means a common word of the catalog. */
  documentFrequency: number;
  /** An everyday English word in lower case ("stone", "hanks"), not only a name ("Scorsese"). */
  everyday: boolean;
}

/** The catalog's people by full name, surname and given name, for the people finder. */
export interface PeopleTables {
  fullNames: PhraseMatcher<PersonEntry>;
  surnames: Map<string, NameWord>;
  givenNames: Map<string, NameWord>;
  /** Surname → the people of that name credited together on a film (the Coens, the Marx brothers). */
  families: Map<string, string[]>;
  /** Full name → folded given name. */
  givenNameOf: Map<string, string>;
  /** Surnames by their first letter, for misspelled ones. */
  surnamesByInitial: Map<string, string[]>;
}

/** Name endings that are not the surname: "Robert Downey Jr.". */
const nameSuffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The folded words of a name, without a trailing suffix. */
function nameWords(name: string): string[] {
  const words = plainWords(name, foldText).map((word) => word.norm);
  while (words.length > 1 && nameSuffixes.has(words[words.length - 1]!)) words.pop();
  return words;
}

/**
 * Which of `candidates` the English dictionary lists in lower case, a plural by its singular: Hunspell
 * lists names capitalised ("Scorsese") and everyday words in lower case ("stone").
 */
function everydayWords(candidates: ReadonlySet<string>): Set<string> {
  const text = new TextDecoder().decode(dictionary.dic);
  const stems = new Set<string>();
  for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    const first = text.charCodeAt(start);
    if (first >= 97 && first <= 122) {
      let stop = start;
      while (stop < lineEnd && text[stop] !== '/') stop++;
      const stem = text.slice(start, stop);
      if (candidates.has(stem) || candidates.has(`${stem}s`)) stems.add(stem);
    }
    start = lineEnd + 1;
  }
  return new Set([...candidates].filter((word) => stems.has(word) || stems.has(word.replace(/s$/, ''))));
}

/** Full names, surnames, given names and families of every person the catalog credits. */
export function buildPeopleTables(
  catalog: Catalog,
  documentFrequency: (word: string) => number,
): PeopleTables {
  const credits = new Map<string, number>();
  const families = new Map<string, Set<string>>();
  for (const item of catalog.items) {
    const bySurname = new Map<string, string[]>();
    for (const name of new Set(item.people)) {
      credits.set(name, (credits.get(name) ?? 0) + 1);
      const words = nameWords(name);
      if (words.length < 2) continue;
      const surname = words[words.length - 1]!;
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), name]);
    }
    for (const [surname, names] of bySurname) {
      if (names.length < 2) continue;
      const family = families.get(surname) ?? new Set<string>();
      for (const name of names) family.add(name);
      families.set(surname, family);
    }
  }
  const fullNames = new PhraseMatcher<PersonEntry>();
  const surnameOwners = new Map<string, string[]>();
  const givenOwners = new Map<string, string[]>();
  const givenNameOf = new Map<string, string>();
  const byCredits = [...credits.keys()].sort((left, right) => credits.get(right)! - credits.get(left)!);
  for (const name of byCredits) {
    const words = nameWords(name);
    const surname = words[words.length - 1];
    if (!surname) continue;
    surnameOwners.set(surname, [...(surnameOwners.get(surname) ?? []), name]);
    if (words.length < 2) continue;
    fullNames.add(plainWords(name, foldText), { name });
    givenNameOf.set(name, words[0]!);
    givenOwners.set(words[0]!, [...(givenOwners.get(words[0]!) ?? []), name]);
  }
  const surnamesByInitial = new Map<string, string[]>();
  for (const surname of surnameOwners.keys())
    surnamesByInitial.set(surname[0]!, [...(surnamesByInitial.get(surname[0]!) ?? []), surname]);
  const everyday = everydayWords(new Set([...surnameOwners.keys(), ...givenOwners.keys()]));
  const table = (owners: Map<string, string[]>) =>
    new Map(
      [...owners].map(([word, names]): [string, NameWord] => [
        word,
        {
          owners: names,
          credits: credits.get(names[0]!) ?? 0,
          secondCredits: names[1] === undefined ? 0 : (credits.get(names[1]) ?? 0),
          documentFrequency: documentFrequency(word),
          everyday: everyday.has(word),
        },
      ]),
    );
  return {
    fullNames,
    surnames: table(surnameOwners),
    givenNames: table(givenOwners),
    families: new Map([...families].map(([surname, names]) => [surname, [...names].sort()])),
    givenNameOf,
    surnamesByInitial,
  };
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
  readonly people: PeopleTables;
  readonly catalog: Catalog;
  /** The catalog's latest release year. */
  readonly latestYear: number | undefined;
  /** How many items use a word (0 when no index was given). */
  readonly documentFrequency: (word: string) => number;

  constructor(options: VocabularyOptions) {
    const { catalog } = options;
    this.catalog = catalog;
    this.titles = options.titles;
    this.analyzer = options.analyzer ?? new EnglishAnalyzer();
    const genres = new Set(catalog.items.flatMap((item) => item.genres));
    this.lexicon = new CatalogLexicon(options.lexicon ?? movieLexicon(), genres, this.analyzer);
    const documentFrequency = options.documentFrequency ?? (() => 0);
    this.documentFrequency = documentFrequency;
    this.titleFinder = new TitleFinder(catalog, options.titles, {
      documentFrequency,
      documentCount: catalog.items.length,
    });
    this.people = buildPeopleTables(catalog, documentFrequency);
    const latest = catalog.items.reduce((year, item) => Math.max(year, item.year ?? 0), 0);
    this.latestYear = latest || undefined;
  }
}
