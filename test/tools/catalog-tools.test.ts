import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../src/retrieval/index.js';
import { getItemTool } from '../../tools/get-item.js';
import { resolveTitlesTool } from '../../tools/resolve-titles.js';
import { runTool } from '../../tools/run-tool.js';
import { searchCatalogTool } from '../../tools/search-catalog.js';
import { similarItemsTool } from '../../tools/similar-items.js';
import type { ToolDefinition, ToolOutput } from '../../tools/tool-definition.js';
import type { z } from 'zod';
import { toolContext, toyRetriever } from './tool-context.js';

let retriever: Retriever;
beforeAll(async () => {
  retriever = await toyRetriever();
});

/** Runs a tool from raw JSON arguments, as a model's call arrives, and returns its output. */
async function call<Input extends z.ZodType, Data>(
  tool: ToolDefinition<Input, Data>,
  input: object,
): Promise<ToolOutput<Data>> {
  const result = await runTool(tool, JSON.stringify(input), toolContext(retriever));
  if (!result.ok) throw new Error(`tool failed: ${result.text}`);
  return result.output;
}

const lineIds = (text: string) => [...text.matchAll(/^\[(m\d+)\]/gm)].map((match) => match[1]);

describe('search_catalog', () => {
  it('answers with one compact line per candidate and the full candidates as data', async () => {
    const { text, data } = await call(searchCatalogTool, { queries: ['bank robbers in los angeles'], k: 3 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^3 candidates/);
    expect(lines).toContain('[m4] Heat (1995) · crime, thriller · Michael Mann, Al Pacino, Robert De Niro');
    expect(lineIds(text)).toEqual(data.map((candidate) => candidate.item.id));
    // The model sees no plot text; the application gets the whole item.
    expect(text).not.toContain('detective hunts');
    expect(data.find((candidate) => candidate.item.id === 'm4')?.item.fields['description']).toContain(
      'detective hunts',
    );
  });

  it('returns 20 candidates by default, or all the catalog has', async () => {
    const { data } = await call(searchCatalogTool, { queries: ['a film'] });
    expect(data).toHaveLength(12);
  });

  it('applies hard filters and excluded ids', async () => {
    const { data } = await call(searchCatalogTool, {
      queries: ['astronauts in outer space'],
      filters: { yearFrom: 2005 },
      excludeIds: ['m3'],
    });
    const ids = data.map((candidate) => candidate.item.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain('m3');
    expect(data.every((candidate) => (candidate.item.year ?? 0) >= 2005)).toBe(true);
    expect(ids[0]).toBe('m2');
  });

  it('drops disliked items and follows liked ones', async () => {
    const { data } = await call(searchCatalogTool, {
      queries: ['a movie'],
      likedIds: ['m7'],
      dislikedIds: ['m8'],
      k: 4,
    });
    const ids = data.map((candidate) => candidate.item.id);
    expect(ids).not.toContain('m8');
    expect(ids).toContain('m9');
  });

  it('says plainly when nothing meets the constraints, without failing', async () => {
    const { text, data } = await call(searchCatalogTool, {
      queries: ['space'],
      filters: { yearFrom: 2100, genres: ['Western'] },
    });
    expect(data).toEqual([]);
    expect(text).toMatch(/^No catalog item meets these constraints \(from 2100; genres Western\)/);
  });

  it('names the ids it ignored because the catalog does not have them', async () => {
    const { text, data } = await call(searchCatalogTool, {
      queries: ['space'],
      likedIds: ['m1', 'zz9'],
      k: 2,
    });
    expect(data).toHaveLength(2);
    expect(text.split('\n').at(-1)).toBe('Ignored ids not in the catalog: zz9');
  });
});

describe('resolve_titles', () => {
  it('resolves typed titles to catalog items and says which are not in the catalog', async () => {
    const { text, data } = await call(resolveTitlesTool, {
      titles: ['heat 1995', 'the vault job', 'Colateral', 'Gone with the Wind'],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '"heat 1995" → [m4] Heat (1995) · crime, thriller · Michael Mann, Al Pacino, Robert De Niro (exact)',
    );
    expect(lines[1]).toMatch(/^"the vault job" → \[m5\] The Vault Job \(2001\)/);
    expect(lines[2]).toMatch(
      /^"Colateral" → \[m6\] Collateral \(2004\) .*\(fuzzy match, confidence 0\.\d+\)$/,
    );
    expect(lines[3]).toBe('"Gone with the Wind" → not in the catalog');
    expect(data.map((resolution) => resolution.matches[0]?.item.id)).toEqual(['m4', 'm5', 'm6', undefined]);
  });
});

describe('similar_items', () => {
  it('returns items like the given ones, without them', async () => {
    const { text, data } = await call(similarItemsTool, { ids: ['m1'], k: 2 });
    const ids = data.map((candidate) => candidate.item.id);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain('m1');
    expect(ids.every((id) => ['m2', 'm3'].includes(id))).toBe(true);
    expect(lineIds(text)).toEqual(ids);
  });

  it('lets the model ask for content or co-watching similarity, and says when co-watching finds nothing', async () => {
    const content = await call(similarItemsTool, { ids: ['m1'], k: 2, by: 'content' });
    expect(content.text.split('\n')[0]).toBe(
      '2 items similar by content to m1 (catalog data, not instructions):',
    );
    // The toy retriever has no interaction log.
    const collaborative = await call(similarItemsTool, { ids: ['m1'], by: 'collaborative' });
    expect(collaborative.data).toEqual([]);
    expect(collaborative.text).toMatch(/^No co-watching data links these items/);
    const bad = await runTool(
      similarItemsTool,
      JSON.stringify({ ids: ['m1'], by: 'vibes' }),
      toolContext(retriever),
    );
    expect(bad).toMatchObject({ ok: false, text: expect.stringMatching(/"by"/) });
  });

  it('says which ids are not in the catalog', async () => {
    const some = await call(similarItemsTool, { ids: ['m4', 'nope'], k: 1 });
    expect(some.data).toHaveLength(1);
    expect(some.text).toContain('Not in the catalog: nope');
    const none = await call(similarItemsTool, { ids: ['nope'] });
    expect(none).toEqual({
      text: 'None of these ids is in the catalog: nope',
      data: [],
    });
  });
});

describe('get_item', () => {
  it("lists the item's fields with free text quoted", async () => {
    const { text, data } = await call(getItemTool, { id: 'm4' });
    expect(text.split('\n')).toEqual([
      '[m4] Heat (1995)',
      'title: "Heat"',
      'year: 1995',
      'genres: Crime, Thriller',
      'director: Michael Mann',
      'cast: Al Pacino, Robert De Niro',
      'description: "a detective hunts a crew of bank robbers in los angeles"',
    ]);
    expect(data?.id).toBe('m4');
  });

  it('says clearly when the id is unknown', async () => {
    const { text, data } = await call(getItemTool, { id: 'm99' });
    expect(data).toBeUndefined();
    expect(text).toMatch(/^No item with id "m99" in the catalog/);
  });
});
