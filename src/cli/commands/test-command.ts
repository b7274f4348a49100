import { join } from 'node:path';
import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { ScriptReport } from '../../dialogue-tests/index.js';
import { displayJson, displayText } from '../../untrusted/index.js';
import { defaultIndexDirectory } from '../paths.js';

export interface TestCommandOptions {
  catalog?: string;
  indexDir?: string;
  json?: boolean;
  bail?: boolean;
  failuresOnly?: boolean;
}

/** Where the command writes; the CLI passes stdout and stderr, tests collect lines. */
export interface TestCommandOutput {
  out(line: string): void;
  error(line: string): void;
  signal?: AbortSignal;
}

/**
 * Runs dialogue scripts and prints a line per expectation (or a JSON report) and a summary; no
 * control or escape sequence from a script, a model reply or a catalog is printed raw. Returns the
 * exit code: 0 when every expectation held and every script ran, else 1.
 */
export async function runTestCommand(
  patterns: string[],
  options: TestCommandOptions,
  config: ConvrecConfig,
  output: TestCommandOutput,
): Promise<number> {
  // Loaded on demand: --help and other commands never load the dialogue runner and the agent.
  const { createDialogueRunner, findDialogueScripts, formatScript, formatSummary, scriptPassed, summarize } =
    await import('../../dialogue-tests/index.js');
  const files = await findDialogueScripts(patterns);
  const runner = createDialogueRunner({
    ...(options.catalog ? { catalog: options.catalog } : {}),
    // Indexes are cached like every other command's, so a second run starts at once.
    indexDirectory: (catalog) =>
      options.indexDir
        ? defaultIndexDirectory(catalog, options.indexDir)
        : defaultIndexDirectory(catalog, config.indexDirectory ?? join(process.cwd(), '.convrec', 'indexes')),
    onIndexBuild: (catalog, reason) =>
      output.error(displayText(`Building the index of ${catalog} (${reason})`, { singleLine: true })),
    ...(output.signal ? { signal: output.signal } : {}),
  });
  try {
    const scripts: ScriptReport[] = [];
    for (const file of files) {
      const report = await runner.runFile(file);
      scripts.push(report);
      if (!options.json) for (const line of formatScript(report, options)) output.out(line);
      if (options.bail && !scriptPassed(report)) break;
    }
    const report = summarize(scripts);
    if (options.json) output.out(displayJson(report));
    else output.out(formatSummary(report));
    return report.ok ? 0 : 1;
  } finally {
    await runner.dispose();
  }
}

const formatHelp = `
A dialogue script (YAML or JSON) plays turns against the agent and checks each result:

  name: no horror, after 2000
  mode: offline                  # or scripted: a scripted model answers from each turn's model list
  catalog: ../catalogs/movies.jsonl   # relative to the script; default the bundled demo catalog
  turns:                         # or sessions: [{ user, turns }] sharing one profile store
    - say: a crime thriller after 2000, no horror   # or /more, /like N, /dislike N, /seen N, /why N
      expect:
        year_at_least: 2001
        exclude_genre: horror
        min_items: 5
        reply_mentions: from 2001 on
        tools: [search_catalog]
        max_llm_calls: 0

Expectations: include, exclude, first (titles, ids or {shown: N}), genre, exclude_genre, person,
exclude_person, year_at_least, year_at_most, items, min_items, max_items, new_items, reply_mentions,
reply_not_mentions, intent, tools, llm_calls, max_llm_calls, model_calls, degraded, feedback,
profile_mentions, cards_include, fenced_in_prompt, error. Unknown keys are errors. A known_issue
block ({reason, expect}) holds expectations that fail today and must keep failing.

Examples: examples/dialogues/ (convrec test examples/dialogues/*.yaml).
Exit code 0 when every expectation held, 1 when one failed or a script could not run.`;

/** `convrec test <scripts...>`: scripted dialogue tests. */
export function registerTestCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('test')
    .description('run scripted dialogue tests: one pass/fail line per expectation, exit code 1 on failure')
    .argument('<scripts...>', 'script files, folders or wildcards (dialogues/*.yaml)')
    .option('--catalog <file>', 'run every script against this catalog instead of its own')
    .option(
      '--index-dir <dir>',
      'where catalog indexes are kept (default: CONVREC_INDEX_DIR or .convrec/indexes)',
    )
    .option('--json', 'print the whole report as JSON')
    .option('--bail', 'stop after the first script that fails')
    .option('--failures-only', 'print only failed expectations and known issues')
    .addHelpText('after', formatHelp)
    .action(async (patterns: string[], options: TestCommandOptions) => {
      const controller = new AbortController();
      const interrupt = () => controller.abort();
      process.once('SIGINT', interrupt);
      try {
        process.exitCode = await runTestCommand(patterns, options, config(), {
          out: (line) => console.log(line),
          error: (line) => console.error(line),
          signal: controller.signal,
        });
      } finally {
        process.off('SIGINT', interrupt);
      }
    });
}
