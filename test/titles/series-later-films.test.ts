import { describe, expect, it } from 'vitest';
import { toyTitleFinder } from '../helpers/toy-titles.js';
import { phoneticKey } from '../../src/titles/phonetic-key.js';

const films: [id: string, title: string, year: number][] = [
  ['gf1', 'The Godfather', 1972],
  ['gf2', 'The Godfather Part II', 1974],
  ['gf3', 'The Godfather Part III', 1990],
  ['br1', 'Blade Runner', 1982],
  ['br2', 'Blade Runner 2049', 2017],
  ['pad1', 'Paddington', 2014],
  ['pad2', 'Paddington 2', 2017],
  ['alien', 'Alien', 1979],
  ['aliens', 'Aliens', 1986],
  ['inception', 'Inception', 2010],
  ['later', '28 Days Later', 2002],
];
const { found } = toyTitleFinder(films, {
  documentFrequency: () => 0,
  documentCount: 600,
});

describe('a film of a series by where it comes', () => {
  it('leaves "the latter" and "the sequel" of a whole series of three unresolved', () => {
    expect(found('loved godfather 1 and 2, the latter one especially')).toEqual([['gf1'], ['gf2']]);
    expect(found('I liked the Godfather movies, the sequel was best')).toEqual([['gf1', 'gf2', 'gf3']]);
  });

  it('reads "the later one" and "the earlier one" against the film named before', () => {
    expect(found('Paddington 1 was cute, the later one even better')).toEqual([['pad1'], ['pad2']]);
    expect(found('the godfather part ii is great but the earlier one is better')).toEqual([['gf2'], ['gf1']]);
  });

  it('reads "the later ones" as every film after it', () => {
    expect(found('watched the first godfather, havent got to the later ones')).toEqual([
      ['gf1'],
      ['gf2', 'gf3'],
    ]);
  });

  it('picks one of a series named as a whole, so it can have a verdict of its own', () => {
    expect(found('saw both blade runners, only liked the later one')).toEqual([['br1', 'br2'], ['br2']]);
  });

  it('names the film after a numbered one by its place: "the third one"', () => {
    expect(found('loved godfather 1 and 2, the third one not so much')).toEqual([['gf1'], ['gf2'], ['gf3']]);
  });

  it('takes a later film titled as the plural of an earlier one as its sequel', () => {
    expect(found('all the Alien movies')).toEqual([['alien', 'aliens']]);
    expect(found('loved the first Alien but the sequel bored me')).toEqual([['alien'], ['aliens']]);
  });
});

describe('titles spelled by ear or said alone', () => {
  it('keys spellings of one sound alike', () => {
    expect(phoneticKey('insepshun')).toBe(phoneticKey('inception'));
    expect(phoneticKey('casablanka')).toBe(phoneticKey('casablanca'));
    expect(phoneticKey('titanik')).not.toBe(phoneticKey('inception'));
  });

  it('finds a one-word title typed by ear', () => {
    expect(found('loved insepshun')).toEqual([['inception']]);
  });

  it('finds a misspelled title that is the whole message, but no common word', () => {
    expect(found('insepshun!')).toEqual([['inception']]);
    expect(found('later')).toEqual([]);
  });
});
