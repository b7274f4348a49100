import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/lexical/lexical-index.js';
import { topK } from '../../src/lexical/top-k.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog();
const index = LexicalIndex.build(catalog);
const titles = (query: string, k = 3) =>
  index.search(query, k).map((hit) => catalog.items[hit.position]!.title);

describe('LexicalIndex (BM25)', () => {
  it('finds items by the words of their description', () => {
    expect(titles('bank heist', 1)).toEqual(['The Vault Job']);
  });

  it('weighs a word in the title above the same word in a description', () => {
    expect(titles('ocean', 1)).toEqual(['Ocean Friends']);
  });

  it('finds items by the people in them', () => {
    expect(titles('Michael Mann', 2).sort()).toEqual(['Collateral', 'Heat']);
  });

  it('returns nothing for a query with no indexed words, and at most k hits, best first', () => {
    expect(index.search('the of and', 5)).toEqual([]);
    expect(index.search('zzzunknown', 5)).toEqual([]);
    const hits = index.search('space astronaut lonely', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it('indexes a title with an escape sequence by its clean words, not the sequence', () => {
    const escaped = toyCatalog([
      { id: 'v', title: 'Vault\u001b]0;pwned\u0007 Heist', genres: ['Crime'], description: 'robbers' },
      { id: 'p', title: 'Pwned', genres: ['Drama'], description: 'a hacker' },
    ]);
    const lexical = LexicalIndex.build(escaped);
    const found = (query: string) => lexical.search(query, 5).map((hit) => escaped.items[hit.position]!.id);
    expect(found('vault heist')).toEqual(['v']);
    expect(found('pwned')).toEqual(['p']);
  });

  it('gives the same answer when asked twice (no score left over from the previous query)', () => {
    const first = index.search('astronaut in space', 5);
    index.search('romance in paris', 5);
    expect(index.search('astronaut in space', 5)).toEqual(first);
  });
});

describe('topK', () => {
  it('agrees with a full sort on random scores', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const scores = Array.from({ length: 500 }, () => Math.round(random() * 50));
    const ids = Array.from({ length: 500 }, (_, id) => id);
    const expected = [...ids]
      .sort((left, right) => scores[right]! - scores[left]! || left - right)
      .slice(0, 20);
    expect(topK(ids, ids.length, (id) => scores[id]!, 20)).toEqual(expected);
  });

  it('handles k larger than the input and k = 0', () => {
    expect(topK([3, 1, 2], 3, (id) => id, 10)).toEqual([3, 2, 1]);
    expect(topK([3, 1, 2], 3, (id) => id, 0)).toEqual([]);
  });
});
