import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConvrecConfig } from '../../config/load-config.js';
import { readBenchmark } from '../../eval/understanding/benchmark-file.js';
import {
  runUnderstandingEval,
  type Tally,
  type UnderstandingEvalReport,
} from '../../eval/understanding/run-understanding-eval.js';
import { createOfflineReader } from '../../understanding/index.js';
import { openFromOptions } from '../open-from-options.js';
import { projectRoot } from '../paths.js';

const splits = ['test', 'train', 'dev', 'holdout', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'all'] as const;

function percent(tally: Tally): string {
  return `${((100 * tally.right) / Math.max(1, tally.total)).toFixed(1).padStart(5)}%`;
}

function table(title: string, rows: Tally[]): string {
  const width = Math.max(title.length, ...rows.map((row) => row.name.length)) + 2;
  return [
    `${title.padEnd(width)}${'right'.padStart(7)}${'of'.padStart(5)}${'share'.padStart(8)}`,
    ...rows.map(
      (row) =>
        `${row.name.padEnd(width)}${String(row.right).padStart(7)}${String(row.total).padStart(5)}${percent(row).padStart(8)}`,
    ),
  ].join('\n');
}

/** The report as text: overall, per phenomenon, per field, then the failures. */
export function formatUnderstandingReport(
  report: UnderstandingEvalReport,
  label: string,
  failures: boolean,
): string {
  const overall: Tally = { name: 'fully right', total: report.total, right: report.fullyRight };
  const lines = [
    `${label}: ${report.total} utterances, ${report.fullyRight} fully right (${percent(overall).trim()}), ${report.meanReadMs.toFixed(2)} ms per utterance`,
    '',
    table('phenomenon', report.byPhenomenon),
    '',
    table('field', report.byField),
  ];
  if (failures && report.failures.length > 0) {
    lines.push('', 'failures:');
    for (const failure of report.failures) {
      lines.push(`  ${failure.id} (${failure.phenomenon}): ${JSON.stringify(failure.text)}`);
      for (const miss of failure.misses)
        lines.push(`    ${miss.field}: expected ${miss.expected}, got ${miss.actual}`);
    }
  }
  return lines.join('\n');
}

/** Options of `convrec eval-understanding`. */
export interface EvalUnderstandingOptions {
  split: string;
  file?: string;
  failures?: boolean;
  json?: boolean;
  out?: string;
  currentYear: string;
  intent: string;
}

/** Scores the offline reader on the benchmark and prints the report. */
export async function runEvalUnderstanding(
  options: EvalUnderstandingOptions,
  config: () => ConvrecConfig,
): Promise<void> {
  if (!options.file && !(splits as readonly string[]).includes(options.split))
    throw new Error(`--split must be one of ${splits.join(', ')}, got "${options.split}"`);
  const currentYear = Number(options.currentYear);
  if (!Number.isInteger(currentYear))
    throw new Error(`--current-year must be a year, got "${options.currentYear}"`);
  const folder = join(projectRoot(), 'test', 'fixtures', 'understanding');
  const files = options.file
    ? [options.file]
    : options.split === 'all'
      ? ['train', 'dev', 'test', 'holdout', 'fresh', 'fresh2', 'fresh3', 'fresh4'].map((split) =>
          join(folder, `${split}.jsonl`),
        )
      : [join(folder, `${options.split}.jsonl`)];
  const lines = (await Promise.all(files.map((file) => readBenchmark(file)))).flat();
  const { retriever } = await openFromOptions({ quiet: true }, config());
  if (options.intent !== 'model' && options.intent !== 'rules')
    throw new Error(`--intent must be model or rules, got "${options.intent}"`);
  const reader = createOfflineReader(retriever.components, {
    currentYear,
    ...(options.intent === 'rules' ? { intentModel: 'rules' as const } : {}),
  });
  const report = await runUnderstandingEval({
    lines,
    catalog: retriever.catalog,
    reader,
    titles: retriever.components.titles,
    lexicon: reader.vocabulary.lexicon,
    years: reader.yearAnchors,
  });
  const label = `${options.file ?? `understanding benchmark, ${options.split} split`}, offline reader (intent: ${options.intent})`;
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(
    options.json
      ? JSON.stringify(report, null, 2)
      : formatUnderstandingReport(report, label, options.failures ?? false),
  );
}
