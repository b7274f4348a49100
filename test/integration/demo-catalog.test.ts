import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRetrievalRequest } from '../../src/dialogue/build-retrieval-request.js';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { openRetriever } from '../../src/retrieval/open-retriever.js';
import type { Retriever } from '../../src/retrieval/index.js';

let directory: string;
let retriever: Retriever;
let genres: Set<string>;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-demo-'));
  ({ retriever } = await openRetriever({
    catalog: demoCatalogPath(),
    indexDirectory: join(directory, 'index'),
  }));
  genres = new Set(retriever.catalog.items.flatMap((item) => item.genres));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function ask(text: string, k = 5) {
  const { request } = buildRetrievalRequest([{ role: 'user', text }], retriever.components.titles, {
    genres,
  });
  return retriever.retrieve({ ...request, excludeSeen: true, k });
}

describe('the bundled demo catalog', () => {
  it('loads every row with no warnings', () => {
    expect(retriever.catalog.items.length).toBeGreaterThanOrEqual(300);
    expect(retriever.catalog.warnings).toEqual([]);
  });

  it('suggests the sequels for "something like The Godfather" and never the named film itself', async () => {
    const titles = (await ask('something like The Godfather')).map((candidate) => candidate.item.title);
    expect(titles).toContain('The Godfather Part II');
    expect(titles).not.toContain('The Godfather');
  });

  it('answers a request for a funny animated movie with animated or family films', async () => {
    const results = await ask('a funny animated movie for the kids');
    const fitting = results.filter((candidate) =>
      candidate.item.genres.some((genre) => genre === 'animation' || genre === 'family'),
    );
    expect(fitting.length).toBeGreaterThanOrEqual(4);
  });

  it('answers "something scary" with horror films first', async () => {
    const results = await ask('something scary with ghosts');
    expect(results[0]?.item.genres).toContain('horror');
    expect(
      results.filter((candidate) => candidate.item.genres.includes('horror')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('finds a film by what happens in it', async () => {
    const titles = (await ask('a clownfish father searches the ocean for his lost son', 3)).map(
      (candidate) => candidate.item.title,
    );
    expect(titles).toContain('Finding Nemo');
  });

  it('resolves loosely typed titles', () => {
    const resolve = (text: string) => retriever.components.titles.resolve(text, 1)[0]?.item.title;
    expect(resolve('the godfather 2')).toBe('The Godfather Part II');
    expect(resolve('jurasic park')).toBe('Jurassic Park');
    expect(resolve('super troopers')).toBe('Super Troopers');
    expect(resolve('amelie')).toBe('Amélie');
  });

  it('keeps hard constraints: science fiction after 2000 without a named director', async () => {
    const results = await retriever.retrieve({
      queries: ['space adventure'],
      filters: { yearFrom: 2000, genres: ['sci-fi'], excludePeople: ['Christopher Nolan'] },
      k: 10,
    });
    expect(results.length).toBe(10);
    for (const { item } of results) {
      expect(item.year).toBeGreaterThanOrEqual(2000);
      expect(item.genres).toContain('sci-fi');
      expect(item.people).not.toContain('Christopher Nolan');
    }
  });

  it('excludes a title the user disliked and its closest neighbours drop', async () => {
    const titles = (await ask('I did not like Toy Story, show me other animated films', 10)).map(
      (candidate) => candidate.item.title,
    );
    expect(titles).not.toContain('Toy Story');
    expect(titles.length).toBe(10);
  });
});
