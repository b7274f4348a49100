import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRedialEval } from '../../src/eval/run-redial-eval.js';

const dataset = resolve(process.env.CONVREC_DATA_DIR ?? '../shared/data/redial');
const available = existsSync(join(dataset, 'catalog.json'));
if (!available) console.warn(`skipping ReDial tests: no data at ${dataset} (set CONVREC_DATA_DIR)`);

describe.skipIf(!available)('offline retrieval on ReDial valid', () => {
  it('beats ranking by popularity on a sample of valid turns, with no target leaking through the log', async () => {
    const common = {
      dataset,
      split: 'valid' as const,
      indexDirectory: join(tmpdir(), 'convrec-test-redial-index'),
      limit: 300,
    };
    const ours = await runRedialEval(common);
    const popularity = await runRedialEval({
      ...common,
      weights: {
        dense: 0,
        lexical: 0,
        content: 0,
        collaborative: 0,
        genre: 0,
        recent: 0,
        disliked: 0,
        graph: 0,
        similarity: 0,
        popularity: 1,
      },
    });
    expect(ours.folds).toBe(5);
    expect(ours.logSessions).toBeLessThan(1813);
    expect(ours.standard.trials).toBeGreaterThan(300);
    expect(ours.standard.recallAt10).toBeGreaterThan(popularity.standard.recallAt10 * 1.5);
    expect(ours.standard.recallAt50).toBeGreaterThan(popularity.standard.recallAt50);
  });
});
