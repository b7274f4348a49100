import { describe, expect, it } from 'vitest';
import { toyTitleFinder } from '../helpers/toy-titles.js';

const films: [id: string, title: string, year: number][] = [
  ['gf1', 'The Godfather', 1972],
  ['gf2', 'The Godfather Part II', 1974],
  ['gf3', 'The Godfather Part III', 1990],
  ['ts1', 'Toy Story', 1995],
  ['ts2', 'Toy Story 2', 1999],
  ['ts3', 'Toy Story 3', 2010],
  ['t1', 'The Terminator', 1984],
  ['t2', 'Terminator 2: Judgment Day', 1991],
  ['tg1', 'Top Gun', 1986],
  ['tg2', 'Top Gun: Maverick', 2022],
  ['mm1', 'Mad Max', 1979],
  ['mm4', 'Mad Max: Fury Road', 2015],
  ['br1', 'Blade Runner', 1982],
  ['br2', 'Blade Runner 2049', 2017],
  ['pad1', 'Paddington', 2014],
  ['pad2', 'Paddington 2', 2017],
  ['sv1', 'Spider-Man: Into the Spider-Verse', 2018],
  ['sv2', 'Spider-Man: Across the Spider-Verse', 2023],
  ['lotr1', 'The Lord of the Rings: The Fellowship of the Ring', 2001],
  ['lotr2', 'The Lord of the Rings: The Two Towers', 2002],
  ['lotr3', 'The Lord of the Rings: The Return of the King', 2003],
  ['mi1', 'Mission: Impossible', 1996],
  ['mi6', 'Mission: Impossible – Fallout', 2018],
  ['bs', 'Before Sunrise', 1995],
  ['matrix', 'The Matrix', 1999],
  ['bttf1', 'Back to the Future', 1985],
  ['bttf2', 'Back to the Future Part II', 1989],
  ['hunter', 'The Night of the Hunter', 1955],
  ['living', 'Night of the Living Dead', 1968],
  ['heat', 'Heat', 1995],
  ['goes', 'Anything Goes', 1956],
  ['else', 'Anything Else', 2003],
  ['rocky1', 'Rocky', 1976],
  ['rocky2', 'Rocky II', 1979],
];
// "night" is common in the catalog's text, the other words are not.
const { found, finder, analyzer } = toyTitleFinder(films, {
  documentFrequency: (word) => (word === 'night' ? 40 : 0),
  documentCount: 600,
});
const spans = (text: string) => finder.find(analyzer.analyze(text)).map((title) => title.text);

describe('numbered parts of a series', () => {
  it('makes each part its own mention, so "but never 3" can have its own verdict', () => {
    expect(found('seen godfather 1 and 2 but never 3')).toEqual([['gf1'], ['gf2'], ['gf3']]);
    expect(spans('seen toy story 1 and 2 but not 3 yet')).toEqual(['toy story 1', '2', '3']);
  });

  it('maps a number to the numbered title, or to the film in that place by year', () => {
    expect(found('terminator 1 and 2 — give me more like those')).toEqual([['t1'], ['t2']]);
    expect(found('top gun 1 and 2')).toEqual([['tg1'], ['tg2']]);
    expect(found('godfather pt 2')).toEqual([['gf2']]);
    expect(found('Godfather I and II')).toEqual([['gf1'], ['gf2']]);
    expect(found('toy story 1-3')).toEqual([['ts1', 'ts2', 'ts3']]);
  });

  it('finds a later film of the series by its subtitle alone', () => {
    expect(found('mad max 1 did nothing for me, fury road is the one')).toEqual([['mm1'], ['mm4']]);
  });

  it('does not read counts, ages or quantities as parts', () => {
    expect(found('seen the first two')).toEqual([]);
    expect(found('my 14yo and my 8yo want top three picks')).toEqual([]);
    expect(found('I need 2 sci-fi films for my 5 year old')).toEqual([]);
    expect(found('mission 2 was a failure, we watched space missions instead')).toEqual([]);
  });
});

describe('a series named as a whole', () => {
  it('reads a plural name as every film, or those an ordinal and a count pick', () => {
    expect(found('both Paddingtons are lovely')).toEqual([['pad1', 'pad2']]);
    expect(found('seen the first two. also both blade runners')).toEqual([['br1', 'br2']]);
    expect(found('ive seen the last two godfathers but not the first')).toEqual([['gf2', 'gf3'], ['gf1']]);
  });

  it('spans the noun that makes a name a series, so a list of series reads as one list', () => {
    expect(spans("I've done the toy story trilogy and the paddington ones")).toEqual([
      'the toy story trilogy',
      'the paddington ones',
    ]);
  });

  it('lists every film whose title is the name and more', () => {
    expect(found('seen all the mission impossible movies')).toEqual([['mi1', 'mi6']]);
  });

  it('reads an ending shared by several titles as the series only with a cue', () => {
    expect(found('my 14yo loved both spider verse movies')).toEqual([['sv1', 'sv2']]);
    expect(found('the spider-verse ones are the only superhero movies i can stand')).toEqual([
      ['sv1', 'sv2'],
    ]);
  });

  it('makes no series of titles that only share a common first word', () => {
    expect(found('all the Rocky films')).toEqual([['rocky1', 'rocky2']]);
    expect(found('got anything else?')).toEqual([]);
    expect(found('all the anything movies')).toEqual([]);
  });

  it('reads the initials of a long name', () => {
    expect(found('never seen the lotr trilogy')).toEqual([['lotr1', 'lotr2', 'lotr3']]);
    expect(found('lotr two towers was great')).toEqual([['lotr2']]);
  });

  it('reads a title\'s first words before "trilogy" as the films that start so', () => {
    expect(found('the before trilogy is the best romance ever made')).toEqual([['bs']]);
    expect(found('the whole trilogy was long')).toEqual([]);
  });
});

describe('a film of a series by its place', () => {
  it('picks the film an ordinal names', () => {
    expect(found('the second back to the future was confusing')).toEqual([['bttf2']]);
    expect(found('honestly only liked the first matrix')).toEqual([['matrix']]);
  });

  it('reads "the sequel" and "the new one" after a series was named', () => {
    expect(found('loved blade runner but the sequel bored me')).toEqual([['br1'], ['br2']]);
    expect(found('something like the first blade runner, not the new one')).toEqual([['br1'], ['br2']]);
    expect(found('the blade runner sequel was slow')).toEqual([['br2']]);
  });

  it('leaves ordinals that may point at a shown list, and time phrases, alone', () => {
    expect(found('I loved Toy Story, the second one you showed looks boring')).toEqual([['ts1']]);
    expect(found('saw Heat on the last night of the trip')).toEqual([['heat']]);
    expect(found('I watched Heat back to back with Toy Story')).toEqual([['heat'], ['ts1']]);
  });
});
