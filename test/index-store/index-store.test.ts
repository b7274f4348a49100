import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog/index.js';
import type { InteractionLog } from '../../src/collaborative/interaction-log.js';
import { OfflineEmbedder } from '../../src/embeddings/offline/offline-embedder.js';
import { IndexError } from '../../src/errors/index.js';
import {
  buildIndex,
  openIndex,
  openOrBuildIndex,
  readManifest,
  saveIndex,
  type BuildProgress,
} from '../../src/index-store/index.js';
import { Retriever } from '../../src/retrieval/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, toyJsonl, toyRows, writeText } from '../helpers/toy-catalog.js';

let dir: string;
let cleanup: () => Promise<void>;
let catalogFile: string;
let catalog: Catalog;
let indexDir: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  catalogFile = await writeText(dir, 'movies.jsonl', toyJsonl());
  catalog = await loadCatalog(catalogFile);
  indexDir = join(dir, 'index');
});
afterEach(async () => cleanup());

/** The toy catalog with one description changed, written to a new file. */
async function modifiedCatalog(): Promise<Catalog> {
  const rows = toyRows.map((row) =>
    row.id === 'm4' ? { ...row, description: 'a quiet film about gardening' } : row,
  );
  return loadCatalog(await writeText(dir, 'movies-v2.jsonl', toyJsonl(rows)));
}

async function saved(): Promise<void> {
  await saveIndex(await buildIndex({ catalog, dimensions: 8 }), indexDir);
}

describe('buildIndex', () => {
  it('describes what it was built from in the manifest', async () => {
    const built = await buildIndex({ catalog, dimensions: 8, clock: () => 1_700_000_000_000 });
    expect(built.manifest).toMatchObject({
      format: 'convrec-index-2',
      createdAt: new Date(1_700_000_000_000).toISOString(),
      embedder: { provider: 'offline', modelId: 'lsa-tfidf-8', dimensions: 8 },
      catalog: { source: catalogFile, hash: catalog.hash, itemCount: 12, skippedRows: 0 },
    });
    expect(built.manifest.log).toBeUndefined();
    expect(built.components.vectors.size).toBe(12);
  });

  it('reports progress through every stage and stops when aborted', async () => {
    const stages: BuildProgress['stage'][] = [];
    await buildIndex({ catalog, dimensions: 8, onProgress: (progress) => stages.push(progress.stage) });
    expect(new Set(stages)).toEqual(new Set(['embedder', 'embedding', 'graph', 'lexical']));
    const controller = new AbortController();
    controller.abort();
    expect(
      (await thrownBy(() => buildIndex({ catalog, dimensions: 8, signal: controller.signal }))).code,
    ).toBe('ABORTED');
  });
});

