import { describe, expect, it } from 'vitest';
import { toyTitleFinder } from '../helpers/toy-titles.js';

const films: [id: string, title: string, year: number][] = [
  ['oldboy', 'Oldboy', 2003],
  ['walle', 'WALL-E', 2008],
  ['crusade', 'Indiana Jones and the Last Crusade', 1989],
  ['king', 'The Lord of the Rings: The Return of the King', 2003],
  ['hot', 'Some Like It Hot', 1959],
  ['heat', 'Heat', 1995],
  ['up', 'Up', 2009],
];
const { found } = toyTitleFinder(films, { documentCount: 600 });

describe('titles typed with a space too many', () => {
  it('finds a one-word title typed as two short words', () => {
    expect(found('I loved old boy')).toEqual([['oldboy']]);
    expect(found('already saw Heat and old boy')).toEqual([['heat'], ['oldboy']]);
  });

  it('finds a title with a lone letter typed apart, even in lower case at the start', () => {
    expect(found('wall e made my whole family cry, loved it')).toEqual([['walle']]);
  });

  it('does not read ordinary words as such a title', () => {
    expect(found('the old boys club')).toEqual([]);
    expect(found('my plan e was to go')).toEqual([]);
  });
});

describe('titles typed without their small words', () => {
  it('finds a long title from its content words alone', () => {
    expect(found('indiana jones last crusade and heat')).toEqual([['crusade'], ['heat']]);
    expect(found('loved lord rings return king')).toEqual([['king']]);
  });

  it('needs three content words: two common ones are no title', () => {
    expect(found('I like hot stuff')).toEqual([]);
  });
});

describe('a short common word listed with a title', () => {
  it('is a title when "both" sums the list up', () => {
    expect(found('wall e and up both made me cry')).toEqual([['walle'], ['up']]);
  });

  it('is no title when "both" counts something else', () => {
    expect(found('I watched Heat and up both times')).toEqual([['heat']]);
  });
});
