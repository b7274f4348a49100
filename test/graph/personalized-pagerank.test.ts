import { describe, expect, it } from 'vitest';
import { buildCatalogGraph, personalizedPageRank } from '../../src/graph/index.js';
import { buildIndex } from '../../src/index-store/index.js';
import { defaultRetrievalWeights, Retriever } from '../../src/retrieval/index.js';
import { toyCatalog, type ToyRow } from '../helpers/toy-catalog.js';

/** Two directors' films, all dramas of the 1990s, plus unrelated films sharing only the genre. */
const rows: ToyRow[] = [
  {
    id: 'a1',
    title: 'First Light',
    year: 1991,
    genres: ['Drama'],
    director: ['Ann Auteur'],
    description: 'a',
  },
  {
    id: 'a2',
    title: 'Second Wind',
    year: 1994,
    genres: ['Drama'],
    director: ['Ann Auteur'],
    description: 'b',
  },
  { id: 'a3', title: 'Third Act', year: 1997, genres: ['Drama'], director: ['Ann Auteur'], description: 'c' },
  { id: 'b1', title: 'Harbour', year: 1992, genres: ['Drama'], director: ['Bob Builder'], description: 'd' },
  { id: 'b2', title: 'Quayside', year: 1995, genres: ['Drama'], director: ['Bob Builder'], description: 'e' },
  { id: 'u1', title: 'Elsewhere', year: 1993, genres: ['Drama'], cast: ['Cy Cast'], description: 'f' },
  { id: 'u2', title: 'Nowhere', year: 1996, genres: ['Drama'], cast: ['Cy Cast'], description: 'g' },
];

const catalog = toyCatalog(rows);
const positionOf = (id: string) => catalog.items.findIndex((item) => item.id === id);

function walkFrom(seeds: [string, number][]): Map<string, number> {
  const graph = buildCatalogGraph(catalog);
  const scores = personalizedPageRank(graph, new Map(seeds.map(([id, weight]) => [positionOf(id), weight])));
  return new Map(catalog.items.map((item, position) => [item.id, scores[position]!]));
}

describe('catalog graph walk', () => {
  it("ranks a director's other films above films sharing only genre and decade", () => {
    const scores = walkFrom([['a1', 1]]);
    for (const own of ['a2', 'a3'])
      for (const other of ['b1', 'b2', 'u1', 'u2'])
        expect(scores.get(own)!).toBeGreaterThan(scores.get(other)!);
  });

  it('walks away from a disliked seed: its director’s films lose to the rest', () => {
    const scores = walkFrom([
      ['u1', 1],
      ['b1', -0.5],
    ]);
    expect(scores.get('u2')!).toBeGreaterThan(scores.get('a2')!);
    expect(scores.get('a2')!).toBeGreaterThan(scores.get('b2')!);
  });

  it('leaves out entities of a single item (they lead nowhere)', () => {
    const graph = buildCatalogGraph(catalog);
    expect(graph.entityNames).toContain('person:ann auteur');
    expect(graph.entityNames.some((name) => name.startsWith('person:') && name.includes('cy cast'))).toBe(
      true,
    );
    expect(graph.entityNames).not.toContain('decade:2000');
  });

  it('feeds retrieval on a catalog with no interaction log', async () => {
    // The walk serves catalogs of a hundred items or more: the same films among 100 unrelated ones.
    const filler: ToyRow[] = Array.from({ length: 100 }, (_, index) => ({
      id: `z${index}`,
      title: `Filler ${index}`,
      year: 2010 + (index % 10),
      genres: ['Documentary'],
      cast: [`Person ${index}`],
      description: 'z',
    }));
    const { components } = await buildIndex({ catalog: toyCatalog([...rows, ...filler]), dimensions: 8 });
    expect(components.cooccurrence).toBeUndefined();
    const retriever = new Retriever(components, {
      ...defaultRetrievalWeights,
      graph: 5,
      dense: 0,
      lexical: 0,
      content: 0,
    });
    const results = await retriever.retrieve({ likedIds: ['b1'], excludeSeen: true, k: 3 });
    expect(results[0]!.item.id).toBe('b2');
    expect(results[0]!.ranks.graph).toBe(1);
  });

  it('stays out of a catalog of a few dozen items, where every genre is a tiny hub', async () => {
    const { components } = await buildIndex({ catalog, dimensions: 8 });
    const retriever = new Retriever(components, { ...defaultRetrievalWeights, graph: 5 });
    const results = await retriever.retrieve({ likedIds: ['b1'], excludeSeen: true, k: 3 });
    expect(results.every((result) => result.ranks.graph === undefined)).toBe(true);
  });
});