describe('saveIndex and openIndex', () => {
  it('opens a saved index that retrieves exactly like the one built in memory', async () => {
    const built = await buildIndex({ catalog, dimensions: 8 });
    const written = await saveIndex(built, indexDir);
    const opened = await openIndex({ catalog, directory: indexDir });
    expect(opened.manifest).toEqual(written);
    expect(written).toMatchObject(built.manifest);
    expect(opened.components.embedder.modelId).toBe('lsa-tfidf-8');
    const request = { queries: ['astronauts in outer space'], k: 5 };
    const fromMemory = await new Retriever(built.components).retrieve(request);
    const fromDisk = await new Retriever(opened.components).retrieve(request);
    expect(fromDisk.map((candidate) => candidate.item.id)).toEqual(
      fromMemory.map((candidate) => candidate.item.id),
    );
    expect(fromDisk[0]!.item.id).toMatch(/^m[123]$/);
  });

  it('writes atomically: no temporary or old directories are left behind, also when overwriting', async () => {
    await saved();
    await saved();
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['index', 'movies.jsonl']));
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-') || name.includes('.old-'))).toEqual(
      [],
    );
    expect(await readdir(indexDir)).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'ids.json',
        'hnsw.bin',
        'vectors.bin',
        'embedder.json',
        'embedder.bin',
      ]),
    );
  });

  it('records the size and SHA-256 of every file in the manifest, and the manifest’s own checksum', async () => {
    const written = await saveIndex(await buildIndex({ catalog, dimensions: 8 }), indexDir);
    const names = (await readdir(indexDir)).filter((name) => name !== 'manifest.json').sort();
    expect(Object.keys(written.files ?? {}).sort()).toEqual(names);
    const vectors = await readFile(join(indexDir, 'vectors.bin'));
    expect(written.files?.['vectors.bin']).toEqual({
      bytes: vectors.length,
      sha256: createHash('sha256').update(vectors).digest('hex'),
    });
    expect(written.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await readManifest(indexDir)).toEqual(written);
  });

  it('refuses an index built from another catalog with INDEX_MISMATCH and says how to rebuild', async () => {
    await saved();
    const changed = await modifiedCatalog();
    const error = await thrownBy(() => openIndex({ catalog: changed, directory: indexDir }));
    expect(error).toBeInstanceOf(IndexError);
    expect(error.code).toBe('INDEX_MISMATCH');
    expect(error.message).toContain('convrec index');
    expect(error.message).toContain(changed.source);
    expect(error.message).toContain(indexDir);
    expect((error as IndexError).directory).toBe(indexDir);
  });

  it('refuses an index built with another embedder', async () => {
    await saved();
    const other = OfflineEmbedder.fit(['space movie', 'space film', 'crime movie', 'crime story'], {
      dimensions: 2,
    });
    const error = await thrownBy(() => openIndex({ catalog, directory: indexDir, embedder: other }));
    expect(error.code).toBe('INDEX_MISMATCH');
    expect(error.message).toContain('lsa-tfidf-8');
    expect(error.message).toContain(other.modelId);
    expect(error.message).toContain('convrec index');
  });

  it('refuses an index built without the interaction log it is opened with', async () => {
    await saved();
    const log: InteractionLog = {
      source: 'log.jsonl',
      sessions: [{ sessionId: 's1', itemIds: ['m1', 'm2'] }],
      skipped: [],
    };
    const error = await thrownBy(() => openIndex({ catalog, directory: indexDir, log }));
    expect(error.code).toBe('INDEX_MISMATCH');
    expect(error.message).toContain('--log log.jsonl');
  });

  it('keeps the co-occurrence data of an index built with a log', async () => {
    const log: InteractionLog = {
      source: 'log.jsonl',
      sessions: [
        { sessionId: 's1', itemIds: ['m1', 'm2'] },
        { sessionId: 's2', itemIds: ['m1', 'm2', 'm4'] },
      ],
      skipped: [],
    };
    await saveIndex(await buildIndex({ catalog, dimensions: 8, log }), indexDir);
    const opened = await openIndex({ catalog, directory: indexDir, log });
    expect(opened.manifest.log).toMatchObject({ source: 'log.jsonl', sessions: 2 });
    expect(opened.components.cooccurrence?.popularity).toEqual({ m1: 2, m2: 2, m4: 1 });
  });

  it('opens the lexical index, title tables and co-occurrence exactly as they were built', async () => {
    const log: InteractionLog = {
      source: 'log.jsonl',
      sessions: [
        { sessionId: 's1', itemIds: ['m1', 'm2'] },
        { sessionId: 's2', itemIds: ['m4', 'm2', 'm1'] },
        { sessionId: 's3', itemIds: ['m6'] },
      ],
      skipped: [],
    };
    const built = await buildIndex({ catalog, dimensions: 8, log });
    await saveIndex(built, indexDir);
    expect(await readdir(indexDir)).toEqual(
      expect.arrayContaining(['lexical.bin', 'titles.bin', 'cooccurrence.bin']),
    );
    const { components } = await openIndex({ catalog, directory: indexDir, log });
    // Same counts, same key order (co-occurrence lists are walked in order).
    expect(JSON.stringify(components.cooccurrence)).toBe(JSON.stringify(built.components.cooccurrence));
    for (const query of ['bank heist', 'space astronauts', 'love', 'nothing-indexed-here'])
      expect(components.lexical.search(query, 5)).toEqual(built.components.lexical.search(query, 5));
    expect(components.lexical.documentFrequency('heist')).toBe(
      built.components.lexical.documentFrequency('heist'),
    );
    expect(components.titles.tables()).toEqual(built.components.titles.tables());
    for (const title of catalog.items.map((item) => item.title))
      expect(components.titles.resolve(title)).toEqual(built.components.titles.resolve(title));
  });

  it('treats an index written by an older convrec as stale and rebuilds it', async () => {
    await saved();
    const file = join(indexDir, 'manifest.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('convrec-index-2', 'convrec-index-1'));
    const error = await thrownBy(() => openIndex({ catalog, directory: indexDir }));
    expect(error.code).toBe('INDEX_MISMATCH');
    expect(error.message).toContain('another convrec version');
    const reopened = await openOrBuildIndex({ catalog, directory: indexDir, dimensions: 8 });
    expect(reopened.built).toBe(true);
  });

  it('reports a missing index directory as INDEX_NOT_FOUND', async () => {
    const error = await thrownBy(() => openIndex({ catalog, directory: join(dir, 'nowhere') }));
    expect(error.code).toBe('INDEX_NOT_FOUND');
    expect(error.message).toContain(join(dir, 'nowhere'));
  });

  it('reports an unreadable manifest as INDEX_CORRUPT', async () => {
    await saved();
    await writeFile(join(indexDir, 'manifest.json'), '{"format": "convrec-index-1", ');
    const error = await thrownBy(() => openIndex({ catalog, directory: indexDir }));
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toContain('manifest.json');
  });

  it('reports a manifest with a bad field as INDEX_CORRUPT naming the field', async () => {
    await saved();
    const manifest = JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')) as {
      embedder: { dimensions: unknown };
    };
    manifest.embedder.dimensions = 'eight';
    await writeFile(join(indexDir, 'manifest.json'), JSON.stringify(manifest));
    const error = await thrownBy(() => readManifest(indexDir));
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toContain('field "embedder.dimensions"');
  });

  it('reports missing or inconsistent index files as INDEX_CORRUPT', async () => {
    await saved();
    await writeFile(join(indexDir, 'ids.json'), JSON.stringify(['m2', 'm1']));
    expect((await thrownBy(() => openIndex({ catalog, directory: indexDir }))).code).toBe('INDEX_CORRUPT');
    await saved();
    await rm(join(indexDir, 'hnsw.bin'));
    expect((await thrownBy(() => openIndex({ catalog, directory: indexDir }))).code).toBe('INDEX_CORRUPT');
  });
});

