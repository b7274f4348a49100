/**
 * How well a title several ReDial items share resolves without a log: for every such title key
 * whose log (the train sessions `--log` reads) names one item most often, whether the resolver's
 * first item is that one, in catalog order (before the catalog prior) and with the prior. Prints JSON.
 */
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { loadCatalog, type CatalogItem } from '../src/catalog/index.js';
import { buildCooccurrence } from '../src/collaborative/cooccurrence.js';
import { loadInteractionLog } from '../src/collaborative/interaction-log.js';
import { titleBase, titleKey } from '../src/titles/normalize-title.js';
import { TitleResolver } from '../src/titles/title-resolver.js';
import { redialAvailable } from './redial-bench.js';

const program = new Command()
  .name('bench:title-prior')
  .description('ambiguous ReDial titles resolved to the item the log mentions most, without the log')
  .option('--data <dir>', 'ReDial folder', process.env.CONVREC_DATA_DIR ?? '../shared/data/redial');

async function main(): Promise<void> {
  const options = program.parse().opts<{ data: string }>();
  const dataDir = resolve(options.data);
  const missing = redialAvailable(dataDir);
  if (missing) throw new Error(`ReDial data not found (${missing}): pass --data`);
  const catalog = await loadCatalog(join(dataDir, 'catalog.json'));
  const log = await loadInteractionLog(join(dataDir, 'train_sessions.jsonl'));
  const sessions = buildCooccurrence(log.sessions, new Set(catalog.byId.keys())).popularity;
  const count = (item: CatalogItem) => sessions[item.id] ?? 0;

  const byKey = new Map<string, CatalogItem[]>();
  for (const item of catalog.items) {
    const key = titleKey(titleBase(item));
    if (!key) continue;
    const items = byKey.get(key);
    if (items) items.push(item);
    else byKey.set(key, [item]);
  }
  const resolver = new TitleResolver(catalog);
  let ambiguous = 0;
  let decided = 0;
  let catalogOrder = 0;
  let prior = 0;
  for (const [key, items] of byKey) {
    if (items.length < 2) continue;
    ambiguous++;
    const [top, second] = [...items].sort((left, right) => count(right) - count(left));
    if (!top || count(top) === 0 || count(top) === count(second!)) continue;
    decided++;
    if (items[0] === top) catalogOrder++;
    if (resolver.resolve(key, 1)[0]?.item === top) prior++;
  }
  const share = (hits: number) => `${hits}/${decided} (${((100 * hits) / decided).toFixed(1)}%)`;
  const report = {
    titleKeysSharedByItems: ambiguous,
    decidedByLog: decided,
    mostMentionedFirst: { catalogOrder: share(catalogOrder), catalogPrior: share(prior) },
    heat: resolver.resolve('Heat', 1)[0]?.item.title,
    note: 'without the log; "decided" keys are those whose train-session log has one most-mentioned item',
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
