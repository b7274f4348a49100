import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const audiences = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false }).audiences;

describe('ages in brackets', () => {
  it('reads no age from a score, a count or a number a verb asks for', () => {
    expect(audiences('my dad rates Heat (8/10)')).toEqual([]);
    expect(audiences('my brother gave Heat a (7)')).toEqual([]);
    expect(audiences('my kids (2 of them) love cartoons')).toEqual(['kids']);
  });

  it('reads the ages bracketed later in the clause of a person word', () => {
    expect(audiences('my nieces r coming tmrw (4 and 6), what cartoon can we put on')).toEqual([
      'young-kids',
    ]);
    expect(audiences('my son is visiting this weekend (14), any ideas?')).toEqual(['teens']);
  });

  it('reads no age from a bracketed year or score', () => {
    expect(audiences('something like Toy Story (1995) for my kids')).toEqual(['kids']);
    expect(audiences('loved Heat (9 out of 10), something similar')).toEqual([]);
  });
});

describe('a range of ages', () => {
  it('reads ages from a child to an adult as the whole family, and "the fam" as family', () => {
    expect(audiences('needs to work for ages 6 to 80')).toEqual(['family']);
    expect(audiences('movie night with the fam')).toEqual(['family']);
    expect(audiences('my kids are 7 and 10')).toEqual(['kids', 'young-kids']);
  });
});
