import { spawnSync } from 'node:child_process';
import { readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog/index.js';
import type { InteractionLog } from '../../src/collaborative/interaction-log.js';
import { buildIndex, openOrBuildIndex, saveIndex } from '../../src/index-store/index.js';
import { Retriever } from '../../src/retrieval/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, toyJsonl, writeText } from '../helpers/toy-catalog.js';

let dir: string;
let cleanup: () => Promise<void>;
let catalog: Catalog;
let catalogFile: string;
/** Ids retrieved for each probe query by an untouched index. */
let expected: string[][];

const dimensions = 8;
const log: InteractionLog = {
  source: 'log.jsonl',
  sessions: [
    { sessionId: 's1', itemIds: ['m1', 'm2'] },
    { sessionId: 's2', itemIds: ['m4', 'm5', 'm6'] },
  ],
  skipped: [],
};
const probes = ['astronauts in outer space', 'bank robbers heist', 'a love story', 'animated family film'];

async function retrieved(retriever: Retriever): Promise<string[][]> {
  const out: string[][] = [];
  for (const query of probes) {
    out.push((await retriever.retrieve({ queries: [query], k: 6 })).map((candidate) => candidate.item.id));
  }
  return out;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  catalogFile = await writeText(dir, 'movies.jsonl', toyJsonl());
  catalog = await loadCatalog(catalogFile);
  expected = await retrieved(new Retriever((await buildIndex({ catalog, dimensions, log })).components));
});
afterAll(() => cleanup());

async function flipBit(file: string, offset: (size: number) => number, bit = 6): Promise<void> {
  const bytes = await readFile(file);
  const at = offset(bytes.length);
  bytes[at] = bytes[at]! ^ (1 << bit);
  await writeFile(file, bytes);
}

/** One way to damage an index directory, and the file its error must name. */
interface Tampering {
  name: string;
  names: string;
  tamper: (index: string) => Promise<void>;
  /** Default INDEX_CORRUPT. */
  code?: string;
}

const tamperings: Tampering[] = [
  // Unchecked, hnswlib segfaults on a flip in byte 0 or 52 (exit 139), aborts on byte 48 (exit 134)
  // and throws "Index seems to be corrupted" on byte 17.
  ...[0, 48, 52, 17].map((offset): Tampering => ({
    name: `a bit flip in byte ${offset} of the hnsw.bin header`,
    names: 'hnsw.bin',
    tamper: (index) => flipBit(join(index, 'hnsw.bin'), () => offset),
  })),
  {
    name: 'a bit flip in the middle of hnsw.bin',
    names: 'hnsw.bin',
    tamper: (index) => flipBit(join(index, 'hnsw.bin'), (size) => size >> 1, 0),
  },
  {
    name: 'zeroed vectors.bin of the right size',
    names: 'vectors.bin',
    tamper: async (index) => {
      const file = join(index, 'vectors.bin');
      await writeFile(file, new Uint8Array((await readFile(file)).length));
    },
  },
  {
    name: 'one float of vectors.bin changed',
    names: 'vectors.bin',
    tamper: (index) => flipBit(join(index, 'vectors.bin'), (size) => size - 2),
  },
  {
    name: 'hnsw.bin truncated to half',
    names: 'hnsw.bin',
    tamper: async (index) => {
      const file = join(index, 'hnsw.bin');
      await truncate(file, (await readFile(file)).length >> 1);
    },
  },
  {
    name: 'vectors.bin truncated by one float',
    names: 'vectors.bin',
    tamper: async (index) => {
      const file = join(index, 'vectors.bin');
      await truncate(file, (await readFile(file)).length - 4);
    },
  },
  {
    name: 'bytes appended to hnsw.bin',
    names: 'hnsw.bin',
    tamper: async (index) => writeFile(join(index, 'hnsw.bin'), 'trailing junk', { flag: 'a' }),
  },
  {
    name: 'hnsw.bin deleted',
    names: 'hnsw.bin',
    tamper: (index) => rm(join(index, 'hnsw.bin')),
  },
  {
    name: 'vectors.bin deleted',
    names: 'vectors.bin',
    tamper: (index) => rm(join(index, 'vectors.bin')),
  },
  {
    name: 'hnsw.bin and vectors.bin swapped',
    names: 'hnsw.bin',
    tamper: async (index) => {
      await rename(join(index, 'hnsw.bin'), join(index, 'swap'));
      await rename(join(index, 'vectors.bin'), join(index, 'hnsw.bin'));
      await rename(join(index, 'swap'), join(index, 'vectors.bin'));
    },
  },
  {
    name: 'hnsw.bin replaced by the graph of another build (another seed, same size)',
    names: 'hnsw.bin',
    tamper: async (index) => {
      const other = join(dir, 'other-seed');
      await saveIndex(await buildIndex({ catalog, dimensions, log, hnsw: { seed: 7 } }), other);
      await writeFile(join(index, 'hnsw.bin'), await readFile(join(other, 'hnsw.bin')));
    },
  },
  {
    name: 'ids.json reordered (same size)',
    names: 'ids.json',
    tamper: async (index) => {
      const file = join(index, 'ids.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"m1","m2"', '"m2","m1"'));
    },
  },
  {
    name: 'embedder.bin emptied',
    names: 'embedder.bin',
    tamper: (index) => writeFile(join(index, 'embedder.bin'), ''),
  },
  {
    name: 'a bit flip in embedder.bin',
    names: 'embedder.bin',
    tamper: (index) => flipBit(join(index, 'embedder.bin'), (size) => size >> 1),
  },
  {
    name: 'embedder.json edited',
    names: 'embedder.json',
    tamper: async (index) => {
      const file = join(index, 'embedder.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"dimensions":8', '"dimensions":9'));
    },
  },
  {
    name: 'a bit flip in cooccurrence.bin',
    names: 'cooccurrence.bin',
    tamper: (index) => flipBit(join(index, 'cooccurrence.bin'), (size) => size - 3),
  },
  {
    name: 'a bit flip in lexical.bin',
    names: 'lexical.bin',
    tamper: (index) => flipBit(join(index, 'lexical.bin'), (size) => size >> 1),
  },
  {
    name: 'titles.bin deleted',
    names: 'titles.bin',
    tamper: (index) => rm(join(index, 'titles.bin')),
  },
  {
    name: 'manifest edited: the HNSW search width',
    names: 'manifest.json',
    tamper: (index) => editManifest(index, (manifest) => (manifest.hnsw.efSearch = 1)),
  },
  {
    name: 'manifest edited: the vector dimensions',
    names: 'manifest.json',
    tamper: (index) => editManifest(index, (manifest) => (manifest.embedder.dimensions = 16)),
  },
  {
    name: 'manifest edited to record a damaged file’s new checksum',
    names: 'manifest.json',
    tamper: async (index) => {
      await writeFile(
        join(index, 'vectors.bin'),
        new Uint8Array((await readFile(join(index, 'vectors.bin'))).length),
      );
      const { checksumFile } = await import('../../src/index-store/index-checksums.js');
      const checksum = await checksumFile(join(index, 'vectors.bin'));
      await editManifest(index, (manifest) => (manifest.files['vectors.bin'] = checksum));
    },
  },
  {
    name: 'a manifest without checksums, as an older convrec wrote it',
    names: 'older convrec',
    code: 'INDEX_MISMATCH',
    tamper: (index) =>
      editManifest(index, (manifest) => {
        delete (manifest as Partial<typeof manifest>).files;
        delete (manifest as Partial<typeof manifest>).checksum;
      }),
  },
];

