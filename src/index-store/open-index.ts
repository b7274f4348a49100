import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import type { CooccurrenceData } from '../collaborative/cooccurrence.js';
import type { InteractionLog } from '../collaborative/interaction-log.js';
import type { EmbeddingModel } from '../embeddings/embedding-model.js';
import { OfflineEmbedder } from '../embeddings/offline/offline-embedder.js';
import { IndexError, isConvrecError } from '../errors/index.js';
import type { RetrievalComponents } from './retrieval-components.js';
import { buildIndex, hashLog, saveIndex, type BuildProgress, type BuiltIndex } from './build-index.js';
import { componentFiles, decodeCooccurrence, decodeLexical, decodeTitles } from './component-files.js';
import { HnswIndex } from './hnsw-index.js';
import { readVerifiedFiles, verifyManifest } from './index-checksums.js';
import { indexFormat, manifestSchema, type IndexManifest } from './manifest.js';
import { TableFileError } from './table-file.js';

export interface OpenIndexOptions {
  catalog: Catalog;
  directory: string;
  /** Required when the index was built with a non-offline embedder. */
  embedder?: EmbeddingModel;
  /** When given, the index must have been built from this log. */
  log?: InteractionLog;
}

async function readJson(file: string, directory: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IndexError(
      missing ? 'INDEX_NOT_FOUND' : 'INDEX_CORRUPT',
      missing
        ? `no index in ${directory} (missing ${file})`
        : `cannot read ${file}: ${(error as Error).message}`,
      directory,
      error,
    );
  }
}

/** Reads and validates an index directory's manifest. */
export async function readManifest(directory: string): Promise<IndexManifest> {
  const json = await readJson(join(directory, 'manifest.json'), directory);
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format.startsWith('convrec-index-') && format !== indexFormat) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `the index in ${directory} was written by another convrec version (${format}, this one reads ${indexFormat})`,
      directory,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexError(
      'INDEX_CORRUPT',
      `${join(directory, 'manifest.json')}: field "${issue?.path.join('.')}" ${issue?.message}`,
      directory,
    );
  }
  return parsed.data;
}

/**
 * Loads a persisted index and checks it was built for this catalog, embedder and log, and that every
 * file matches the checksum in its manifest before anything decodes it; nothing is rebuilt and no
 * file is parsed item by item (each component file is read once and decoded as typed arrays). A mismatch (also an index saved
 * by an older convrec, without checksums) is refused with INDEX_MISMATCH, a damaged file or manifest
 * with INDEX_CORRUPT naming it, each with a message that says how to rebuild.
 */
