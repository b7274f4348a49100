import MiniSearch from 'minisearch';
import type { Catalog } from '../catalog/index.js';
import { itemText } from '../catalog/index.js';
import { tokenize } from '../text/tokenize.js';

/** One lexical hit: catalog position and BM25 score. */
export interface LexicalHit {
  position: number;
  score: number;
}

const maxQueryTerms = 32;

interface Document {
  id: number;
  title: string;
  genres: string;
  people: string;
  text: string;
}

/** BM25 search (MiniSearch) over title, genres, people and the flattened item text. */
export class LexicalIndex {
  private constructor(private readonly search_: MiniSearch<Document>) {}

  static build(catalog: Catalog): LexicalIndex {
    const search = new MiniSearch<Document>({
      fields: ['title', 'genres', 'people', 'text'],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => term,
      searchOptions: { boost: { title: 3, genres: 1.5, people: 2 }, combineWith: 'OR' },
    });
    search.addAll(
      catalog.items.map((item, position) => ({
        id: position,
        title: item.title,
        genres: item.genres.join(' '),
        people: item.people.join(' '),
        text: itemText(item, catalog.mapping),
      })),
    );
    return new LexicalIndex(search);
  }

  /** Top `k` positions for a free-text query; empty when the query has no indexed words. */
  search(query: string, k: number): LexicalHit[] {
    const tokens = tokenize(query);
    if (tokens.length === 0) return [];
    // Long dialogue queries cost one posting-list walk per word; the most recent words matter most.
    return this.search_
      .search(tokens.slice(-maxQueryTerms).join(' '))
      .slice(0, k)
      .map((hit) => ({ position: hit.id as number, score: hit.score }));
  }
}
