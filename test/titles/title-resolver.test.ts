import { describe, expect, it } from 'vitest';
import { splitYear, titleKey, TitleResolver } from '../../src/titles/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog([
  { id: 'gf1', title: 'The Godfather (1972)' },
  { id: 'gf2', title: 'The Godfather Part II (1974)' },
  { id: 'heat95', title: 'Heat (1995)' },
  { id: 'heat06', title: 'Heat (2006)' },
  { id: 'up', title: 'Up (2009)' },
  { id: 'it', title: 'It (2017)' },
  { id: 'her', title: 'Her (2013)' },
  { id: 'br', title: 'Blade Runner (1982)' },
  { id: 'br2049', title: 'Blade Runner 2049 (2017)' },
  { id: 'schindler', title: "Schindler's List (1993)" },
  { id: 'amelie', title: 'Amélie (2001)' },
  { id: 'ring', title: 'The Ring (2002)' },
  { id: 'ring98', title: 'Ring (1998)' },
  { id: 'sw', title: 'Star Wars (1977)' },
  { id: 'dk', title: 'The Dark Knight (2008)' },
  { id: 'taxi', title: 'Taxi Driver (1976)' },
  { id: 'date', title: 'Date Night (2010)' },
  { id: 'it2', title: 'It Chapter Two (2019)' },
]);
const titles = new TitleResolver(catalog);
const ids = (results: { item: { id: string } }[]) => results.map((result) => result.item.id);

describe('titleKey and splitYear', () => {
  it('unifies sequel numbers, punctuation, accents and a leading article', () => {
    expect(titleKey('The Godfather: Part II')).toBe('godfather 2');
    expect(titleKey('the godfather part 2')).toBe(titleKey('The Godfather: Part II'));
    expect(titleKey('Amélie')).toBe('amelie');
    expect(titleKey('Fast & Furious')).toBe('fast and furious');
    expect(titleKey('The Ring', { keepArticle: true })).toBe('the ring');
  });

  it('splits a trailing year written with or without parentheses', () => {
    expect(splitYear('Heat (1995)')).toEqual({ base: 'Heat', year: 1995 });
    expect(splitYear('Heat 1995')).toEqual({ base: 'Heat', year: 1995 });
    expect(splitYear('1917')).toEqual({ base: '1917' });
  });
});

