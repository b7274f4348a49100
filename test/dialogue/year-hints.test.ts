import { describe, expect, it } from 'vitest';
import { yearHint } from '../../src/dialogue/year-hints.js';

describe('yearHint', () => {
  it.each([
    ['a good 80s comedy', { from: 1980, to: 1989 }],
    ["something from the 1990's", { from: 1990, to: 1999 }],
    ['movies from the 2000s', { from: 2000, to: 2009 }],
    ['I love the seventies', { from: 1970, to: 1979 }],
    ['anything after 2000 please', { from: 2001 }],
    ['made before 1990', { to: 1989 }],
    ['something recent', { from: 2015 }],
    ['an old classic', { to: 1979 }],
  ])('reads "%s"', (text, expected) => {
    expect(yearHint(text, 2018)).toEqual(expected);
  });

  it('says nothing when the text says nothing about time', () => {
    expect(yearHint('a funny movie about dogs', 2018)).toBeUndefined();
  });
});
