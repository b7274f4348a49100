/**
 * Your own CSV catalog: board games instead of movies, with column names convrec cannot guess, mapped
 * explicitly. The index is built for this catalog; the recommender works the same on any domain.
 *
 *   npx tsx examples/own-catalog.ts "a cooperative game for the family"
 *   npx tsx examples/own-catalog.ts --catalog my-items.csv "something relaxing"
 *
 * With --catalog the mapping is inferred from the header (id, title/name, year, genres/category,
 * description, director/author/...); the mapping used is printed so you can see what was understood.
 * Offline unless an LLM is configured (OPENAI_API_KEY, or OPENAI_BASE_URL with CONVREC_MODEL).
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createRecommender,
  isConvrecError,
  loadCatalog,
  loadConfig,
  openRetriever,
  type CatalogMappingInput,
} from 'convrec';
import { configuredModel } from './configured-model.js';

const { values, positionals } = parseArgs({
  options: { catalog: { type: 'string' } },
  allowPositionals: true,
});

/** The bundled example: which CSV column means what. */
const boardGameMapping: CatalogMappingInput = {
  id: 'game_id',
  title: 'name',
  year: 'year_published',
  genres: 'categories',
  people: ['designers'],
  lists: ['mechanics'],
  numbers: ['min_players', 'max_players', 'play_minutes'],
  text: ['description'],
  listSeparator: '|',
};

const file = values.catalog ?? fileURLToPath(new URL('./catalogs/board-games.csv', import.meta.url));
const request =
  positionals.join(' ').trim() ||
  (values.catalog ? 'something popular' : 'a cooperative game for the family');

const config = loadConfig();
const { model } = configuredModel(config);
// One index folder per catalog file, so the bundled catalog and yours do not overwrite each other.
const tag = createHash('sha256').update(resolve(file)).digest('hex').slice(0, 8);
const indexDirectory = join(
  config.indexDirectory ?? join(tmpdir(), 'convrec-examples'),
  `${basename(file, extname(file))}-${tag}`,
);

try {
  const catalog = await loadCatalog(file, values.catalog ? {} : { mapping: boardGameMapping });
  console.log(`${catalog.items.length} items from ${file}`);
  console.log(`mapping: ${JSON.stringify(catalog.mapping)}`);
  for (const warning of catalog.warnings.slice(0, 5)) console.log(`warning: ${warning.message}`);

  const { retriever } = await openRetriever({
    catalog,
    indexDirectory,
    onRebuild: (reason) => console.log(`Building the index in ${indexDirectory} (${reason})…`),
  });
  const recommender = await createRecommender({
    retriever,
    catalogKind: values.catalog ? 'title' : 'board game',
    ...(model ? { model } : {}),
  });

  const result = await recommender.session({ userId: 'example-user' }).send(request).result();
  console.log(`\n> ${request}\n${result.reply}`);
  result.recommendations.forEach(({ item, reason }, index) => {
    // Mapped columns are on item.fields, normalized: lists are arrays, numbers are numbers.
    const { min_players: min, max_players: max, play_minutes: minutes } = item.fields;
    const players = min === undefined ? '' : ` · ${min === max ? min : `${min}-${max}`} players`;
    const time = minutes === undefined ? '' : ` · ${minutes} min`;
    console.log(
      `${index + 1}. ${item.title}${item.year === undefined ? '' : ` (${item.year})`}${players}${time}`,
    );
    console.log(`   ${reason}`);
  });
  await recommender.close();
} catch (error) {
  // A bad catalog is reported with the file, line and field; no stack trace for a user error.
  if (!isConvrecError(error)) throw error;
  console.error(`${error.message} [${error.code}]`);
  process.exitCode = 1;
}
