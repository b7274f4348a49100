import { loadCatalog, type Catalog, type LoadCatalogOptions } from '../catalog/index.js';
import { loadInteractionLog } from '../collaborative/interaction-log.js';
import type { EmbeddingModel } from '../embeddings/embedding-model.js';
import { openOrBuildIndex, type BuildProgress, type IndexManifest } from '../index-store/index.js';
import { defaultRetrievalWeights, type RetrievalWeights } from './retrieval-weights.js';
import { Retriever } from './retriever.js';

export interface OpenRetrieverOptions {
  catalog: string | Catalog;
  catalogOptions?: LoadCatalogOptions;
  /** Index directory; built there when missing or stale. */
  indexDirectory: string;
  /** Interaction log (JSONL of `{session_id|user_id, item_ids[]}`) for the collaborative signal. */
  log?: string;
  embedder?: EmbeddingModel;
  rebuild?: 'if-stale' | 'always' | 'never';
  weights?: Partial<RetrievalWeights>;
  onProgress?: (progress: BuildProgress) => void;
  /** Told why the index is being (re)built. */
  onRebuild?: (reason: string) => void;
  signal?: AbortSignal;
}

/** Loads a catalog, opens (or builds) its index and returns a ready retriever. */
export async function openRetriever(
  options: OpenRetrieverOptions,
): Promise<{ retriever: Retriever; manifest: IndexManifest; built: boolean; catalog: Catalog }> {
  const catalog =
    typeof options.catalog === 'string'
      ? await loadCatalog(options.catalog, options.catalogOptions)
      : options.catalog;
  const log = options.log ? await loadInteractionLog(options.log) : undefined;
  const { components, manifest, built } = await openOrBuildIndex({
    catalog,
    directory: options.indexDirectory,
    ...(log ? { log } : {}),
    ...(options.embedder ? { embedder: options.embedder } : {}),
    ...(options.rebuild ? { rebuild: options.rebuild } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onRebuild ? { onRebuild: options.onRebuild } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const retriever = new Retriever(components, { ...defaultRetrievalWeights, ...options.weights });
  return { retriever, manifest, built, catalog };
}
