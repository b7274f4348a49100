import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { IndexCommandOptions } from './index-action.js';

/** `convrec index <catalog>`: builds and saves an index, with progress and a summary. */
export function registerIndexCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('index')
    .description('build the search index of a catalog (JSONL, JSON or CSV) and save it')
    .argument('<catalog>', 'catalog file: .jsonl, .json (array or object keyed by id) or .csv')
    .option(
      '--log <file>',
      'interaction log (JSONL of {session_id|user_id, item_ids[]}) for collaborative signals',
    )
    .option('--out <dir>', 'index directory (default: .convrec/indexes/<catalog name>-<hash>)')
    .option(
      '--mapping <file>',
      'JSON field mapping: {"id":..,"title":..,"year":..,"genres":..,"people":[..],"text":[..],"lexicon":{..}}',
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Fields are guessed from common names (id, title, year, genres, director, cast, description, plot);',
        'use --mapping for anything else. The mapping\'s "lexicon" (inline, or the path of a lexicon file)',
        "extends the movie concept lexicon for the catalog's domain. Rows missing an id or title are",
        'skipped and counted; more than 10% bad rows, duplicate ids or a malformed JSON file stop the build',
        'with the file, line and field.',
      ].join('\n'),
    )
    .action(async (catalog: string, options: IndexCommandOptions) => {
      // Loaded on demand: --help and other commands never load the index builder.
      const { runIndex } = await import('./index-action.js');
      await runIndex(catalog, options, config);
    });
}
