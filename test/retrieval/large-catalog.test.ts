import { describe, expect, it } from 'vitest';
import { inferMapping, type Catalog, type CatalogItem } from '../../src/catalog/index.js';
import { readDialogue } from '../../src/dialogue/read-dialogue.js';
import type { RetrievalComponents } from '../../src/index-store/index.js';
import { Retriever } from '../../src/retrieval/index.js';
import { TitleResolver } from '../../src/titles/index.js';

/**
 * Spreading a catalog-sized array into a call (`Math.max(...years)`) throws RangeError from about
 * 130k items: 200k items must build and read a dialogue.
 */
const itemCount = 200_000;

/** Items made in memory: parsing 200k JSONL rows alone would take most of the time budget. */
function syntheticCatalog(count: number): Catalog {
  const genres = ['drama', 'comedy', 'crime', 'horror', 'romance'];
  const items: CatalogItem[] = [];
  for (let index = 0; index < count; index++) {
    // Every title is shared by two items, so the title prior sorts 100k lists.
    const title = `Film Number ${Math.floor(index / 2)} Of The Long Catalog`;
    const year = 1920 + (index % 105);
    const director = [`Director ${index % 5_000} Person`];
    const cast = [`Actor ${index % 40_000} Person`, `Actor ${(index * 7) % 40_000} Person`];
    const genre = [genres[index % genres.length]!];
    const description = `A synthetic film number ${index}.`;
    items.push({
      id: `s${index}`,
      title,
      year,
      genres: genre,
      people: [...director, ...cast],
      fields: { title, year, genres: genre, director, cast, description },
    });
  }
  // The latest year is on the last item, where a truncated scan would miss it.
  const last = { title: 'The Final One', year: 2031, genres: ['drama'] };
  items.push({ id: 'last', ...last, people: [], fields: last });
  return {
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    source: 'synthetic',
    hash: 'synthetic',
    mapping: inferMapping(['id', 'title', 'year', 'genres', 'director', 'cast', 'description'], false),
    warnings: [],
    skippedRows: 0,
  };
}

describe(`a ${itemCount.toLocaleString('en-US')}-item catalog`, () => {
  it('builds the title resolver and reads a dialogue without RangeError', () => {
    const catalog = syntheticCatalog(itemCount);
    const titles = new TitleResolver(catalog);
    expect(titles.longestTitle).toBe(7);
    expect(titles.resolve('Film Number 123 of the Long Catalog')[0]!.item.title).toMatch(/Number 123 /);

    // Reading a dialogue uses only the catalog and the titles, not the vector or lexical indexes.
    const components = { catalog, titles } as unknown as RetrievalComponents;
    const reading = readDialogue(new Retriever(components), [
      { role: 'user', text: 'I loved The Final One, anything more recent?' },
    ]);
    expect(reading.request.likedIds).toEqual(['last']);
    // "More recent" counts back from the catalog's latest year, 2031.
    expect(reading.request.preferredYears).toEqual({ from: 2028 });
  }, 30_000);
});
