import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCatalogPath, packageRoot } from '../../paths/package-paths.js';
import { openRetriever } from '../../retrieval/open-retriever.js';
import { createOfflineReader } from '../../understanding/offline/index.js';
import { readBenchmark } from './benchmark-file.js';
import { trainIntentFromBenchmark } from './train-intent.js';

/**
 * `npm run train:intent`: fits the offline intent classifier on the understanding benchmark's train
 * split and writes src/understanding/offline/intent-model.json. Deterministic: the same reader and
 * corpus give the same file (a test checks it).
 */
const root = packageRoot();
const lines = await readBenchmark(join(root, 'test', 'fixtures', 'understanding', 'train.jsonl'));
const indexDirectory = join(root, '.convrec', 'indexes', 'train-intent');
const { retriever } = await openRetriever({ catalog: demoCatalogPath(), indexDirectory });
const reader = createOfflineReader(retriever.components, { currentYear: 2026, intentModel: 'rules' });
const model = trainIntentFromBenchmark(lines, reader, retriever.components.titles, reader.yearAnchors);
const target = join(root, 'src', 'understanding', 'offline', 'intent-model.json');
await writeFile(target, `${JSON.stringify(model)}\n`);
process.stderr.write(
  `trained on ${model.trainedOn.examples} utterances, ${Object.keys(model.weights).length} features → ${target}\n`,
);
