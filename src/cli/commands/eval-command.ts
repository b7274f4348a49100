import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { ProtocolScores } from '../../eval/evaluate-retrieval.js';
import { runRedialEval } from '../../eval/run-redial-eval.js';
import type { RetrievalWeights } from '../../retrieval/retriever.js';

function row(name: string, scores: ProtocolScores): string {
  const cell = (value: number) => value.toFixed(3).padStart(7);
  return `${name.padEnd(12)}${String(scores.trials).padStart(7)}${cell(scores.recallAt1)}${cell(scores.recallAt10)}${cell(scores.recallAt50)}${cell(scores.ndcgAt10)}${cell(scores.candidateRecallAt100)}`;
}

/** `convrec eval`: offline retrieval evaluation on ReDial, as a table and a JSON report. */
export function registerEvalCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('eval')
    .description(
      'evaluate offline retrieval or the whole offline agent turn on ReDial (Recall@1/10/50, NDCG@10)',
    )
    .option('--dataset <dir>', 'ReDial folder (default: CONVREC_DATA_DIR or ../shared/data/redial)')
    .option('--split <split>', 'valid (tune here) or test (report here)', 'test')
    .option('--limit <n>', 'only the first n turns')
    .option(
      '--agent',
      'score the whole offline agent turn (understand, tools, rank, explain), not retrieval alone',
    )
    .option('--weights <json>', 'override retrieval weights, e.g. \'{"collaborative":2}\'')
    .option('--out <file>', 'JSON report path (default: reports/eval-<split>.json)')
    .option('--index-dir <dir>', 'where the ReDial index is cached', '.convrec/indexes/redial')
    .addHelpText(
      'after',
      '\nProtocols: "standard" ranks the whole catalog and lets already-mentioned movies count (comparable\nwith published numbers); "novel-only" drops them from ranking and targets. On valid, the\ncollaborative log is rebuilt per fold without the evaluated dialogues, so no target leaks.',
    )
    .action(
      async (options: {
        dataset?: string;
        split: string;
        limit?: string;
        weights?: string;
        out?: string;
        indexDir: string;
        agent?: boolean;
      }) => {
        if (options.split !== 'valid' && options.split !== 'test')
          throw new Error(`--split must be valid or test, got "${options.split}"`);
        let weights: Partial<RetrievalWeights> = {};
        if (options.weights) {
          try {
            weights = JSON.parse(options.weights) as Partial<RetrievalWeights>;
          } catch {
            throw new Error(`--weights is not valid JSON: ${options.weights}`);
          }
        }
        const limit = options.limit === undefined ? undefined : Number(options.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
          throw new Error(`--limit must be a positive whole number`);
        const dataset = resolve(options.dataset ?? config().dataDirectory);
        let lastReport = 0;
        const result = await runRedialEval({
          dataset,
          split: options.split,
          indexDirectory: options.indexDir,
          pipeline: options.agent ? 'agent' : 'retrieval',
          weights,
          ...(limit ? { limit } : {}),
          onProgress: (message, done, total) => {
            const now = Date.now();
            if (done !== undefined && total !== undefined && done !== total && now - lastReport < 1000)
              return;
            lastReport = now;
            process.stderr.write(`  ${message}${done !== undefined ? ` ${done}/${total}` : ''}\n`);
          },
        });
        console.log(
          `ReDial ${result.split} (${result.pipeline === 'agent' ? 'whole offline agent turn' : 'retrieval'}): ${result.turns} turns, log ${result.logSessions} sessions${result.folds > 1 ? ` (${result.folds} folds, eval dialogues held out)` : ''}`,
        );
        console.log(
          `${'protocol'.padEnd(12)}${'trials'.padStart(7)}${'R@1'.padStart(7)}${'R@10'.padStart(7)}${'R@50'.padStart(7)}${'N@10'.padStart(7)}${'C@100'.padStart(7)}`,
        );
        console.log(row('standard', result.standard));
        console.log(row('novel-only', result.novelOnly));
        console.log(
          `latency per turn: p50 ${result.latencyMs.p50.toFixed(1)} ms, p95 ${result.latencyMs.p95.toFixed(1)} ms`,
        );
        const out = options.out ?? join('reports', `eval-${result.pipeline}-${result.split}.json`);
        await mkdir(dirname(out), { recursive: true });
        await writeFile(
          out,
          JSON.stringify({ ...result, dataset, createdAt: new Date().toISOString() }, null, 2),
        );
        console.log(`report: ${out}`);
      },
    );
}
