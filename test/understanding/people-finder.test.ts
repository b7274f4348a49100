import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog/index.js';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { LexicalIndex } from '../../src/lexical/lexical-index.js';
import { messageWords } from '../../src/nlp/index.js';
import { TitleResolver } from '../../src/titles/index.js';
import { CatalogVocabulary } from '../../src/understanding/offline/catalog-vocabulary.js';
import { findMentions } from '../../src/understanding/offline/mentions.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

function vocabularyOf(catalog: Catalog): CatalogVocabulary {
  const lexical = LexicalIndex.build(catalog);
  return new CatalogVocabulary({
    catalog,
    titles: new TitleResolver(catalog),
    documentFrequency: (word) => lexical.documentFrequency(word),
  });
}

/** The people the reader finds in a message, and the words each was read from. */
function peopleIn(vocabulary: CatalogVocabulary, text: string): { name: string; words: string }[] {
  const analysis = vocabulary.analyzer.analyze(text);
  const words = messageWords(analysis);
  return findMentions(analysis, words, vocabulary).flatMap((mention) =>
    mention.kind === 'person'
      ? [
          {
            name: mention.name,
            words: words
              .slice(mention.start, mention.end)
              .map((word) => word.norm)
              .join(' '),
          },
        ]
      : [],
  );
}

describe('people as users write them (demo catalog)', () => {
  let vocabulary: CatalogVocabulary;
  const names = (text: string) => peopleIn(vocabulary, text).map((person) => person.name);

  beforeAll(async () => {
    vocabulary = vocabularyOf(await loadCatalog(demoCatalogPath()));
  });

  it('reads a lower-case surname only one catalog person has', () => {
    expect(names('ive seen godfather pt 2 and the irishmen, want more scorsese')).toEqual([
      'Martin Scorsese',
    ]);
    expect(names('the kill bill movies, and tarantino in general')).toEqual(['Quentin Tarantino']);
    expect(names('seven and zodiac, more fincher')).toEqual(['David Fincher']);
    expect(names('nolans films')).toEqual(['Christopher Nolan']);
  });

  it('reads a family name with "brothers" (or in the plural) as the whole family', () => {
    expect(names('movies by the Coen brothers')).toEqual(['Ethan Coen', 'Joel Coen']);
    expect(names('more coen brothers pls')).toEqual(['Ethan Coen', 'Joel Coen']);
    expect(names('something by the coens')).toEqual(['Ethan Coen', 'Joel Coen']);
    expect(names('the wachowski sisters')).toEqual(['Lana Wachowski', 'Lilly Wachowski']);
    expect(names('the smiths')).toEqual([]);
  });

  it('reads a given name that is no dictionary name and belongs to one person', () => {
    expect(names('keanu action movies')).toEqual(['Keanu Reeves']);
    expect(names('denzel movies pls')).toEqual(['Denzel Washington']);
    expect(names('my friend keanu recommended this')).toEqual([]);
  });

  it('reads a misspelled surname, with its given name when typed', () => {
    expect(names('seen jurasic park and jaws already, want another spielburg movie')).toEqual([
      'Steven Spielberg',
    ]);
    expect(peopleIn(vocabulary, 'quintin tarantino please')).toEqual([
      { name: 'Quentin Tarantino', words: 'quintin tarantino' },
    ]);
    expect(names('more hitchcok')).toEqual(['Alfred Hitchcock']);
  });

  it('keeps capitalised surnames, with their particle', () => {
    expect(peopleIn(vocabulary, 'nothing with De Niro')).toEqual([
      { name: 'Robert De Niro', words: 'de niro' },
    ]);
    expect(names('a thriller, just not one by Fincher')).toEqual(['David Fincher']);
  });

  it('reads a surname that is also an everyday word only next to a cue', () => {
    expect(names('more hanks')).toEqual(['Tom Hanks']);
    expect(names('nothing with cruise')).toEqual(['Tom Cruise']);
    expect(names('something with cruise ships')).toEqual([]);
    expect(names('i like hanks')).toEqual([]);
  });

  it('finds no one in common words, acquaintances and misspelled English', () => {
    for (const text of [
      "I'm up for anything",
      'my son Logan loves cars',
      'something with stone',
      'a movie set on a hill',
      'will you help',
      'grant me a comedy',
      'a long film with long takes',
      'Long films bore me',
      'young people stuff',
      'my daughter hannah picks tonight',
      'hannah and I want a comedy',
      'a movie about columbus',
      'more thriler',
      'a stillar cast',
      'I love Audrey Hepburn. Got any of hers?',
    ])
      expect(names(text).filter((name) => name !== 'Audrey Hepburn')).toEqual([]);
  });

  it('leaves title words to the title and still reads a name next to it', () => {
    expect(names('Hero with Jet Li was stunning')).toEqual(['Jet Li']);
    expect(names('Young Frankenstein tonight?')).toEqual([]);
  });
});

describe('people in another catalog', () => {
  const catalog = toyCatalog([
    {
      id: 'a',
      title: 'River Dusk',
      genres: ['Drama'],
      director: ['Ilsa Marrowind'],
      description: 'a river town',
    },
    {
      id: 'b',
      title: 'Salt Moon',
      genres: ['Drama'],
      director: ['Ilsa Marrowind'],
      description: 'salt flats',
    },
    {
      id: 'c',
      title: 'Twin Engines',
      genres: ['Comedy'],
      director: ['Paul Quillfeather', 'Arno Quillfeather'],
      cast: ['Dana Long'],
      description: 'a long drive across a long country',
    },
  ]);
  let vocabulary: CatalogVocabulary;
  const names = (text: string) => peopleIn(vocabulary, text).map((person) => person.name);

  beforeAll(() => {
    vocabulary = vocabularyOf(catalog);
  });

  it('applies the same rules to its own names', () => {
    expect(names('more marrowind')).toEqual(['Ilsa Marrowind']);
    expect(names('the quillfeather brothers')).toEqual(['Arno Quillfeather', 'Paul Quillfeather']);
    expect(names('something by marowind')).toEqual(['Ilsa Marrowind']);
    expect(names('a long one')).toEqual([]);
  });
});
