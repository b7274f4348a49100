import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import { openFromOptions } from '../open-from-options.js';
import { displayText } from '../../untrusted/index.js';

async function directorySize(directory: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(directory)) total += (await stat(join(directory, entry))).size;
  return total;
}

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
    .action(
      async (catalog: string, options: { log?: string; out?: string; mapping?: string; json?: boolean }) => {
        const opened = await openFromOptions(
          {
            catalog,
            rebuild: true,
            ...(options.out ? { indexDir: options.out } : {}),
            ...(options.log ? { log: options.log } : {}),
            ...(options.mapping ? { mapping: options.mapping } : {}),
          },
          config(),
        );
        const { catalog: loaded, manifest, indexDirectory } = opened;
        const summary = {
          catalog: opened.catalogPath,
          items: loaded.items.length,
          skippedRows: loaded.skippedRows,
          droppedFields: loaded.warnings.filter((warning) => warning.kind === 'field').length,
          embedder: `${manifest.embedder.provider}/${manifest.embedder.modelId}`,
          dimensions: manifest.embedder.dimensions,
          logSessions: manifest.log?.sessions ?? 0,
          index: indexDirectory,
          indexBytes: await directorySize(indexDirectory),
          seconds: Math.round(opened.elapsedMs / 100) / 10,
        };
        if (options.json) {
          console.log(JSON.stringify({ ...summary, warnings: loaded.warnings.slice(0, 50) }, null, 2));
          return;
        }
        for (const warning of loaded.warnings.slice(0, 10)) {
          const where = warning.location.line ?? warning.location.key;
          console.error(
            displayText(
              `  warning ${warning.location.file}:${where}${warning.location.field ? ` ${warning.location.field}` : ''}: ${warning.message}`,
              { singleLine: true, maxLength: 500 },
            ),
          );
        }
        if (loaded.warnings.length > 10)
          console.error(`  … and ${loaded.warnings.length - 10} more warnings`);
        console.log(
          `Indexed ${summary.items} items (${summary.skippedRows} rows skipped, ${summary.droppedFields} fields dropped) in ${summary.seconds}s`,
        );
        console.log(`  embedder  ${summary.embedder}, ${summary.dimensions} dimensions`);
        if (summary.logSessions) console.log(`  log       ${summary.logSessions} sessions`);
        console.log(`  index     ${summary.index} (${(summary.indexBytes / 1e6).toFixed(1)} MB)`);
      },
    );
}