describe('openOrBuildIndex', () => {
  it('builds a missing index once, then opens it', async () => {
    const first = await openOrBuildIndex({ catalog, directory: indexDir, dimensions: 8 });
    expect(first.built).toBe(true);
    const second = await openOrBuildIndex({ catalog, directory: indexDir, dimensions: 8 });
    expect(second.built).toBe(false);
    expect(second.manifest.createdAt).toBe(first.manifest.createdAt);
  });

  it('rebuilds a stale index for the changed catalog', async () => {
    await saved();
    const changed = await modifiedCatalog();
    const result = await openOrBuildIndex({ catalog: changed, directory: indexDir, dimensions: 8 });
    expect(result.built).toBe(true);
    expect(result.manifest.catalog.hash).toBe(changed.hash);
    const reopened = await openIndex({ catalog: changed, directory: indexDir });
    expect(reopened.manifest.catalog.source).toBe(changed.source);
  });

  it('throws instead of rebuilding with rebuild: "never", and always rebuilds with "always"', async () => {
    await saved();
    const changed = await modifiedCatalog();
    const error = await thrownBy(() =>
      openOrBuildIndex({ catalog: changed, directory: indexDir, rebuild: 'never' }),
    );
    expect(error.code).toBe('INDEX_MISMATCH');
    const forced = await openOrBuildIndex({ catalog, directory: indexDir, rebuild: 'always', dimensions: 8 });
    expect(forced.built).toBe(true);
  });

  // Caught by the checksum before OfflineEmbedder.load could throw a raw RangeError.
  it('rebuilds an index whose embedder file is damaged', async () => {
    await saved();
    await writeFile(join(indexDir, 'embedder.bin'), 'odd');
    const result = await openOrBuildIndex({ catalog, directory: indexDir, dimensions: 8 });
    expect(result.built).toBe(true);
  });
});

describe('hnswParametersFor', () => {
  it('keeps the small-catalog defaults and widens the graph and search for large catalogs', async () => {
    const { hnswParametersFor, defaultHnswParameters } = await import('../../src/index-store/index.js');
    expect(hnswParametersFor(6_583)).toEqual(defaultHnswParameters);
    const large = hnswParametersFor(100_000);
    expect(large.m).toBeGreaterThan(defaultHnswParameters.m);
    expect(large.efSearch).toBeGreaterThan(hnswParametersFor(20_000).efSearch);
  });
});
