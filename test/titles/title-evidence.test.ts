import { describe, expect, it } from 'vitest';
import { EnglishAnalyzer } from '../../src/nlp/index.js';
import { TitleFinder, TitleResolver } from '../../src/titles/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const films: [id: string, title: string, year: number][] = [
  ['up', 'Up', 2009],
  ['her', 'Her', 2013],
  ['moon', 'Moon', 2009],
  ['coco', 'Coco', 2017],
  ['elf', 'Elf', 2003],
  ['love', 'Love Actually', 2003],
  ['logan', 'Logan', 2017],
  ['fargo', 'Fargo', 1996],
  ['brazil', 'Brazil', 1985],
  ['heat', 'Heat', 1995],
  ['incredibles', 'The Incredibles', 2004],
  ['totoro', 'My Neighbor Totoro', 1988],
  ['shawshank', 'The Shawshank Redemption', 1994],
  ['else', 'Anything Else', 2003],
  ['nope', 'Nope', 2022],
  ['getout', 'Get Out', 2017],
];
const catalog = toyCatalog(
  films.map(([id, title, year]) => ({ id, title, year, genres: ['drama'], description: 'a film' })),
);
const finder = new TitleFinder(catalog, new TitleResolver(catalog));
const analyzer = new EnglishAnalyzer();
const found = (text: string) => finder.find(analyzer.analyze(text)).map((title) => title.items[0]!.id);

describe('evidence that a common word is a title', () => {
  it('finds short titles listed before one it is sure of', () => {
    expect(found('Up, Her and Moon')).toEqual(['up', 'her', 'moon']);
  });

  it('finds a title judged right after it ("Up was sweet")', () => {
    expect(found('Up was sweet, Coco was even sweeter')).toEqual(['up', 'coco']);
  });

  it('finds a title added with "too"', () => {
    expect(found('Love Actually every Christmas, Elf too')).toEqual(['love', 'elf']);
  });

  it('reads a name after a relation or a place after going somewhere as no title', () => {
    expect(found('my son Logan is 10 and obsessed with dinosaurs')).toEqual([]);
    expect(found("we're driving to Fargo tomorrow, something exciting")).toEqual([]);
    expect(found('a movie set in Brazil or Argentina')).toEqual([]);
    expect(found('loved Heat and Fargo')).toEqual(['heat', 'fargo']);
  });

  it("does not take a sentence's own capital over a clause for a title", () => {
    expect(found('Anything else? Something funny')).toEqual([]);
    expect(found('Get out of here, that was fast')).toEqual([]);
    expect(found('I loved Anything Else')).toEqual(['else']);
    expect(found('Get Out was great')).toEqual(['getout']);
  });

  it('does not take lower-case common words for titles', () => {
    expect(found('i like up and her')).toEqual([]);
  });

  it('does not read an English word with a prefix as a misspelled title ("incredible")', () => {
    expect(found('that was incredible, more like it')).toEqual([]);
    expect(found('loved the incredibels')).toEqual(['incredibles']);
  });

  it('finds a title by the one word of it no dictionary has, with evidence', () => {
    expect(found('loved shawshank and totoro')).toEqual(['shawshank', 'totoro']);
    expect(found('we drove through shawshank yesterday')).toEqual([]);
  });

  it('reads a one-word reply ("Nope", "Her?") as a reply, not as the film of that name', () => {
    expect(found('Nope')).toEqual([]);
    expect(found('Her?')).toEqual([]);
    expect(found('Elf!')).toEqual(['elf']);
    expect(found('Nope was great')).toEqual(['nope']);
  });

  it('takes that word said on its own as the title: the whole message names it', () => {
    expect(found('shawshank!')).toEqual(['shawshank']);
  });
});

describe('a kind of film is no title', () => {
  const kinds = toyCatalog(
    [
      ['scary', 'Scary Movie', 2000],
      ['scary2', 'Scary Movie 2', 2001],
      ['date', 'Date Movie', 2006],
      ['bee', 'Bee Movie', 2007],
      ['romance1', 'Romance', 1986],
      ['romance2', 'Romance Complicated', 2016],
    ].map(([id, title, year]) => ({
      id: id as string,
      title: title as string,
      year: year as number,
      genres: ['comedy'],
      description: 'a film',
    })),
  );
  const kindFinder = new TitleFinder(kinds, new TitleResolver(kinds));
  const ids = (text: string) =>
    kindFinder.find(analyzer.analyze(text)).flatMap((title) => title.items.map((item) => item.id));

  it('reads "scary movies" and "some date movie" as kinds of film', () => {
    expect(ids('I like scary movies')).toEqual([]);
    expect(ids('i like some scary movie')).toEqual([]);
    expect(ids('i like date movies')).toEqual([]);
    expect(ids('I am looking for a scary movie I do not watch them often')).toEqual([]);
    expect(ids('Do you know of any good romance movies?')).toEqual([]);
  });

  it('still finds the titles with capitals, a number or no article', () => {
    expect(ids('I loved Scary Movie')).toEqual(['scary']);
    expect(ids('I like scary movie 2')).toEqual(['scary2']);
    expect(ids('i love bee movie')).toEqual(['bee']);
  });
});
