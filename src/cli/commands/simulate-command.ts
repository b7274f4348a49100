import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { LanguageModel } from '../../model/language-model.js';
import { demoCatalogPath } from '../paths.js';
import { withRunProgress } from './eval-progress.js';
import { positiveWhole, prepareRun } from './evaluation-options.js';

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
  record?: string;
  replay?: string;
  concurrency?: string;
}

/** The LLM seeker over `model`, its prompt loaded and checked. */
async function llmSeekerOver(model: LanguageModel) {
  const [{ loadPrompt, promptsDirectory }, { llmSeeker }] = await Promise.all([
    import('../../prompts/load-prompt.js'),
    import('../../eval/simulate/index.js'),
  ]);
  const prompt = await loadPrompt(join(promptsDirectory(), 'simulated-seeker.md'));
  return llmSeeker({ model, prompt });
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
    .option(
      '--record <dir>',
      'with --seeker llm: store every model response in <dir> (a rerun resumes from it)',
    )
    .option('--replay <dir>', 'with --seeker llm: answer every model call from a recording, with no network')
    .option('--concurrency <n>', 'dialogues simulated at once (default 4 with --seeker llm, else 1)')
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
      if (options.seeker !== 'llm' && (options.record || options.replay))
        throw new Error('--record and --replay go with --seeker llm');
      // Loaded on demand: the simulator pulls in the whole agent and the evaluation loaders.
      const [{ loadEvalDataset }, simulate] = await Promise.all([
        import('../../eval/generic/index.js'),
        import('../../eval/simulate/index.js'),
      ]);
      const settings = config();
      const llm = options.seeker === 'llm';
      // Without the LLM seeker, --model names nothing this command calls.
      const { model: _unused, ...withoutModel } = options;
      const { model, concurrency, data, cacheLine } = await prepareRun(
        llm ? options : withoutModel,
        settings,
        { model: llm ? '--seeker llm' : undefined, defaultCatalog: settings.catalog ?? demoCatalogPath() },
      );
      const seeker = model ? await llmSeekerOver(model) : undefined;
      const { files, indexDirectory, title } = data;
      process.stderr.write('  loading catalog and turns\n');
      const dataset = await loadEvalDataset(files, limit ? { limit } : {});
      const run = await withRunProgress('simulating dialogues', (hooks) =>
        simulate.runSimulation(dataset, {
          indexDirectory,
          agent: options.agent as 'offline' | 'retrieval',
          ...(seeker ? { seeker } : {}),
          ...(model ? { models: [model] } : {}),
          concurrency,
          maxTurns,
          seed,
          ...(options.name ? { name: options.name } : {}),
          ...hooks,
        }),
      );
      console.log(`${title}: ${simulate.formatSimulationMarkdown(run.report)}`);
      console.log(`elapsed ${(run.report.elapsedMs / 1000).toFixed(1)} s`);
      const cache = cacheLine();
      if (cache) console.log(cache);
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
