import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, maxMappingFileBytes, readMappingFile } from '../../src/catalog/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, writeText } from '../helpers/toy-catalog.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const gamesCsv = [
  'game_id,name,categories,description',
  'g1,Hanabi,cooperative|card game,"Short, clever and cooperative."',
  'g2,Jaipur,card game|trading,A tight two-player duel.',
].join('\n');

const quick = {
  id: 'quick',
  kind: 'quality' as const,
  description: 'A short game',
  terms: ['quick', 'filler'],
  effect: { preferWords: ['quick', 'short'] },
};

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('readMappingFile', () => {
  it('reads the fields it names and leaves the others to be inferred', async () => {
    const csv = await writeText(dir, 'games.csv', gamesCsv);
    const file = await writeText(dir, 'games.mapping.json', json({ id: 'game_id', title: 'name' }));

    const mapping = await readMappingFile(file);
    const catalog = await loadCatalog(csv, { mapping });

    expect(mapping).toEqual({ id: 'game_id', title: 'name' });
    // Inferred from the header, not emptied by defaults of the fields the file leaves out.
    expect(catalog.mapping).toMatchObject({ genres: 'categories', text: ['description'] });
    expect(catalog.items.map((item) => item.title)).toEqual(['Hanabi', 'Jaipur']);
    expect(catalog.lexicon).toBeUndefined();
  });

  it('takes what one item is from "kind", and refuses a kind that is not a few words', async () => {
    const csv = await writeText(dir, 'games.csv', gamesCsv);
    const file = await writeText(
      dir,
      'kind.mapping.json',
      json({ kind: 'board game', id: 'game_id', title: 'name' }),
    );
    const catalog = await loadCatalog(csv, { mapping: await readMappingFile(file) });
    expect(catalog.kind).toBe('board game');

    const bad = await writeText(dir, 'bad-kind.mapping.json', json({ kind: 'game\u001b[2J' }));
    const error = await thrownBy(() => readMappingFile(bad));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(String(error)).toContain('kind');
  });

  it('extends the movie lexicon with the mapping lexicon, without changing the catalog hash', async () => {
    const csv = await writeText(dir, 'games.csv', gamesCsv);
    const fields = { id: 'game_id', title: 'name' };
    const file = await writeText(
      dir,
      'games.mapping.json',
      json({ $comment: 'board games', ...fields, lexicon: { removeConcepts: ['long'], concepts: [quick] } }),
    );

    const catalog = await loadCatalog(csv, { mapping: await readMappingFile(file) });
    const plain = await loadCatalog(csv, { mapping: fields });

    const ids = catalog.lexicon!.concepts.map((concept) => concept.id);
    expect(ids).toContain('quick');
    expect(ids).toContain('scary');
    expect(ids).not.toContain('long');
    // A new lexicon needs no new index.
    expect(catalog.hash).toBe(plain.hash);
  });

  it('reads a lexicon file the mapping names, relative to the mapping file', async () => {
    await writeText(dir, 'games.lexicon.json', json({ concepts: [quick] }));
    const file = await writeText(
      dir,
      'games.mapping.json',
      json({ id: 'game_id', title: 'name', lexicon: 'games.lexicon.json' }),
    );

    const mapping = await readMappingFile(file);

    expect(mapping.lexicon?.concepts?.map((concept) => concept.id)).toEqual(['quick']);
  });

  it('names the mapping file and the field of a bad lexicon', async () => {
    const bad = { ...quick, effect: { preferGenres: 'strategy' } };
    const file = await writeText(
      dir,
      'board-games.mapping.json',
      json({ id: 'game_id', title: 'name', lexicon: { concepts: [bad] } }),
    );

    const error = await thrownBy(() => readMappingFile(file));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(
      /board-games\.mapping\.json: field "lexicon\.concepts\.0\.effect\.preferGenres" .*expected array/,
    );
  });

  it('names the lexicon file and its field when the mapping points to a bad one', async () => {
    await writeText(dir, 'games.lexicon.json', json({ concepts: [{ ...quick, kind: 'mood' }] }));
    const file = await writeText(dir, 'games.mapping.json', json({ lexicon: 'games.lexicon.json' }));

    const error = await thrownBy(() => readMappingFile(file));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/games\.lexicon\.json: field "concepts\.0\.kind" /);
    const missing = await writeText(dir, 'missing.mapping.json', json({ lexicon: 'nowhere.json' }));
    expect((await thrownBy(() => readMappingFile(missing))).message).toMatch(
      /nowhere\.json: cannot read the lexicon file/,
    );
  });

  it('refuses unknown keys, bad JSON with its line, and a file over the size limit', async () => {
    const typo = await writeText(dir, 'typo.json', json({ id: 'game_id', lexicn: {} }));
    expect((await thrownBy(() => readMappingFile(typo))).message).toMatch(
      /typo\.json: field "lexicn" is not a known field$/,
    );

    const broken = await writeText(
      dir,
      'broken.json',
      '{\n  "id": "game_id",\n  "title": "name"\n  "year": "y"\n}',
    );
    const brokenError = await thrownBy(() => readMappingFile(broken));
    expect(brokenError.code).toBe('CONFIG_INVALID');
    expect(brokenError.message).toMatch(/broken\.json:4: the mapping file is not valid JSON/);

    const huge = await writeText(dir, 'huge.json', json({ $comment: 'x'.repeat(maxMappingFileBytes) }));
    expect((await thrownBy(() => readMappingFile(huge))).message).toMatch(
      /huge\.json: the mapping file is \d+ bytes, more than the 1000000 allowed/,
    );
  });

  it('validates a lexicon given in code, naming the catalog', async () => {
    const csv = await writeText(dir, 'games.csv', gamesCsv);

    const error = await thrownBy(() =>
      loadCatalog(csv, {
        mapping: { id: 'game_id', title: 'name', lexicon: { concepts: [{ ...quick, id: 'Quick Game' }] } },
      }),
    );

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/games\.csv mapping: field "lexicon\.concepts\.0\.id" lower-case letters/);
  });
});