describe('TitleResolver.resolve', () => {
  it('resolves a loosely typed sequel title exactly', () => {
    const [best] = titles.resolve('the godfather part 2');
    expect(best).toMatchObject({
      item: { title: 'The Godfather Part II (1974)' },
      confidence: 1,
      matchedBy: 'exact',
    });
    expect(titles.resolve('godfather ii')[0]!.item.id).toBe('gf2');
    expect(titles.resolve('The Godfather')[0]!.item.id).toBe('gf1');
  });

  it('uses a typed year to pick between remakes', () => {
    expect(ids(titles.resolve('Heat 1995'))).toEqual(['heat95', 'heat06']);
    expect(ids(titles.resolve('heat (2006)'))).toEqual(['heat06', 'heat95']);
    const [best, other] = titles.resolve('Heat 1995');
    expect(best!.confidence).toBeGreaterThan(other!.confidence);
  });

  it('prefers the more popular item when no year is typed', () => {
    const popular = new TitleResolver(catalog, (id) => (id === 'heat06' ? 10 : 1));
    expect(ids(popular.resolve('heat'))).toEqual(['heat06', 'heat95']);
  });

  it('prefers the title that has the typed article', () => {
    expect(titles.resolve('the ring')[0]!.item.id).toBe('ring');
  });

  it('resolves a typo fuzzily, with less than full confidence', () => {
    const [best] = titles.resolve('godfathr');
    expect(best!.item.id).toBe('gf1');
    expect(best!.matchedBy).toBe('fuzzy');
    expect(best!.confidence).toBeLessThan(1);
    expect(titles.resolve('shindlers list')[0]!.item.id).toBe('schindler');
    expect(titles.resolve('amelie')[0]!.item.id).toBe('amelie');
  });

  it('returns nothing for an unknown title or empty input', () => {
    expect(titles.resolve('zzzz qqqq')).toEqual([]);
    expect(titles.resolve('   ')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(titles.resolve('heat', 1)).toHaveLength(1);
  });

  // Bug: "2049" is taken for a year, so the query looks up "blade runner" and returns the 1982 film.
  it('resolves a title that ends in a year-like number to that title', () => {
    expect(titles.resolve('blade runner 2049')[0]!.item.id).toBe('br2049');
  });
});

describe('a catalog title with an escape sequence in it', () => {
  const escaped = new TitleResolver(
    toyCatalog([
      { id: 'vault', title: 'Vault\u001b]0;pwned\u0007 Heist (1990)' },
      { id: 'red', title: '\u001b[31mRed\u001b[0m Robbery (1991)' },
      { id: 'night', title: 'Night \u202eCrew\u202c Run (1993)' },
      { id: 'heat95', title: 'Heat (1995)' },
    ]),
  );

  it('keys it by its readable words, without the sequence', () => {
    expect(titleKey('Vault\u001b]0;pwned\u0007 Heist')).toBe('vault heist');
    expect(titleKey('Sea\u009b2J Thieves')).toBe('sea thieves');
  });

  it('is resolved and found in a message by the words a user types', () => {
    expect(escaped.resolve('Vault Heist')[0]).toMatchObject({
      item: { id: 'vault' },
      confidence: 1,
      matchedBy: 'exact',
    });
    expect(escaped.resolve('red robbery')[0]).toMatchObject({ item: { id: 'red' }, matchedBy: 'exact' });
    expect(ids(escaped.findMentions('something like Vault Heist, but funnier'))).toEqual(['vault']);
    expect(escaped.exactItems('Vault Heist')?.map((item) => item.id)).toEqual(['vault']);
  });
});

describe('TitleResolver.findMentions', () => {
  it('does not take common lower-case words for short titles', () => {
    expect(titles.findMentions('I like it')).toEqual([]);
    expect(titles.findMentions('I watched it with her, up on the roof')).toEqual([]);
    expect(titles.findMentions('what about heat?')).toEqual([]);
  });

  it('matches a short title followed by a year, with its offsets', () => {
    const text = 'I loved Up (2009) so much';
    const [mention, ...rest] = titles.findMentions(text);
    expect(rest).toEqual([]);
    expect(mention!.item.id).toBe('up');
    expect(mention!.text).toBe('Up (2009)');
    expect(text.slice(mention!.start, mention!.end)).toBe('Up (2009)');
  });

  it('matches capitalized titles and uses a following year to pick the version', () => {
    expect(ids(titles.findMentions('Heat and Blade Runner are classics'))).toEqual(['heat95', 'br']);
    expect(ids(titles.findMentions('Have you seen Heat (2006)?'))).toEqual(['heat06']);
  });

  it('prefers the longest title at a position', () => {
    expect(ids(titles.findMentions('Blade Runner 2049 was great'))).toEqual(['br2049']);
  });

  // Bug: the longest span tried is counted in key words ("godfather 2"), not in text words, so the
  // four-word "The Godfather Part II" is never tried and "The Godfather" is found instead.
  it('finds "The Godfather Part II" rather than "The Godfather"', () => {
    expect(ids(titles.findMentions('The Godfather Part II is great'))).toEqual(['gf2']);
  });

  // Bug: titleKey strips ASCII apostrophes only, so a typographic apostrophe (phone keyboards) breaks the key.
  it('finds a title typed with a typographic apostrophe', () => {
    expect(ids(titles.findMentions('I loved Schindler’s List'))).toEqual(['schindler']);
  });
});

// Users type titles in lower case; ordinary words must still not be taken for short titles.
describe('TitleResolver.findMentions in lower case', () => {
  it('finds a two-word title with a sequel number, typed as digits or as "part ii"', () => {
    const [mention] = titles.findMentions('something like the godfather 2');
    expect(mention).toMatchObject({ item: { id: 'gf2' }, text: 'the godfather 2' });
    expect(ids(titles.findMentions('I loved the godfather part ii'))).toEqual(['gf2']);
  });

  it('finds two distinctive words typed with the title\'s "the" or after a word of taste', () => {
    expect(ids(titles.findMentions('i loved the dark knight'))).toEqual(['dk']);
    expect(ids(titles.findMentions('something like star wars'))).toEqual(['sw']);
    expect(ids(titles.findMentions('have you seen taxi driver?'))).toEqual(['taxi']);
  });

  it('does not take ordinary sentences for short titles', () => {
    expect(titles.findMentions('turn up the heat')).toEqual([]);
    expect(titles.findMentions('i want it to be fun')).toEqual([]);
    expect(titles.findMentions('i rated it 2 stars')).toEqual([]);
  });

  it('does not take two words for a title without more evidence', () => {
    expect(titles.findMentions('any ideas for date night this weekend?')).toEqual([]);
    expect(titles.findMentions('he plays a taxi driver')).toEqual([]);
  });

  it('does not take a noun phrase with an article the title lacks for the title', () => {
    expect(titles.findMentions('i would like a taxi driver who talks')).toEqual([]);
  });
});
