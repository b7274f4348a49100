import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { readMappingFile } from '../../catalog/index.js';
import type { ConvrecConfig } from '../../config/load-config.js';
import {
  formatEvalMarkdown,
  loadEvalDataset,
  rankingLines,
  runEval,
  writeRankings,
  type EvalOptions,
  type EvalRun,
  type ProtocolScores,
} from '../../eval/generic/index.js';
import { ConvrecError } from '../../errors/index.js';
import { parseJson } from '../../model/index.js';
import {
  defaultRetrievalWeights,
  retrievalWeightsSchema,
  type RetrievalWeights,
} from '../../retrieval/index.js';
import { withRunProgress } from './eval-progress.js';
import { positiveWhole, prepareRun, type ResolvedData } from './evaluation-options.js';

interface EvalCommandOptions {
  dataset?: string;
  split: string;
  catalog?: string;
  turns?: string;
  log?: string;
  mapping?: string;
  limit?: string;
  weights?: string;
  out?: string;
  indexDir?: string;
  agent?: boolean;
  dumpRankings?: string;
  name?: string;
  model?: string;
  record?: string;
  replay?: string;
  concurrency?: string;
}

function row(name: string, scores: ProtocolScores): string {
  const cell = (value: number) => value.toFixed(3).padStart(7);
  return `${name.padEnd(12)}${String(scores.trials).padStart(7)}${cell(scores.recallAt1)}${cell(scores.recallAt10)}${cell(scores.recallAt50)}${cell(scores.ndcgAt10)}${cell(scores.candidateRecallAt100)}`;
}

