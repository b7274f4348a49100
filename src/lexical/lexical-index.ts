import type { Catalog, CatalogItem } from '../catalog/index.js';
import { tokenize } from '../text/tokenize.js';
import { applyRules } from '../untrusted/index.js';
import { topK } from './top-k.js';

/** One lexical hit: catalog position and BM25 score. */
export interface LexicalHit {
  position: number;
  score: number;
}

/** The arrays a lexical index is made of, for saving and reopening it without rebuilding. */
export interface LexicalTables {
  /** Indexed words, by word id. */
  terms: string[];
  /** Where each word's postings start (one more entry than words). */
  postingStart: Uint32Array;
  postingDocuments: Uint32Array;
  postingWeights: Float32Array;
  /** Per catalog position: BM25's length normalisation. */
  lengthNorm: Float32Array;
}

/** How much a word counts by the field it is in (BM25F-style weighted term frequency). */
const fieldWeights = { title: 3, people: 2, genres: 1.5, other: 1 };
const k1 = 1.2;
const b = 0.75;
/** Long dialogue queries cost one posting-list walk per word; the most recent words matter most. */
const maxQueryTerms = 32;

function weightedTerms(item: CatalogItem, catalog: Catalog): Map<string, number> {
  const out = new Map<string, number>();
  // An escape sequence in catalog text is dropped whole, not split into words ("0", "pwned").
  const add = (text: string, weight: number) => {
    for (const token of tokenize(applyRules(text, ' '))) out.set(token, (out.get(token) ?? 0) + weight);
  };
  add(item.title, fieldWeights.title);
  add(item.people.join(' '), fieldWeights.people);
  add(item.genres.join(' '), fieldWeights.genres);
  const { mapping } = catalog;
  for (const field of [...mapping.text, ...mapping.lists]) {
    const value = item.fields[field];
    if (value !== undefined) add(Array.isArray(value) ? value.join(' ') : String(value), fieldWeights.other);
  }
  return out;
}

/**
 * BM25 over title, people, genres and text fields, with posting lists in typed arrays so a query
 * touches only the documents that contain its words and keeps the top k with a heap. (MiniSearch
 * scored and sorted every match, about 140 ms a query on a 100k catalog.)
 */
export class LexicalIndex {
  private readonly scores: Float64Array;
  private readonly touched: Uint32Array;

  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly postingStart: Uint32Array,
    private readonly postingDocuments: Uint32Array,
    private readonly postingWeights: Float32Array,
    private readonly lengthNorm: Float32Array,
  ) {
    this.scores = new Float64Array(lengthNorm.length);
    this.touched = new Uint32Array(lengthNorm.length);
  }

  static build(catalog: Catalog): LexicalIndex {
    const documents = catalog.items.map((item) => weightedTerms(item, catalog));
    const vocabulary = new Map<string, number>();
    const frequency: number[] = [];
    let totalLength = 0;
    const lengths = new Float64Array(documents.length);
    documents.forEach((terms, position) => {
      for (const [term, weight] of terms) {
        let id = vocabulary.get(term);
        if (id === undefined) {
          id = frequency.length;
          vocabulary.set(term, id);
          frequency.push(0);
        }
        frequency[id]!++;
        lengths[position]! += weight;
      }
      totalLength += lengths[position]!;
    });
    const postingStart = new Uint32Array(frequency.length + 1);
    frequency.forEach((count, id) => (postingStart[id + 1] = postingStart[id]! + count));
    const cursor = postingStart.slice(0, frequency.length);
    const postingDocuments = new Uint32Array(postingStart[frequency.length]!);
    const postingWeights = new Float32Array(postingDocuments.length);
    documents.forEach((terms, position) => {
      for (const [term, weight] of terms) {
        const id = vocabulary.get(term)!;
        const slot = cursor[id]!++;
        postingDocuments[slot] = position;
        postingWeights[slot] = weight;
      }
    });
    const average = totalLength / Math.max(documents.length, 1) || 1;
    const lengthNorm = Float32Array.from(lengths, (length) => k1 * (1 - b + (b * length) / average));
    return new LexicalIndex(vocabulary, postingStart, postingDocuments, postingWeights, lengthNorm);
  }

  /** The index as plain arrays (views, not copies), for `fromTables`. */
  tables(): LexicalTables {
    return {
      terms: [...this.vocabulary.keys()],
      postingStart: this.postingStart,
      postingDocuments: this.postingDocuments,
      postingWeights: this.postingWeights,
      lengthNorm: this.lengthNorm,
    };
  }

  /** The index saved with `tables()`, without rebuilding it from the catalog. */
  static fromTables(tables: LexicalTables): LexicalIndex {
    const vocabulary = new Map<string, number>();
    tables.terms.forEach((term, id) => vocabulary.set(term, id));
    return new LexicalIndex(
      vocabulary,
      tables.postingStart,
      tables.postingDocuments,
      tables.postingWeights,
      tables.lengthNorm,
    );
  }

  /** How many items use a (folded, tokenized) word anywhere in their text: how common the word is. */
  documentFrequency(word: string): number {
    const id = this.vocabulary.get(word);
    return id === undefined ? 0 : this.postingStart[id + 1]! - this.postingStart[id]!;
  }

  /** How many items the index holds. */
  get size(): number {
    return this.lengthNorm.length;
  }

  /** Top `k` positions for a free-text query; empty when the query has no indexed words. */
  search(query: string, k: number): LexicalHit[] {
    const terms = [...new Set(tokenize(query).slice(-maxQueryTerms))];
    const documentCount = this.lengthNorm.length;
    const { scores, touched } = this;
    let touchedCount = 0;
    for (const term of terms) {
      const id = this.vocabulary.get(term);
      if (id === undefined) continue;
      const start = this.postingStart[id]!;
      const end = this.postingStart[id + 1]!;
      const df = end - start;
      const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
      for (let slot = start; slot < end; slot++) {
        const position = this.postingDocuments[slot]!;
        const weight = this.postingWeights[slot]!;
        if (scores[position] === 0) touched[touchedCount++] = position;
        scores[position]! += (idf * weight * (k1 + 1)) / (weight + this.lengthNorm[position]!);
      }
    }
    const best = topK(touched, touchedCount, (position) => scores[position]!, k);
    const hits = best.map((position) => ({ position, score: scores[position]! }));
    for (let index = 0; index < touchedCount; index++) scores[touched[index]!] = 0;
    return hits;
  }
}
