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

  it('does not take lower-case common words for titles', () => {
    expect(found('i like up and her')).toEqual([]);
  });

  it('does not read an English word with a prefix as a misspelled title ("incredible")', () => {
    expect(found('that was incredible, more like it')).toEqual([]);
    expect(found('loved the incredibels')).toEqual(['incredibles']);
  });

  it('finds a title by the one word of it no dictionary has, with evidence', () => {
    expect(found('loved shawshank and totoro')).toEqual(['shawshank', 'totoro']);
    expect(found('shawshank')).toEqual([]);
  });
});
