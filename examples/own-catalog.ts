/**
 * Your own CSV catalog: board games instead of movies, with column names convrec cannot guess, mapped
 * explicitly in a mapping file that also carries a board-game concept lexicon ("a quick cooperative
 * game for two" is read as quick, cooperative, two players). The index is built for this catalog;
 * the recommender works the same on any domain.
 *
 *   npx tsx examples/own-catalog.ts "a quick cooperative game for two"
 *   npx tsx examples/own-catalog.ts --catalog my-items.csv "something relaxing"
 *   npx tsx examples/own-catalog.ts --catalog my-items.csv --mapping my-items.mapping.json "..."
 *
 * With --catalog and no --mapping the mapping is inferred from the header (id, title/name, year,
 * genres/category, description, director/author/...); the mapping used is printed so you can see
 * what was understood.
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
  readMappingFile,
} from 'convrec';
import { configuredModel } from './configured-model.js';

const { values, positionals } = parseArgs({
  options: { catalog: { type: 'string' }, mapping: { type: 'string' } },
  allowPositionals: true,
});

/** The bundled example's mapping file: which CSV column means what, and its concept lexicon. */
const boardGameMapping = fileURLToPath(new URL('./catalogs/board-games.mapping.json', import.meta.url));
const mappingFile = values.mapping ?? (values.catalog ? undefined : boardGameMapping);

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
  // A bad mapping file is reported with the file and field, like a bad catalog.
  const mapping = mappingFile ? await readMappingFile(mappingFile) : {};
  const catalog = await loadCatalog(file, { mapping });
  console.log(`${catalog.items.length} items from ${file}`);
  console.log(`mapping: ${JSON.stringify(catalog.mapping)}`);
  // The mapping's lexicon extends the movie one; createRecommender uses it for this catalog.
  if (catalog.lexicon)
    console.log(`concepts: ${catalog.lexicon.concepts.map((concept) => concept.id).join(', ')}`);
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
