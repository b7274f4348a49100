import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import { readMappingFile } from '../../src/catalog/index.js';
import { openAgent } from '../../src/cli/open-agent.js';
import { openFromOptions } from '../../src/cli/open-from-options.js';
import { loadConfig } from '../../src/config/load-config.js';
import { movieLexicon } from '../../src/lexicon/index.js';
import { openRetriever } from '../../src/retrieval/open-retriever.js';
import type { Retriever } from '../../src/retrieval/index.js';

const catalogFile = 'examples/catalogs/board-games.csv';
const mappingFile = 'examples/catalogs/board-games.mapping.json';
const request = 'a quick cooperative game for two';

let directory: string;
let retriever: Retriever;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-board-games-'));
  ({ retriever } = await openRetriever({
    catalog: catalogFile,
    catalogOptions: { mapping: await readMappingFile(mappingFile) },
    indexDirectory: join(directory, 'index'),
  }));
}, 120_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the board-game mapping lexicon', () => {
  it("reaches the recommender's reader: quick, cooperative, for two players", async () => {
    const recommender = await createRecommender({ retriever, catalogKind: 'board game' });
    const result = await recommender.session({ userId: 'u' }).send(request).result();

    expect(result.understanding.qualities).toEqual([
      { id: 'quick', polarity: 'more' },
      { id: 'cooperative', polarity: 'more' },
    ]);
    expect(result.understanding.audiences).toEqual(['two-players']);
    expect(result.reply).toMatch(/two players/);
    // Cooperative games come first (a soft preference over the catalog's "cooperative" category).
    expect(result.recommendations.slice(0, 3).map(({ item }) => item.genres)).toEqual([
      expect.arrayContaining(['cooperative']),
      expect.arrayContaining(['cooperative']),
      expect.arrayContaining(['cooperative']),
    ]);
    await recommender.close();
  });

  it('is not what the movie lexicon reads in the same message', async () => {
    const recommender = await createRecommender({ retriever, lexicon: movieLexicon() });
    const result = await recommender.session({ userId: 'u' }).send(request).result();

    const qualities = result.understanding.qualities.map((quality) => quality.id);
    expect(qualities).not.toContain('quick');
    expect(qualities).not.toContain('cooperative');
    expect(result.understanding.audiences).toEqual([]);
    await recommender.close();
  });

  it('reaches the CLI agent through --mapping', async () => {
    const config = loadConfig({ CONVREC_PROFILE_DB: join(directory, 'profiles.sqlite') });
    const opened = await openFromOptions(
      { catalog: catalogFile, mapping: mappingFile, indexDir: join(directory, 'cli-index'), quiet: true },
      config,
    );
    const recommender = await openAgent(opened.retriever, config, { offline: true });
    const result = await recommender
      .session({ userId: 'u' })
      .send('something relaxing for a big group')
      .result();

    expect(result.understanding.qualities).toEqual([{ id: 'feel-good', polarity: 'more' }]);
    expect(result.understanding.audiences).toEqual(['friends']);
    await recommender.close();
  });
});
