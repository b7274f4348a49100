import type { Command } from 'commander';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { ResolveOptions, SearchOptions } from './search-action.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `convrec search "<request>"`: one retrieval over the catalog, printed as cards or JSON. */
export function registerSearchCommand(program: Command, config: () => ConvrecConfig): void {
  program
    .command('search')
    .description('retrieve items for one request ("something like Heat but funnier")')
    .argument('<request...>', 'what you are looking for, in your own words; titles are recognised')
    .option('--catalog <file>', 'catalog file (default: the bundled demo catalog)')
    .option('--mapping <file>', 'field mapping (and concept lexicon) for --catalog, as for convrec index')
    .option('--index-dir <dir>', 'index directory (built when missing or stale)')
    .option('--log <file>', 'interaction log for collaborative signals')
    .option('-k, --k <n>', 'how many results', '5')
    .option('--year-from <year>', 'earliest release year')
    .option('--year-to <year>', 'latest release year')
    .option('--genre <genre>', 'only these genres (repeatable)', collect)
    .option('--exclude-genre <genre>', 'never these genres (repeatable)', collect)
    .option('--person <name>', 'only items naming this person (repeatable)', collect)
    .option('--exclude-person <name>', 'never items naming this person (repeatable)', collect)
    .option('--json', 'print candidates as JSON')
    .action(async (words: string[], options: SearchOptions) => {
      // Loaded on demand: --help and other commands never load the retriever.
      const { runSearch } = await import('./search-action.js');
      await runSearch(words, options, config);
    });

  program
    .command('resolve')
    .description('resolve a loosely typed title to catalog items ("the godfather 2", "Heat 1995")')
    .argument('<title...>', 'the title as a person would type it')
    .option('--catalog <file>', 'catalog file (default: the bundled demo catalog)')
    .option('--mapping <file>', 'field mapping (and concept lexicon) for --catalog, as for convrec index')
    .option('--index-dir <dir>', 'index directory')
    .option('--json', 'print matches as JSON')
    .action(async (words: string[], options: ResolveOptions) => {
      const { runResolve } = await import('./search-action.js');
      await runResolve(words, options, config);
    });
}
