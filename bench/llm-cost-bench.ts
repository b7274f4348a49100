import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadCatalog } from '../src/catalog/index.js';
import { buildCooccurrence } from '../src/collaborative/cooccurrence.js';
import { loadInteractionLog } from '../src/collaborative/interaction-log.js';
import { loadEvalTurns } from '../src/eval/redial-dataset.js';
import { checkDataset } from '../src/eval/run-redial-eval.js';
import { openOrBuildIndex } from '../src/index-store/index.js';
import { Retriever } from '../src/retrieval/index.js';
import { loadO200kCounter } from '../src/usage/token-counter.js';
import { runCostBench, type CostTurnInput } from './llm-cost-run.js';
import { popularItems } from './llm-cost-script.js';
import { summarizeRun } from './llm-cost-stats.js';
import { formatCostTable } from './llm-cost-table.js';
import { machineInfo, progress, round } from './report.js';

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
}

function count(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
}

const program = new Command('llm-cost-bench')
  .description(
    'Measures the LLM cost of agent turns on ReDial without an LLM (scripted model, o200k_base tokens).',
  )
  .option(
    '--turns <n>',
    'first n ReDial turns of the split (turns not ending with a user message are skipped)',
    positive,
    50,
  )
  .addOption(new Option('--split <split>', 'ReDial split').choices(['valid', 'test']).default('valid'))
  .option(
    '--data <dir>',
    'ReDial folder (catalog.json, <split>_rec_turns.jsonl, train_sessions.jsonl)',
    '../shared/data/redial',
  )
  .option(
    '--index-dir <dir>',
    'where the ReDial content index is cached (built when missing)',
    '.convrec/indexes/redial',
  )
  .option('--out <file>', 'also write the JSON report here (folders are created)')
  .option('--k <n>', 'recommendations per turn', positive, 5)
  .option('--candidates <n>', 'candidates the reranker sees', positive, 40)
  .option('--proposals <n>', 'titles the scripted understanding proposes', count, 10)
  .option('--warmup <n>', 'turns run once per strategy first and not recorded', count, 1)
  .addHelpText(
    'after',
    [
      '',
      'The real agent turn runs in LLM mode with a scripted model whose answers are built from the dialogue',
      'and the prompt: an understanding JSON with 3 queries and ~10 popular proposed titles (never the',
      "turn's targets), rerank answers naming the prompt's first k cards with a ~15-word reason, window",
      'answers permuting the window. Every turn runs twice on the same candidates, with the one-pass and the',
      'sliding-window (RankGPT-style, window 20, step 10) reranker. Only cost is reported, never the scripted',
      "answers' quality. The co-occurrence log is rebuilt without the evaluated dialogues (no target leaks).",
      '',
      'Targets: ≤ 2 calls per turn, rerank input ≤ 3.5k tokens at 40 candidates, one-pass ≤ 0.5× the',
      "sliding window's rerank-stage tokens. The table goes to stdout, progress to stderr, the JSON to --out.",
      '',
      'Example:',
      '  npx tsx src/bench/llm-cost-bench.ts --turns 50 --out reports/llm-cost.json',
      '',
    ].join('\n'),
  );

interface Options {
  turns: number;
  split: 'valid' | 'test';
  data: string;
  indexDir: string;
  out?: string;
  k: number;
  candidates: number;
  proposals: number;
  warmup: number;
}

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<Options>();
  const dataset = resolve(options.data);
  await checkDataset(dataset, options.split);
  progress(`loading catalog, log and ${options.split} turns from ${dataset}`);
  const catalog = await loadCatalog(join(dataset, 'catalog.json'));
  const log = await loadInteractionLog(join(dataset, 'train_sessions.jsonl'));
  const all = await loadEvalTurns(join(dataset, `${options.split}_rec_turns.jsonl`));
  const usable = all.filter((turn) => turn.context.at(-1)?.role === 'user');
  const evalTurns = usable.slice(0, options.turns);
  const turns: CostTurnInput[] = evalTurns.map((turn) => ({
    id: turn.id,
    context: turn.context,
    excludeIds: [...turn.target_ids, ...turn.mentioned_ids],
  }));

  const { components, built } = await openOrBuildIndex({
    catalog,
    directory: resolve(options.indexDir),
    onRebuild: (reason) => progress(`building the content index (${reason})`),
    onProgress: (step) =>
      progress(`index: ${step.stage}${step.done !== undefined ? ` ${step.done}/${step.total}` : ''}`),
  });
  const held = new Set(evalTurns.map((turn) => turn.dialog_id));
  const sessions = log.sessions.filter((session) => !held.has(session.sessionId));
  const cooccurrence = buildCooccurrence(sessions, new Set(catalog.byId.keys()));
  const retriever = new Retriever({ ...components, cooccurrence });
  progress(
    `${catalog.items.length} items; index ${built ? 'built' : 'opened'}; log ${sessions.length} of ${log.sessions.length} sessions (${held.size} evaluated dialogues held out)`,
  );
  const tokenCounter = await loadO200kCounter();

  const started = performance.now();
  let lastReport = 0;
  const run = await runCostBench(
    {
      retriever,
      tokenCounter,
      popular: popularItems(retriever),
      k: options.k,
      rerankCandidates: options.candidates,
      proposals: options.proposals,
    },
    turns,
    {
      warmup: options.warmup,
      onTurn: (done, total) => {
        if (done !== total && performance.now() - lastReport < 2000) return;
        lastReport = performance.now();
        progress(`turn ${done}/${total} (one-pass and sliding-window)`);
      },
    },
  );
  const summary = summarizeRun(run, options.candidates);
  const title = `LLM cost per turn: ${turns.length} ReDial ${options.split} turns, scripted model, ${tokenCounter.name} tokens, k=${options.k}, ${options.candidates} candidates (window 20, step 10)`;
  process.stdout.write(`${formatCostTable({ title, ...summary })}\n`);

  if (options.out) {
    const report = {
      generatedAt: new Date().toISOString(),
      command: `npx tsx src/bench/llm-cost-bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
      options: { ...options, data: dataset },
      data: {
        split: options.split,
        turns: turns.length,
        skippedTurns: Math.min(all.length, options.turns) - evalTurns.length,
        logSessions: sessions.length,
        heldOutDialogues: held.size,
      },
      tokenizer: tokenCounter.name,
      note: 'Cost only: the scripted answers are plausible, not good, and their quality is not measured. Input tokens include the chat format overhead and, for understand, the JSON schema sent as response_format. Tokens are counted inside each scripted call and reported as a server would, so no meter tokenizes again during the turn. Non-LLM ms is the agent turn time minus the time inside model calls (which includes building the scripted answer and counting its tokens); each turn runs twice and the second run finds the retriever query and title caches warm, so the strategies alternate going first.',
      elapsedMs: round(performance.now() - started),
      machine: machineInfo(),
      ...summary,
      turns: { onePass: run.onePass, slidingWindow: run.slidingWindow },
    };
    const out = resolve(options.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    progress(`report written to ${out}`);
  }
  if (summary.comparison.differentCandidates.length > 0) {
    progress(
      `the strategies saw different candidates in ${summary.comparison.differentCandidates.length} turns: ${summary.comparison.differentCandidates.join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
