import { afterAll, beforeAll } from 'vitest';
import type { Retriever } from '../../src/retrieval/index.js';
import { createOfflineReader } from '../../src/understanding/offline/index.js';
import type { OfflineReader } from '../../src/understanding/offline/offline-reader.js';
import { openDemoRetriever } from './demo-retriever.js';

/** The demo catalog's retriever and its offline reader, set before a test file's tests run. */
export interface DemoReader {
  retriever: Retriever;
  reader: OfflineReader;
}

/**
 * Builds the demo catalog's index and offline reader (year 2026) once for the calling test file, and
 * removes the index after its tests: `const demo = useDemoReader();` then `demo.reader.read(…)`.
 */
export function useDemoReader(): DemoReader {
  const demo = {} as DemoReader;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openDemoRetriever();
    dispose = opened.dispose;
    demo.retriever = opened.retriever;
    demo.reader = createOfflineReader(opened.retriever.components, { currentYear: 2026 });
  }, 120_000);
  afterAll(async () => {
    await dispose?.();
  });
  return demo;
}
