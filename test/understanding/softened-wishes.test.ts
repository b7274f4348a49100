import { describe, expect, it } from 'vitest';
import { hasSoftened, softenedWishes } from '../../src/understanding/softened-wishes.js';

describe('softenedWishes', () => {
  it('reads what the user wants less of, with the words for the same quality', () => {
    const wishes = softenedWishes('Something like Heat, but less violent and not too long');
    expect(wishes.words).toEqual(['violent', 'long']);
    expect(hasSoftened('A sleek, violent action film with balletic gunfights.', wishes.stems)).toBe(true);
    expect(hasSoftened('A blood-drenched, stylish homage.', wishes.stems)).toBe(true);
    expect(hasSoftened('A sprawling family saga.', wishes.stems)).toBe(true);
    expect(hasSoftened('A tight, melancholy crime thriller.', wishes.stems)).toBe(false);
  });

  it('finds nothing in a plain request or a hard exclusion', () => {
    expect(softenedWishes('a violent revenge movie').words).toEqual([]);
    expect(softenedWishes('no horror please').words).toEqual([]);
  });

  it('falls back to the word itself for qualities it has no family for', () => {
    const wishes = softenedWishes('not so musical please');
    expect(hasSoftened('A joyful musical about a summer camp.', wishes.stems)).toBe(true);
    expect(hasSoftened('A quiet drama.', wishes.stems)).toBe(false);
  });
});
