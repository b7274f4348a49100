import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import { defaultIndexDirectory, demoCatalogPath } from '../paths.js';
import { buildProgressReporter, countProgressReporter } from '../progress.js';

interface SimulateCommandOptions {
  turns?: string;
  catalog?: string;
  log?: string;
  dataset?: string;
  split?: string;
  maxTurns: string;
  seeker: string;
  seed: string;
  limit?: string;
  agent: string;
  out?: string;
  name?: string;
  indexDir?: string;
  model?: string;
}

function positiveWhole(text: string, option: string): number {
  const value = Number(text);
  if (!(Number.isInteger(value) && value > 0))
    throw new Error(`${option} must be a positive whole number, got "${text}"`);
  return value;
}

/** The LLM seeker over the configured model, its prompt loaded and checked. */
async function llmSeekerFromConfig(settings: ConvrecConfig, model: string | undefined) {
  const [{ modelFromConfig }, { loadPrompt, promptsDirectory }, { llmSeeker }] = await Promise.all([
    import('../open-agent.js'),
    import('../../prompts/load-prompt.js'),
    import('../../eval/simulate/index.js'),
  ]);
  const languageModel = modelFromConfig(settings, model ? { model } : {});
  if (!languageModel)
    throw new Error(
      '--seeker llm needs an OpenAI-compatible endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL',
    );
  const prompt = await loadPrompt(join(promptsDirectory(), 'simulated-seeker.md'));
  return llmSeeker({ model: languageModel, prompt });
}

/** `convrec simulate`: simulated seekers with a hidden target talk to the agent; success and recall per turn. */
export function registerSimulateCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('simulate')
    .description(
      'interactive evaluation: a simulated user with a hidden target (from evaluation turns) talks to the agent; success within n turns, recall@10 per turn',
    )
    .option('--turns <file>', "JSONL of evaluation turns; each turn's first target is hidden from the agent")
    .option('--catalog <file>', 'catalog of the turns (default: CONVREC_CATALOG or the demo catalog)')
    .option('--log <file>', 'optional interaction log (evaluated dialogues are left out of it)')
    .option('--split <split>', 'without --turns: the ReDial split to simulate (valid or test)', 'test')
    .option('--dataset <dir>', 'ReDial folder (default: CONVREC_DATA_DIR or ../shared/data/redial)')
    .option('--max-turns <n>', 'agent turns before a dialogue fails', '5')
    .option(
      '--seeker <kind>',
      'rules (no model, deterministic with --seed) or llm (the configured OpenAI-compatible model plays the user)',
      'rules',
    )
    .option('--model <name>', 'with --seeker llm: the model that plays the user (default: CONVREC_MODEL)')
    .option('--seed <n>', "seeds the seeker's choices", '1')
    .option('--limit <n>', 'only the first n turns')
    .option(
      '--agent <agent>',
      'offline (the whole agent) or retrieval (baseline: retrieval on all seeker messages)',
      'offline',
    )
    .option('--out <file>', 'also write the report (and every dialogue) as JSON')
    .option('--name <name>', "the run's name in the report")
    .option('--index-dir <dir>', 'where the index is cached')
    .action(async (options: SimulateCommandOptions) => {
      if (options.agent !== 'offline' && options.agent !== 'retrieval')
        throw new Error(`--agent must be offline or retrieval, got "${options.agent}"`);
      if (options.seeker !== 'rules' && options.seeker !== 'llm')
        throw new Error(`--seeker must be rules or llm, got "${options.seeker}"`);
      const maxTurns = positiveWhole(options.maxTurns, '--max-turns');
      const seed = Number(options.seed);
      if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${options.seed}"`);
      const limit = options.limit === undefined ? undefined : positiveWhole(options.limit, '--limit');
      // Loaded on demand: the simulator pulls in the whole agent and the evaluation loaders.
      const [{ loadEvalDataset }, { redialFiles, checkDataset }, simulate] = await Promise.all([
        import('../../eval/generic/index.js'),
        import('../../eval/run-redial-eval.js'),
        import('../../eval/simulate/index.js'),
      ]);
      const settings = config();
      const seeker =
        options.seeker === 'llm' ? await llmSeekerFromConfig(settings, options.model) : undefined;
      const base = settings.indexDirectory ?? join(process.cwd(), '.convrec', 'indexes');
      let files: { catalog: string; turns: string; log?: string };
      let indexDirectory: string;
      let title: string;
      if (options.turns) {
        const catalog = options.catalog ?? settings.catalog ?? demoCatalogPath();
        files = { catalog, turns: options.turns, ...(options.log ? { log: options.log } : {}) };
        indexDirectory = options.indexDir ?? defaultIndexDirectory(catalog, join(base, 'eval'));
        title = options.turns;
      } else {
        if (options.catalog || options.log) throw new Error('--catalog and --log go with --turns');
        if (options.split !== 'valid' && options.split !== 'test')
          throw new Error(`--split must be valid or test, got "${options.split}"`);
        const dataset = resolve(options.dataset ?? settings.dataDirectory);
        await checkDataset(dataset, options.split);
        files = redialFiles(dataset, options.split);
        indexDirectory = options.indexDir ?? '.convrec/indexes/redial';
        title = `ReDial ${options.split}`;
      }
      process.stderr.write('  loading catalog and turns\n');
      const data = await loadEvalDataset(files, limit ? { limit } : {});
      const progress = buildProgressReporter();
      const dialoguesProgress = countProgressReporter('simulating dialogues');
      const controller = new AbortController();
      const interrupt = () => controller.abort(new Error('interrupted'));
      process.once('SIGINT', interrupt);
      let run: Awaited<ReturnType<typeof simulate.runSimulation>>;
      try {
        run = await simulate.runSimulation(data, {
          indexDirectory,
          agent: options.agent,
          ...(seeker ? { seeker } : {}),
          maxTurns,
          seed,
          ...(options.name ? { name: options.name } : {}),
          onProgress: (event) => {
            if (event.stage === 'index') progress.onProgress(event.build);
            else {
              progress.stop();
              dialoguesProgress.update(event.done, event.total);
            }
          },
          onRebuild: (reason) => process.stderr.write(`  building the index (${reason})\n`),
          signal: controller.signal,
        });
      } finally {
        progress.stop();
        dialoguesProgress.stop();
        process.off('SIGINT', interrupt);
      }
      console.log(`${title}: ${simulate.formatSimulationMarkdown(run.report)}`);
      console.log(`elapsed ${(run.report.elapsedMs / 1000).toFixed(1)} s`);
      if (options.out) {
        await mkdir(dirname(options.out), { recursive: true });
        await writeFile(
          options.out,
          JSON.stringify(
            { ...run.report, data: files, createdAt: new Date().toISOString(), dialogues: run.dialogues },
            null,
            2,
          ),
        );
        console.log(`report: ${options.out}`);
      }
    });
}
