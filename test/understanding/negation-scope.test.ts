import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string) =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

describe('what a negation reaches', () => {
  it('denies the quality of "not gory horror", not the genre it qualifies', () => {
    const understanding = read('something creepy but not gory horror please');
    expect(understanding.constraints.excludeGenres).toEqual([]);
    expect(understanding.preferences.genres).toEqual(['horror']);
    expect(understanding.qualities).toContainEqual({ id: 'violent', polarity: 'less' });
  });

  it('stops at "…, something lighter": a phrase of its own after a comma', () => {
    expect(read('too bleak, something lighter maybe').qualities).toEqual([
      { id: 'dark', polarity: 'less' },
      { id: 'feel-good', polarity: 'more' },
    ]);
    // A list after a comma is still reached.
    expect(read('no horror, westerns or musicals').constraints.excludeGenres).toEqual([
      'horror',
      'western',
      'musical',
    ]);
  });
});
