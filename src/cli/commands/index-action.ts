import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConvrecConfig } from '../../config/load-config.js';
import { openFromOptions } from '../open-from-options.js';
import { displayText } from '../../untrusted/index.js';

/** Options of `convrec index`. */
export interface IndexCommandOptions {
  log?: string;
  out?: string;
  mapping?: string;
  json?: boolean;
}

async function directorySize(directory: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(directory)) total += (await stat(join(directory, entry))).size;
  return total;
}

/** Builds and saves the index of `catalog`, then prints a summary (or JSON). */
export async function runIndex(
  catalog: string,
  options: IndexCommandOptions,
  config: () => ConvrecConfig,
): Promise<void> {
  const opened = await openFromOptions(
    {
      catalog,
      rebuild: true,
      ...(options.out ? { indexDir: options.out } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
    },
    config(),
  );
  const { catalog: loaded, manifest, indexDirectory } = opened;
  const summary = {
    catalog: opened.catalogPath,
    items: loaded.items.length,
    skippedRows: loaded.skippedRows,
    droppedFields: loaded.warnings.filter((warning) => warning.kind === 'field').length,
    embedder: `${manifest.embedder.provider}/${manifest.embedder.modelId}`,
    dimensions: manifest.embedder.dimensions,
    logSessions: manifest.log?.sessions ?? 0,
    index: indexDirectory,
    indexBytes: await directorySize(indexDirectory),
    seconds: Math.round(opened.elapsedMs / 100) / 10,
  };
  if (options.json) {
    console.log(JSON.stringify({ ...summary, warnings: loaded.warnings.slice(0, 50) }, null, 2));
    return;
  }
  for (const warning of loaded.warnings.slice(0, 10)) {
    const where = warning.location.line ?? warning.location.key;
    console.error(
      displayText(
        `  warning ${warning.location.file}:${where}${warning.location.field ? ` ${warning.location.field}` : ''}: ${warning.message}`,
        { singleLine: true, maxLength: 500 },
      ),
    );
  }
  if (loaded.warnings.length > 10) console.error(`  … and ${loaded.warnings.length - 10} more warnings`);
  console.log(
    `Indexed ${summary.items} items (${summary.skippedRows} rows skipped, ${summary.droppedFields} fields dropped) in ${summary.seconds}s`,
  );
  console.log(`  embedder  ${summary.embedder}, ${summary.dimensions} dimensions`);
  if (summary.logSessions) console.log(`  log       ${summary.logSessions} sessions`);
  console.log(`  index     ${summary.index} (${(summary.indexBytes / 1e6).toFixed(1)} MB)`);
}