interface EditableManifest {
  hnsw: { efSearch: number };
  embedder: { dimensions: number };
  files: Record<string, unknown>;
  checksum: string;
}

async function editManifest(index: string, edit: (manifest: EditableManifest) => void): Promise<void> {
  const file = join(index, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as EditableManifest;
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest, null, 2));
}

async function tamperedIndex(tampering: Tampering, label: string): Promise<string> {
  const index = join(dir, `${label}-${tamperings.indexOf(tampering)}`);
  await saveIndex(await buildIndex({ catalog, dimensions, log }), index);
  await tampering.tamper(index);
  return index;
}

describe(`a tampered index (${tamperings.length} cases): never a native crash, never silently different results`, () => {
  it.each(tamperings)('$name: refused, naming the file and the rebuild command', async (tampering) => {
    const index = await tamperedIndex(tampering, 'refused');
    const error = await thrownBy(() =>
      openOrBuildIndex({ catalog, directory: index, log, rebuild: 'never' }),
    );
    expect(error.code).toBe(tampering.code ?? 'INDEX_CORRUPT');
    expect(error.message).toContain(tampering.names);
    expect(error.message).toContain(`convrec index ${catalogFile} --out ${index} --log log.jsonl`);
  });

  it.each(tamperings)(
    '$name: rebuilt when the catalog is at hand, with the right results',
    async (tampering) => {
      const index = await tamperedIndex(tampering, 'rebuilt');
      const reasons: string[] = [];
      const opened = await openOrBuildIndex({
        catalog,
        directory: index,
        log,
        dimensions,
        onRebuild: (reason) => reasons.push(reason),
      });
      expect(opened.built).toBe(true);
      expect(reasons).toHaveLength(1);
      expect(await retrieved(new Retriever(opened.components))).toEqual(expected);
      // The rebuilt index opens cleanly afterwards.
      const again = await openOrBuildIndex({ catalog, directory: index, log, rebuild: 'never' });
      expect(await retrieved(new Retriever(again.components))).toEqual(expected);
    },
  );

  it('through the CLI: a bit flip in hnsw.bin rebuilds the index instead of crashing natively', async () => {
    const index = join(dir, 'cli-index');
    await saveIndex(await buildIndex({ catalog, dimensions: 192 }), index);
    await flipBit(join(index, 'hnsw.bin'), () => 48);
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'search',
        'outer space',
        '--catalog',
        catalogFile,
        '--index-dir',
        index,
        '-k',
        '3',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CONVREC_EMBEDDING_MODEL: '' },
        timeout: 60_000,
      },
    );
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Building the index .*hnsw\.bin does not match the checksum/);
    expect(result.stdout).toMatch(/Star Voyage|Moon Station|Orbit/);
  });
});
