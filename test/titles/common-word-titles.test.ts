import { describe, expect, it } from 'vitest';
import { toyTitleFinder } from '../helpers/toy-titles.js';

const films: [id: string, title: string, year: number][] = [
  ['it', 'It', 2017],
  ['her', 'Her', 2013],
  ['thing', 'That Thing You Do!', 1996],
  ['cat', 'That Darn Cat', 1997],
  ['sunrise', 'Before Sunrise', 1995],
  ['sunset', 'Before Sunset', 2004],
  ['actors', 'The Actors', 2003],
  ['gremlins', 'Gremlins', 1984],
];
const { found } = toyTitleFinder(films, { documentCount: 600 });

describe('titles that are pronouns or determiners', () => {
  it('reads a subject pronoun opening a sentence as the pronoun', () => {
    expect(found('I watched that years ago. It was pretty good.')).toEqual([]);
    expect(found('It is my favourite horror film')).toEqual([]);
  });

  it('still finds the film with a year, after a verdict, or where the pronoun could not be a subject', () => {
    expect(found('It (2017) was great')).toEqual([['it']]);
    expect(found('I loved It')).toEqual([['it']]);
    expect(found('Her is one of my favourite films')).toEqual([['her']]);
  });

  it('does not read "that franchise" as the films starting with "that"', () => {
    expect(found('Oh yes! I loved that franchise.')).toEqual([]);
    expect(found('the before trilogy')).toEqual([['sunrise', 'sunset']]);
  });
});

describe('a title that is a plural noun', () => {
  it('reads it after an adjective of taste as the noun it qualifies', () => {
    expect(found('he is one of my favorite actors')).toEqual([]);
  });

  it('still finds it as the object of a verdict', () => {
    expect(found('I loved gremlins')).toEqual([['gremlins']]);
  });
});
