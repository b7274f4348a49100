import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { describeDialogues } from '../../src/dialogue-tests/index.js';

// Dialogue scripts written blind (from the format README, the labelling guide and the catalog only,
// never from the project's own scripts or code), in two batches, run in CI: one test per script.
// What the agent does not do yet is a known issue that must keep failing.
const files = ['dialogues-blind', 'dialogues-blind2'].flatMap((name) => {
  const folder = join(import.meta.dirname, '..', 'fixtures', name);
  return readdirSync(folder)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => join(folder, file));
});

describeDialogues(files, { describe, it, afterAll });
