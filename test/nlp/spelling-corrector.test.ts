import { describe, expect, it } from 'vitest';
import { SpellingCorrector, withinOneEdit } from '../../src/nlp/index.js';

const known = ['depressing', 'friends', 'violent', 'violence', 'scary', 'dance'].map((norm) => ({
  norm,
  lemma: norm === 'friends' ? 'friend' : norm,
}));

describe('SpellingCorrector', () => {
  const speller = new SpellingCorrector(known);

  it('corrects a letter left out, a swap and a wrong letter to the one known word that close', () => {
    expect(speller.correct('depresing')?.norm).toBe('depressing');
    expect(speller.correct('freinds')).toEqual({ norm: 'friends', lemma: 'friend' });
    expect(speller.correct('violant')?.norm).toBe('violent');
  });

  it('leaves dictionary words, short words and words two edits away as typed', () => {
    expect(speller.correct('violet')).toBeUndefined(); // an English word, not a typo of "violent"
    expect(speller.correct('danke')).toBeUndefined(); // too short to guess
    expect(speller.correct('dpresing')).toBeUndefined();
    expect(speller.correct('depressing')).toBeUndefined();
  });

  it('refuses to guess between two known words equally close', () => {
    const twins = new SpellingCorrector([
      { norm: 'kindest', lemma: 'kind' },
      { norm: 'kindent', lemma: 'kindent' },
    ]);
    expect(twins.correct('kindeat')).toBeUndefined();
  });
});

describe('withinOneEdit', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(withinOneEdit('freinds', 'friends')).toBe(true);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
    expect(withinOneEdit('scary', 'scarry')).toBe(true);
    expect(withinOneEdit('scary', 'sary')).toBe(true);
    expect(withinOneEdit('scary', 'story')).toBe(false);
  });
});
