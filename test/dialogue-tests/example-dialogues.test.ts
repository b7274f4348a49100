import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { describeDialogues } from '../../src/dialogue-tests/index.js';

// The dialogue scripts in examples/dialogues, run in CI: one test per script.
const folder = join(import.meta.dirname, '..', '..', 'examples', 'dialogues');
const files = readdirSync(folder)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .sort()
  .map((name) => join(folder, name));

describeDialogues(files, { describe, it, afterAll });
