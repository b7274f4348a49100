import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../src/retrieval/retriever.js';
import { createOfflineReader } from '../../src/understanding/offline/index.js';
import type { OfflineReader } from '../../src/understanding/offline/offline-reader.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
let reader: OfflineReader;

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
  reader = createOfflineReader(retriever.components, { currentYear: 2026 });
}, 120_000);

afterAll(async () => {
  await dispose();
});

const audiences = (text: string) =>
  reader.understand(text, { lastShown: [], hasRequest: false, answered: false }).audiences;

describe('ages in brackets', () => {
  it('reads the ages bracketed later in the clause of a person word', () => {
    expect(audiences('my nieces r coming tmrw (4 and 6), what cartoon can we put on')).toEqual([
      'young-kids',
    ]);
    expect(audiences('my son is visiting this weekend (14), any ideas?')).toEqual(['teens']);
  });

  it('reads no age from a bracketed year or score', () => {
    expect(audiences('something like Toy Story (1995) for my kids')).toEqual(['kids']);
    expect(audiences('loved Heat (9 out of 10), something similar')).toEqual([]);
  });
});
