import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInteractionLog } from '../../src/collaborative/interaction-log.js';
import { loadEvalDataset } from '../../src/eval/generic/index.js';
import { loadEvalTurns } from '../../src/eval/redial-dataset.js';
import { redialFiles } from '../../src/eval/run-redial-eval.js';

const dataset = resolve(process.env.CONVREC_DATA_DIR ?? '../shared/data/redial');
const available = existsSync(join(dataset, 'catalog.json'));
if (!available) console.warn(`skipping ReDial adapter tests: no data at ${dataset} (set CONVREC_DATA_DIR)`);

describe.skipIf(!available)('the ReDial adapter over the generic format', () => {
  it('reads the same turns and log sessions as the ReDial loaders', async () => {
    for (const split of ['valid', 'test'] as const) {
      const files = redialFiles(dataset, split);
      const generic = await loadEvalDataset(files, { limit: 40 });
      const old = await loadEvalTurns(files.turns, 40);
      expect(generic.turns.map(({ turn }) => turn)).toEqual(
        old.map(({ id, dialog_id, context, target_ids, mentioned_ids }) => ({
          id,
          dialog_id,
          context,
          target_ids,
          mentioned_ids,
        })),
      );
      expect(generic.unknownTargets.count).toBe(0);
      const log = await loadInteractionLog(files.log);
      expect(log.skipped).toEqual([]);
      expect(generic.log).toEqual(log.sessions);
    }
  });
});
