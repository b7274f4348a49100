import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const quantity = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false }).quantity;

describe('how many films the user asks for', () => {
  it('reads a count however it is said', () => {
    expect(quantity('three feel-good movies for family night')).toBe(3);
    expect(quantity('just the single best one')).toBe(1);
    expect(quantity('a single recommendation please')).toBe(1);
    expect(quantity('give me 10 horror movies')).toBe(10);
    expect(quantity('a couple of comedies?')).toBe(2);
    expect(quantity('three more please')).toBe(3);
  });

  it('reads number words past eighteen, "the single best …" and "just the one …"', () => {
    expect(quantity('list twenty horror movies')).toBe(20);
    expect(quantity('the single best sci-fi film ever made')).toBe(1);
    expect(quantity('just the one documentary, my brain is fried')).toBe(1);
  });

  it('counts "a top N of …" and "the single one", not a ranking ("my top three")', () => {
    expect(quantity('can you do a top 3 of the scariest horror movies')).toBe(3);
    expect(quantity('just tell me the single one you would go with')).toBe(1);
    expect(quantity('Heat, Alien and Up are my top three')).toBeNull();
  });

  it('counts a genre word that is itself the noun counted', () => {
    expect(quantity('two romcoms please')).toBe(2);
    expect(quantity('5 docs')).toBe(5);
    expect(quantity('just the one with Tom Hanks')).toBeNull();
  });

  it('reads a bare number that answers "how many?"', () => {
    const read = (text: string) =>
      demo.reader.understand(text, { lastShown: [], hasRequest: true, answered: false }).quantity;
    expect(read('five is good')).toBe(5);
    expect(read('maybe 4')).toBe(4);
  });

  it('takes no count from numbers that count something else', () => {
    for (const text of [
      'The first two Godfather movies are masterpieces',
      'Whiplash, Drive and Nightcrawler are my top three',
      'we are three people looking for a comedy',
      'two hours max',
      'one more thing: no horror',
      'a 1995 thriller',
    ])
      expect(quantity(text), text).toBeNull();
  });
});
