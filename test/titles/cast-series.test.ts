import { describe, expect, it } from 'vitest';
import { EnglishAnalyzer } from '../../src/nlp/index.js';
import { TitleFinder, TitleResolver } from '../../src/titles/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog([
  {
    id: 'sw',
    title: 'Star Wars',
    year: 1977,
    genres: ['Science Fiction', 'Adventure'],
    director: ['George Lucas'],
    cast: ['Mark Hamill', 'Harrison Ford', 'Carrie Fisher'],
    description: 'a farm boy joins a rebellion',
  },
  {
    id: 'esb',
    title: 'The Empire Strikes Back',
    year: 1980,
    genres: ['Science Fiction', 'Adventure'],
    director: ['Irvin Kershner'],
    cast: ['Mark Hamill', 'Harrison Ford', 'Carrie Fisher'],
    description: 'the empire hunts the rebels',
  },
  {
    id: 'kb',
    title: 'Kill Bill: Volume 1',
    year: 2003,
    genres: ['Action', 'Crime', 'Thriller'],
    director: ['Quentin Tarantino'],
    cast: ['Uma Thurman', 'Lucy Liu'],
    description: 'a bride takes revenge',
  },
  {
    id: 'pf',
    title: 'Pulp Fiction',
    year: 1994,
    genres: ['Crime', 'Thriller'],
    director: ['Quentin Tarantino'],
    cast: ['John Travolta', 'Uma Thurman'],
    description: 'hitmen and a boxer cross paths',
  },
]);
const finder = new TitleFinder(catalog, new TitleResolver(catalog), { documentCount: 600 });
const analyzer = new EnglishAnalyzer();
const found = (text: string) =>
  finder.find(analyzer.analyze(text)).map((title) => title.items.map((item) => item.id));

describe('a series its titles do not show', () => {
  it('reads a film and a word for a series as the films billing the same people', () => {
    expect(found('never cared for the star wars movies')).toEqual([['sw', 'esb']]);
    expect(found('Loved the original Star Wars trilogy')).toEqual([['sw', 'esb']]);
  });

  it('keeps the film alone without a word for a series', () => {
    expect(found('I loved Star Wars')).toEqual([['sw']]);
  });

  it('does not join films that only share a director and an actor billed differently', () => {
    expect(found('the kill bill movies')).toEqual([['kb']]);
  });
});
