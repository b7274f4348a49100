/**
 * Shared by the examples (not one itself): the bundled demo catalog with its index, built on first
 * use under CONVREC_INDEX_DIR (default: convrec-examples in the system temp folder) and reused.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRetriever, type ConvrecConfig, type Retriever } from 'convrec';

export async function openDemoRetriever(config: ConvrecConfig): Promise<Retriever> {
  const catalog = fileURLToPath(new URL('./catalogs/movies.jsonl', import.meta.url));
  const indexDirectory = join(config.indexDirectory ?? join(tmpdir(), 'convrec-examples'), 'movies');
  const { retriever } = await openRetriever({
    catalog,
    indexDirectory,
    onRebuild: (reason) => console.log(`Building the index in ${indexDirectory} (${reason})…`),
  });
  return retriever;
}
