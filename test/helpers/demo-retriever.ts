import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { openRetriever } from '../../src/retrieval/open-retriever.js';
import type { Retriever } from '../../src/retrieval/index.js';

const folderPrefix = 'convrec-test-demo-index-';

/**
 * Where this vitest worker keeps the demo catalog's index. Building it takes 1–3 s on two cores and
 * loading it about 0.1 s, and some thirty test files open it, so each worker builds it once. The
 * folder is named after the vitest run (the parent of every test file's process) and the worker
 * slot, whose files run one after another: no two processes ever write one folder.
 */
function workerIndexDirectory(): string {
  return join(tmpdir(), `${folderPrefix}${process.ppid}-${process.env.VITEST_POOL_ID ?? process.pid}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the index folders of vitest runs that have ended. */
async function removeEndedRuns(): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [])) {
    if (!name.startsWith(folderPrefix)) continue;
    const run = Number.parseInt(name.slice(folderPrefix.length), 10);
    if (run > 0 && !isRunning(run)) await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
}

async function openWorkerIndex(): Promise<Retriever> {
  const opened = await openRetriever({ catalog: demoCatalogPath(), indexDirectory: workerIndexDirectory() });
  return opened.retriever;
}

/** The first open in this process, which builds the worker's index when it is missing or stale. */
let firstOpen: Promise<Retriever> | undefined;

/**
 * A retriever over the bundled demo catalog, with its index built once per vitest worker (see
 * workerIndexDirectory). `dispose` is kept for callers: the folder stays for the worker's next file.
 */
export async function openDemoRetriever(): Promise<{ retriever: Retriever; dispose: () => Promise<void> }> {
  let retriever: Retriever;
  if (firstOpen) {
    await firstOpen.catch(() => undefined);
    retriever = await openWorkerIndex();
  } else {
    firstOpen = removeEndedRuns().then(openWorkerIndex);
    retriever = await firstOpen;
  }
  return { retriever, dispose: () => Promise.resolve() };
}
