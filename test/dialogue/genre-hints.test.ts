import { describe, expect, it } from 'vitest';
import { genreHints } from '../../src/dialogue/genre-hints.js';

const genres = new Set(['comedy', 'horror', 'sci-fi', 'romance']);

describe('genreHints', () => {
  it('reads genres from everyday words, comparatives included', () => {
    expect(genreHints('something like Alien but funnier', genres)).toEqual(['comedy']);
    expect(genreHints('a scarier one', genres)).toEqual(['horror']);
    expect(genreHints('a romantic space adventure', genres).sort()).toEqual(['romance', 'sci-fi']);
  });

  it('names only genres the catalog has', () => {
    expect(genreHints('a western with cowboys', genres)).toEqual([]);
  });
});
