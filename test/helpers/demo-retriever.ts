import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { openRetriever } from '../../src/retrieval/open-retriever.js';
import type { Retriever } from '../../src/retrieval/index.js';

/** The bundled demo catalog with its index built in a temporary folder; `dispose` removes the folder. */
export async function openDemoRetriever(): Promise<{ retriever: Retriever; dispose: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'convrec-agent-'));
  const { retriever } = await openRetriever({
    catalog: demoCatalogPath(),
    indexDirectory: join(directory, 'index'),
  });
  return { retriever, dispose: () => rm(directory, { recursive: true, force: true }) };
}