export async function openIndex(
  options: OpenIndexOptions,
): Promise<{ components: RetrievalComponents; manifest: IndexManifest }> {
  const directory = resolve(options.directory);
  const { catalog } = options;
  const manifest = await readManifest(directory);
  const rebuild = `rebuild it with: convrec index ${catalog.source} --out ${options.directory}${options.log ? ` --log ${options.log.source}` : ''}`;
  verifyManifest(directory, manifest, rebuild);
  if (manifest.catalog.hash !== catalog.hash) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `the index in ${directory} was built from another catalog (${manifest.catalog.itemCount} items from ${manifest.catalog.source}, hash ${manifest.catalog.hash.slice(0, 12)}); this catalog has ${catalog.items.length} items, hash ${catalog.hash.slice(0, 12)}. ${rebuild}`,
      directory,
    );
  }
  const embedder = options.embedder;
  if (embedder) {
    const recorded = manifest.embedder;
    if (
      recorded.provider !== embedder.provider ||
      recorded.modelId !== embedder.modelId ||
      recorded.dimensions !== embedder.dimensions
    ) {
      throw new IndexError(
        'INDEX_MISMATCH',
        `the index in ${directory} was built with embedder ${recorded.provider}/${recorded.modelId} (${recorded.dimensions} dims), not ${embedder.provider}/${embedder.modelId} (${embedder.dimensions} dims). ${rebuild}`,
        directory,
      );
    }
  } else if (manifest.embedder.provider !== 'offline') {
    throw new IndexError(
      'INDEX_MISMATCH',
      `the index in ${directory} needs the ${manifest.embedder.provider}/${manifest.embedder.modelId} embedder; configure it, or ${rebuild}`,
      directory,
    );
  }
  if (options.log && manifest.log?.hash !== hashLog(options.log)) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `the index in ${directory} was built without this interaction log. ${rebuild}`,
      directory,
    );
  }

  const read = [
    'ids.json',
    'vectors.bin',
    componentFiles.lexical,
    componentFiles.titles,
    ...(embedder ? [] : ['embedder.json', 'embedder.bin']),
    ...(manifest.log ? [componentFiles.cooccurrence] : []),
  ];
  const files = await readVerifiedFiles(directory, manifest, read, rebuild);
  const contents = (name: string) => files.get(name)!;
  let ids: unknown;
  try {
    ids = JSON.parse(contents('ids.json').toString('utf8')) as unknown;
  } catch {
    ids = undefined;
  }
  if (
    !Array.isArray(ids) ||
    ids.length !== catalog.items.length ||
    ids.some((id, position) => id !== catalog.items[position]!.id)
  ) {
    throw new IndexError(
      'INDEX_CORRUPT',
      `ids.json in ${directory} does not match the catalog. ${rebuild}`,
      directory,
    );
  }
  let vectors: HnswIndex;
  try {
    vectors = await HnswIndex.load(
      directory,
      manifest.embedder.dimensions,
      manifest.hnsw,
      contents('vectors.bin'),
    );
  } catch (error) {
    throw new IndexError(
      'INDEX_CORRUPT',
      `cannot read the HNSW index in ${directory}. ${rebuild}`,
      directory,
      error,
    );
  }
  const loadedEmbedder =
    embedder ??
    OfflineEmbedder.fromFiles(
      contents('embedder.json').toString('utf8'),
      contents('embedder.bin'),
      directory,
    );
  const decode = <T>(name: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof TableFileError)) throw error;
      throw new IndexError(
        'INDEX_CORRUPT',
        `${name} in ${directory}: ${error.message}. ${rebuild}`,
        directory,
        error,
      );
    }
  };
  const cooccurrence: CooccurrenceData | undefined = manifest.log
    ? decode(componentFiles.cooccurrence, () =>
        decodeCooccurrence(contents(componentFiles.cooccurrence), catalog),
      )
    : undefined;
  const components: RetrievalComponents = {
    catalog,
    embedder: loadedEmbedder,
    vectors,
    lexical: decode(componentFiles.lexical, () => decodeLexical(contents(componentFiles.lexical))),
    titles: decode(componentFiles.titles, () => decodeTitles(contents(componentFiles.titles), catalog)),
    ...(cooccurrence ? { cooccurrence } : {}),
  };
  return { components, manifest };
}

export interface OpenOrBuildOptions extends OpenIndexOptions {
  /** `if-stale` (default): rebuild when missing or mismatched; `always`; `never`: throw instead. */
  rebuild?: 'if-stale' | 'always' | 'never';
  dimensions?: number;
  onProgress?: (progress: BuildProgress) => void;
  /** Told why the index is being (re)built, before the build starts. */
  onRebuild?: (reason: string) => void;
  signal?: AbortSignal;
}

/** Opens the index in `directory`, building and saving it first when it is missing or stale. */
export async function openOrBuildIndex(
  options: OpenOrBuildOptions,
): Promise<{ components: RetrievalComponents; manifest: IndexManifest; built: boolean }> {
  const mode = options.rebuild ?? 'if-stale';
  if (mode !== 'always') {
    try {
      return { ...(await openIndex(options)), built: false };
    } catch (error) {
      const stale =
        isConvrecError(error) && ['INDEX_NOT_FOUND', 'INDEX_MISMATCH', 'INDEX_CORRUPT'].includes(error.code);
      if (mode === 'never' || !stale) throw error;
      options.onRebuild?.(error.code === 'INDEX_NOT_FOUND' ? 'no index yet' : error.message.split('. ')[0]!);
    }
  }
  const built: BuiltIndex = await buildIndex({
    catalog: options.catalog,
    ...(options.embedder ? { embedder: options.embedder } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.dimensions ? { dimensions: options.dimensions } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  options.onProgress?.({ stage: 'writing' });
  const manifest = await saveIndex(built, options.directory);
  return { ...built, manifest, built: true };
}
