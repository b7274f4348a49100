import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemText } from '../../../src/catalog/index.js';
import { OfflineEmbedder } from '../../../src/embeddings/offline/offline-embedder.js';
import { IndexError } from '../../../src/errors/index.js';
import { thrownBy } from '../../helpers/errors.js';
import { tempDir, toyCatalog, writeText } from '../../helpers/toy-catalog.js';

const catalog = toyCatalog();
const texts = catalog.items.map((item) => itemText(item, catalog.mapping));

function cosine(left: number[], right: number[]): number {
  return left.reduce((sum, value, index) => sum + value * right[index]!, 0);
}

/** Catalog ids ordered by similarity to the query. */
function rank(embedder: OfflineEmbedder, query: string): string[] {
  const vector = embedder.embedSync(query);
  return catalog.items
    .map((item, position) => ({
      id: item.id,
      similarity: cosine(vector, embedder.embedSync(texts[position]!)),
    }))
    .sort((left, right) => right.similarity - left.similarity)
    .map((entry) => entry.id);
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('OfflineEmbedder', () => {
  it('is deterministic: fitting twice gives identical vectors', () => {
    const first = OfflineEmbedder.fit(texts, { dimensions: 8 });
    const second = OfflineEmbedder.fit(texts, { dimensions: 8 });
    for (const text of [...texts, 'astronauts lost in space'])
      expect(second.embedSync(text)).toEqual(first.embedSync(text));
  });

  it('produces unit vectors of the requested size, and reports it in its model id', () => {
    const embedder = OfflineEmbedder.fit(texts, { dimensions: 8 });
    expect(embedder.dimensions).toBe(8);
    expect(embedder.modelId).toBe('lsa-tfidf-8');
    const vector = embedder.embedSync(texts[0]!);
    expect(vector).toHaveLength(8);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
  });

  it('gives a zero vector for text with no known words', () => {
    const embedder = OfflineEmbedder.fit(texts, { dimensions: 8 });
    expect(embedder.embedSync('zzz qqq').every((value) => value === 0)).toBe(true);
  });

  it('ranks the items about the query topic first', () => {
    const embedder = OfflineEmbedder.fit(texts, { dimensions: 8 });
    expect(rank(embedder, 'astronauts in outer space').slice(0, 3).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(rank(embedder, 'bank robbers planning a heist')[0]).toBe('m5');
    expect(rank(embedder, 'strangers fall in love')[0]).toBe('m7');
  });

  it('embed() matches embedSync() and honours an aborted signal', async () => {
    const embedder = OfflineEmbedder.fit(texts, { dimensions: 8 });
    expect(await embedder.embed([texts[3]!, 'space'])).toEqual([
      embedder.embedSync(texts[3]!),
      embedder.embedSync('space'),
    ]);
    const controller = new AbortController();
    controller.abort();
    expect((await thrownBy(() => embedder.embed(['space'], controller.signal))).code).toBe('ABORTED');
  });

  it('round-trips through save and load with the same vectors', async () => {
    const embedder = OfflineEmbedder.fit(texts, { dimensions: 8 });
    await embedder.save(dir);
    expect((await readdir(dir)).sort()).toEqual(['embedder.bin', 'embedder.json']);
    const loaded = await OfflineEmbedder.load(dir);
    expect(loaded.dimensions).toBe(8);
    expect(loaded.modelId).toBe(embedder.modelId);
    for (const text of [...texts, 'astronauts lost in space']) {
      const original = embedder.embedSync(text);
      loaded.embedSync(text).forEach((value, index) => expect(value).toBeCloseTo(original[index]!, 5));
    }
  });

  it('refuses a missing, invalid or truncated saved embedder with INDEX_CORRUPT', async () => {
    const missing = await thrownBy(() => OfflineEmbedder.load(dir));
    expect(missing).toBeInstanceOf(IndexError);
    expect(missing.code).toBe('INDEX_CORRUPT');

    const embedder = OfflineEmbedder.fit(texts, { dimensions: 8 });
    await embedder.save(dir);
    await writeText(dir, 'embedder.bin', 'shrt');
    const truncated = await thrownBy(() => OfflineEmbedder.load(dir));
    expect(truncated.code).toBe('INDEX_CORRUPT');
    expect(truncated.message).toMatch(/embedder\.bin.*wrong size/);

    await writeText(dir, 'embedder.json', JSON.stringify({ format: 'something-else' }));
    const invalid = await thrownBy(() => OfflineEmbedder.load(dir));
    expect(invalid.code).toBe('INDEX_CORRUPT');
    expect(invalid.message).toMatch(/embedder\.json/);
  });

  // Bug: a saved embedder.bin whose length is not a multiple of 4 escapes as a raw RangeError.
  it('refuses an embedder.bin with a partial float as INDEX_CORRUPT', async () => {
    await OfflineEmbedder.fit(texts, { dimensions: 8 }).save(dir);
    await writeText(dir, 'embedder.bin', 'odd');
    expect((await thrownBy(() => OfflineEmbedder.load(dir))).code).toBe('INDEX_CORRUPT');
  });
});