/** `--weights` as partial retrieval weights; a CONFIG_INVALID error names the bad key. */
export function parseWeights(text: string | undefined): Partial<RetrievalWeights> {
  if (!text) return {};
  const json = parseJson(text);
  if (!json.ok)
    throw new ConvrecError('CONFIG_INVALID', `--weights is not valid JSON (${json.error}): ${text}`);
  const parsed = retrievalWeightsSchema.safeParse(json.value);
  if (parsed.success) {
    // JSON has no undefined: every key present is a number.
    const weights: Partial<RetrievalWeights> = {};
    for (const [key, value] of Object.entries(parsed.data))
      if (value !== undefined) weights[key as keyof RetrievalWeights] = value;
    return weights;
  }
  const issue = parsed.error.issues[0]!;
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown weight ${issue.keys.map((key) => `"${key}"`).join(', ')} (known: ${Object.keys(defaultRetrievalWeights).join(', ')})`
      : issue.path.length > 0
        ? `weight "${issue.path.join('.')}": ${issue.message}`
        : `expected an object of weights, e.g. '{"collaborative":2}' (${issue.message})`;
  throw new ConvrecError('CONFIG_INVALID', `--weights: ${message}`);
}

/** Runs the evaluation the options name: your own data set (--turns) or a ReDial split. */
async function evaluate(
  options: EvalCommandOptions,
  data: ResolvedData,
  common: Omit<EvalOptions, 'indexDirectory'>,
): Promise<EvalRun & { title: string; defaultOut: string; dataset?: string; split?: string }> {
  const limit = options.limit === undefined ? undefined : positiveWhole(options.limit, '--limit');
  const pipeline = common.model ? 'agent' : (common.pipeline ?? 'retrieval');
  const dataset = await loadEvalDataset(data.files, {
    ...(limit ? { limit } : {}),
    ...(options.mapping ? { catalogOptions: { mapping: await readMappingFile(options.mapping) } } : {}),
  });
  const { redial } = data;
  const run = await runEval(dataset, {
    ...(redial ? { name: `redial-${redial.split}-${pipeline}` } : {}),
    ...common,
    indexDirectory: data.indexDirectory,
  });
  const stem = redial ? redial.split : basename(data.files.turns, extname(data.files.turns));
  return {
    ...run,
    title: data.title,
    defaultOut: join('reports', `eval-${pipeline}-${stem}.json`),
    ...(redial ? { dataset: redial.dataset, split: redial.split } : {}),
  };
}

/** `convrec eval`: offline evaluation on ReDial or on your own data, as tables and a JSON report. */
export function registerEvalCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('eval')
    .description(
      'evaluate retrieval or the whole agent turn (offline, or with --model) on ReDial or your own data (Recall@1/10/50, NDCG@10, MRR, popularity baseline, faithful explanations)',
    )
    .option('--dataset <dir>', 'ReDial folder (default: CONVREC_DATA_DIR or ../shared/data/redial)')
    .option('--split <split>', 'valid (tune here) or test (report here)', 'test')
    .option('--catalog <file>', 'your catalog (JSONL, JSON or CSV), with --turns: evaluate your own data')
    .option(
      '--turns <file>',
      'JSONL of {id, context: [{role, text}], target_ids[], mentioned_ids?, dialog_id?}',
    )
    .option('--log <file>', 'optional interaction log: JSONL of {session_id|user_id, item_ids[]}')
    .option('--mapping <file>', 'field mapping of the catalog (see convrec index --help)')
    .option('--limit <n>', 'only the first n turns')
    .option(
      '--agent',
      'score the whole offline agent turn (understand, tools, rank, explain), not retrieval alone',
    )
    .option('--weights <json>', 'override retrieval weights, e.g. \'{"collaborative":2}\'')
    .option(
      '--out <file>',
      'JSON report path (default: reports/eval-<retrieval|agent>-<split or turns file>.json)',
    )
    .option('--dump-rankings <file>', 'write {id, ranked_ids[], reason?} per turn as JSONL, best first')
    .option(
      '--name <name>',
      "the run's name in the report and in eval-plot (default: from the data and pipeline)",
    )
    .option(
      '--model <name>',
      'LLM mode: the agent understands, reranks and explains with this model of the configured OpenAI-compatible endpoint (implies --agent)',
    )
    .option('--record <dir>', 'store every model response in <dir> (a rerun answers from it and resumes)')
    .option(
      '--replay <dir>',
      'answer every model call from a recording: no network; a call not recorded stops the run',
    )
    .option('--concurrency <n>', 'turns evaluated at once (default 4 with a model, else 1)')
    .option(
      '--index-dir <dir>',
      'where the index is cached (default: .convrec/indexes/redial, or .convrec/indexes/eval/<catalog>-<hash>)',
    )
    .addHelpText(
      'after',
      '\nProtocols: "standard" ranks the whole catalog and lets already-mentioned items count (comparable\nwith published numbers); "novel-only" drops them from ranking and targets. When the log holds the\nevaluated dialogues (a session id equal to a turn\'s dialog_id, as on ReDial valid), it is rebuilt\nper fold without them, so no target leaks. The popularity baseline ranks the same turns by log\nmentions (catalog order without a log). Plot runs against each other with convrec eval-plot.',
    )
    .action(async (options: EvalCommandOptions) => {
      const { model, concurrency, data, cacheLine } = await prepareRun(options, config(), {
        model: undefined,
        defaultCatalog: undefined,
      });
      process.stderr.write('  loading catalog and turns\n');
      const run = await withRunProgress('evaluating turns', (hooks) =>
        evaluate(options, data, {
          pipeline: options.agent || model ? 'agent' : 'retrieval',
          ...(model ? { model } : {}),
          concurrency,
          weights: parseWeights(options.weights),
          ...(options.name ? { name: options.name } : {}),
          ...hooks,
        }),
      );
      const { report } = run;
      console.log(
        `${run.title} (${report.pipeline === 'agent' ? (model ? `whole agent turn with ${model.modelId}` : 'whole offline agent turn') : 'retrieval'}): ${report.turns} turns, ${report.logSessions > 0 ? `log ${report.logSessions} sessions` : 'no log'}${report.folds > 1 ? ` (${report.folds} folds, eval dialogues held out)` : ''}`,
      );
      console.log(
        `${'protocol'.padEnd(12)}${'trials'.padStart(7)}${'R@1'.padStart(7)}${'R@10'.padStart(7)}${'R@50'.padStart(7)}${'N@10'.padStart(7)}${'C@100'.padStart(7)}`,
      );
      console.log(row('standard', report.standard));
      console.log(row('novel-only', report.novelOnly));
      console.log(
        `latency per turn: p50 ${report.latencyMs.p50.toFixed(1)} ms, p95 ${report.latencyMs.p95.toFixed(1)} ms`,
      );
      const live = report.liveLatencyMs;
      if (live)
        console.log(
          `  without reading the dialogue so far into a state (a live session keeps its own): p50 ${live.p50.toFixed(1)} ms, p95 ${live.p95.toFixed(1)} ms`,
        );
      console.log(formatEvalMarkdown(report));
      const cache = cacheLine();
      if (cache) console.log(cache);
      console.log('');
      const out = options.out ?? run.defaultOut;
      await mkdir(dirname(out), { recursive: true });
      await writeFile(
        out,
        JSON.stringify(
          {
            ...report,
            ...(run.split ? { split: run.split } : {}),
            ...(run.dataset ? { dataset: run.dataset } : {}),
            createdAt: new Date().toISOString(),
          },
          null,
          2,
        ),
      );
      console.log(`report: ${out}`);
      if (options.dumpRankings) {
        await writeRankings(options.dumpRankings, rankingLines(run.outcomes));
        console.log(`rankings: ${options.dumpRankings}`);
      }
    });
}
