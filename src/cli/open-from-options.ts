import { readMappingFile } from '../catalog/index.js';
import type { ConvrecConfig } from '../config/load-config.js';
import { OpenAIEmbeddingModel } from '../embeddings/openai-embedding-model.js';
import { openRetriever } from '../retrieval/index.js';
import { defaultIndexDirectory, demoCatalogPath } from './paths.js';
import { buildProgressReporter } from './progress.js';

/** Options shared by commands that open a catalog. */
export interface CatalogCliOptions {
  catalog?: string;
  indexDir?: string;
  log?: string;
  mapping?: string;
  rebuild?: boolean;
  quiet?: boolean;
}

/** Opens the catalog and index the options name (the demo catalog by default), building when stale. */
export async function openFromOptions(options: CatalogCliOptions, config: ConvrecConfig) {
  const catalogPath = options.catalog ?? config.catalog ?? demoCatalogPath();
  // CONVREC_INDEX_DIR is where indexes are kept: each catalog still gets its own folder in it.
  const indexDirectory = options.indexDir ?? defaultIndexDirectory(catalogPath, config.indexDirectory);
  const progress = buildProgressReporter();
  const embedder = config.openai.embeddingModel
    ? new OpenAIEmbeddingModel({
        model: config.openai.embeddingModel,
        ...(config.openai.apiKey ? { apiKey: config.openai.apiKey } : {}),
        ...(config.openai.baseURL ? { baseURL: config.openai.baseURL } : {}),
        ...(config.openai.embeddingDimensions ? { dimensions: config.openai.embeddingDimensions } : {}),
        ...(config.openai.timeoutMs ? { timeoutMs: config.openai.timeoutMs } : {}),
        deadlineMs: config.limits.modelDeadlineMs,
      })
    : undefined;
  if (embedder && !embedder.hasKnownDimensions) await embedder.detectDimensions();
  const started = performance.now();
  try {
    const opened = await openRetriever({
      catalog: catalogPath,
      ...(options.mapping ? { catalogOptions: { mapping: await readMappingFile(options.mapping) } } : {}),
      indexDirectory,
      ...(options.log ? { log: options.log } : {}),
      ...(embedder ? { embedder } : {}),
      rebuild: options.rebuild ? 'always' : 'if-stale',
      onProgress: options.quiet ? () => {} : progress.onProgress,
      onRebuild: (reason) => {
        if (!options.quiet) process.stderr.write(`Building the index in ${indexDirectory} (${reason})\n`);
      },
    });
    return { ...opened, catalogPath, indexDirectory, elapsedMs: performance.now() - started };
  } finally {
    progress.stop();
  }
}
