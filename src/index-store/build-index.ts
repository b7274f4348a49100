import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { itemText, type Catalog } from '../catalog/index.js';
import { buildCooccurrence, type CooccurrenceData } from '../collaborative/cooccurrence.js';
import type { InteractionLog } from '../collaborative/interaction-log.js';
import type { EmbeddingModel } from '../embeddings/embedding-model.js';
import { OfflineEmbedder } from '../embeddings/offline/offline-embedder.js';
import { ConvrecError } from '../errors/index.js';
import { LexicalIndex } from '../lexical/lexical-index.js';
import type { RetrievalComponents } from './retrieval-components.js';
import { TitleResolver } from '../titles/index.js';
import { HnswIndex, hnswParametersFor, type HnswParameters } from './hnsw-index.js';
import { componentFiles, encodeCooccurrence, encodeLexical, encodeTitles } from './component-files.js';
import { sealManifest } from './index-checksums.js';
import { indexFormat, type IndexManifest } from './manifest.js';

/** Build progress: the stage and, where known, how far it is. */
export interface BuildProgress {
  stage: 'embedder' | 'embedding' | 'graph' | 'lexical' | 'collaborative' | 'writing';
  done?: number;
  total?: number;
}

export interface BuildIndexOptions {
  catalog: Catalog;
  /** Default: the offline LSA embedder fitted on this catalog. */
  embedder?: EmbeddingModel;
  /** Offline embedder dimensions when no embedder is given. */
  dimensions?: number;
  log?: InteractionLog;
  hnsw?: Partial<HnswParameters>;
  onProgress?: (progress: BuildProgress) => void;
  signal?: AbortSignal;
  clock?: () => number;
}

/** An index built in memory, with its manifest; `save` writes it to a directory. */
export interface BuiltIndex {
  components: RetrievalComponents;
  manifest: IndexManifest;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new ConvrecError('ABORTED', 'index build was cancelled', { cause: signal.reason });
}

/** Embeds every item, builds the HNSW graph, the lexical index and (with a log) co-occurrence. */
export async function buildIndex(options: BuildIndexOptions): Promise<BuiltIndex> {
  const { catalog, log, onProgress, signal } = options;
  const clock = options.clock ?? Date.now;
  const started = clock();
  // Item texts are made batch by batch when the embedder is given: all of them at once only to fit one.
  const allTexts = options.embedder
    ? undefined
    : catalog.items.map((item) => itemText(item, catalog.mapping));
  onProgress?.({ stage: 'embedder' });
  const embedder =
    options.embedder ??
    OfflineEmbedder.fit(allTexts!, options.dimensions ? { dimensions: options.dimensions } : {});
  checkAborted(signal);

  // Row-major doubles off the JS heap: the graph gets exactly the embedder's values, without a
  // number[] per item (1M items would need ~1.6 GB of heap for those).
  const count = catalog.items.length;
  const { dimensions } = embedder;
  const vectors = new Float64Array(count * dimensions);
  const batch = Math.max(1, Math.min(embedder.maxBatchSize, 512));
  for (let start = 0; start < count; start += batch) {
    checkAborted(signal);
    const end = Math.min(count, start + batch);
    const texts =
      allTexts?.slice(start, end) ??
      catalog.items.slice(start, end).map((item) => itemText(item, catalog.mapping));
    const embedded = await embedder.embed(texts, signal);
    texts.forEach((_, offset) => {
      const vector = embedded[offset];
      if (vector?.length !== dimensions)
        throw new ConvrecError(
          'EMBEDDING_FAILED',
          `the embedder returned ${vector ? `${vector.length} dimensions` : 'no vector'} for item ${start + offset}, expected ${dimensions}`,
        );
      vectors.set(vector, (start + offset) * dimensions);
    });
    onProgress?.({ stage: 'embedding', done: end, total: count });
  }
  const parameters = { ...hnswParametersFor(count), ...options.hnsw };
  const graph = HnswIndex.build(vectors, dimensions, parameters, (done, total) =>
    onProgress?.({ stage: 'graph', done, total }),
  );
  checkAborted(signal);
  onProgress?.({ stage: 'lexical' });
  const lexical = LexicalIndex.build(catalog);
  let cooccurrence: CooccurrenceData | undefined;
  if (log) {
    onProgress?.({ stage: 'collaborative' });
    cooccurrence = buildCooccurrence(log.sessions, new Set(catalog.byId.keys()));
  }
  const popularity = cooccurrence?.popularity ?? {};
  const titles = new TitleResolver(catalog, (id) => popularity[id] ?? 0);

  const manifest: IndexManifest = {
    format: indexFormat,
    createdAt: new Date(clock()).toISOString(),
    buildMs: clock() - started,
    embedder: { provider: embedder.provider, modelId: embedder.modelId, dimensions: embedder.dimensions },
    hnsw: { space: 'cosine', ...parameters },
    catalog: {
      source: catalog.source,
      hash: catalog.hash,
      itemCount: catalog.items.length,
      skippedRows: catalog.skippedRows,
    },
    ...(log
      ? {
          log: {
            source: log.source,
            hash: hashLog(log),
            sessions: log.sessions.length,
            skippedLines: log.skipped.length,
          },
        }
      : {}),
  };
  return {
    components: {
      catalog,
      embedder,
      vectors: graph,
      lexical,
      titles,
      ...(cooccurrence ? { cooccurrence } : {}),
    },
    manifest,
  };
}

/**
 * Content hash of an interaction log: sha256 of its sessions as one JSON array, fed session by
 * session so the whole string is never built.
 */
export function hashLog(log: InteractionLog): string {
  const hash = createHash('sha256').update('[');
  log.sessions.forEach((session, index) => {
    if (index > 0) hash.update(',');
    hash.update(JSON.stringify(session));
  });
  return hash.update(']').digest('hex');
}

/**
 * Writes a built index to `directory`: everything goes to a temporary sibling first, which is then
 * renamed into place, so a crash never leaves a half-written index. Returns the manifest as written,
 * with each file's size and checksum.
 */
export async function saveIndex(built: BuiltIndex, directory: string): Promise<IndexManifest> {
  const target = resolve(directory);
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(dirname(target), { recursive: true });
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    const { components } = built;
    await components.vectors.save(temporary);
    await writeFile(
      join(temporary, 'ids.json'),
      JSON.stringify(components.catalog.items.map((item) => item.id)),
    );
    if (components.embedder instanceof OfflineEmbedder) await components.embedder.save(temporary);
    await writeFile(join(temporary, componentFiles.lexical), encodeLexical(components.lexical));
    await writeFile(join(temporary, componentFiles.titles), encodeTitles(components.titles));
    if (components.cooccurrence)
      await writeFile(
        join(temporary, componentFiles.cooccurrence),
        encodeCooccurrence(components.cooccurrence, components.catalog),
      );
    const manifest = await sealManifest(built.manifest, temporary);
    await writeFile(join(temporary, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const previous = `${target}.old-${process.pid}-${Date.now()}`;
    let hadPrevious = false;
    try {
      await rename(target, previous);
      hadPrevious = true;
    } catch {
      // nothing there yet
    }
    await rename(temporary, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
