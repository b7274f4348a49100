import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { demoCatalogPath, packageRoot } from '../../paths/package-paths.js';
import { openRetriever } from '../../retrieval/index.js';
import { createOfflineReader } from '../../understanding/offline/index.js';
import { readBenchmark } from './benchmark-file.js';
import { trainIntentFromBenchmark } from './train-intent.js';

/**
 * `npm run train:intent`: fits the offline intent classifier on the understanding benchmark's train
 * split and writes src/understanding/offline/intent-model.json, formatted. Deterministic: the same reader
 * and corpus give the same file.
 */
const root = packageRoot();
const lines = await readBenchmark(join(root, 'test', 'fixtures', 'understanding', 'train.jsonl'));
const indexDirectory = join(root, '.convrec', 'indexes', 'train-intent');
const { retriever } = await openRetriever({ catalog: demoCatalogPath(), indexDirectory });
const reader = createOfflineReader(retriever.components, { currentYear: 2026, intentModel: 'rules' });
const model = trainIntentFromBenchmark(lines, reader, retriever.components.titles, reader.yearAnchors);
const target = join(root, 'src', 'understanding', 'offline', 'intent-model.json');
// Written as the formatter would write it, so a retrained model is the committed file byte for byte.
const options = await resolveConfig(target);
await writeFile(target, await format(JSON.stringify(model), { ...options, filepath: target }));
process.stderr.write(
  `trained on ${model.trainedOn.examples} utterances, ${Object.keys(model.weights).length} features → ${target}\n`,
);
