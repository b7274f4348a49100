import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filmsCsv } from '../helpers/films-csv.js';

let directory: string;

function convrec(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CONVREC_EMBEDDING_MODEL: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const csv = filmsCsv({ untitledRow: true });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-cli-'));
  await writeFile(join(directory, 'films.csv'), csv);
  await writeFile(
    join(directory, 'dupes.jsonl'),
    '{"id":"a","title":"One"}\n{"id":"b","title":"Two"}\n{"id":"a","title":"Three"}\n',
  );
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('convrec CLI', () => {
  it('lists its commands in --help', () => {
    const { code, stdout } = convrec('--help');
    expect(code).toBe(0);
    for (const command of ['start', 'index', 'search', 'resolve', 'eval']) expect(stdout).toContain(command);
  });

  it('indexes a CSV catalog, counting the skipped row, and then searches it', () => {
    const out = join(directory, 'index');
    const indexed = convrec('index', join(directory, 'films.csv'), '--out', out);
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toMatch(/Indexed 10 items \(1 rows skipped/);
    expect(indexed.stderr).toMatch(/films\.csv:5 title: missing title; row skipped/);

    const searched = convrec(
      'search',
      'a bank heist',
      '--catalog',
      join(directory, 'films.csv'),
      '--index-dir',
      out,
      '--json',
      '-k',
      '3',
    );
    expect(searched.code).toBe(0);
    const result = JSON.parse(searched.stdout) as { candidates: { item: { title: string } }[] };
    expect(result.candidates).toHaveLength(3);
    expect(['The Vault Job', 'Second Heist']).toContain(result.candidates[0]?.item.title);
  });

  it('applies hard filters from flags', () => {
    const searched = convrec(
      'search',
      'space',
      '--catalog',
      join(directory, 'films.csv'),
      '--index-dir',
      join(directory, 'index-filters'),
      '--json',
      '--year-from',
      '2012',
      '--genre',
      'sci-fi',
    );
    expect(searched.code).toBe(0);
    const titles = (
      JSON.parse(searched.stdout) as { candidates: { item: { title: string } }[] }
    ).candidates.map((c) => c.item.title);
    expect(titles.sort()).toEqual(['Deep Orbit', 'Red Planet Run']);
  });

  it('refuses a catalog with duplicate ids in one clear line, without a stack trace', () => {
    const { code, stderr } = convrec(
      'index',
      join(directory, 'dupes.jsonl'),
      '--out',
      join(directory, 'bad'),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /dupes\.jsonl:3 field "id": duplicate id "a" \(first seen at line 1\) \[CATALOG_INVALID\]/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says where the evaluation data is expected when it is missing', () => {
    const { code, stderr } = convrec('eval', '--dataset', join(directory, 'nowhere'), '--split', 'valid');
    expect(code).toBe(1);
    expect(stderr).toMatch(/nowhere\/catalog\.json not found/);
  });
});

describe('CONVREC_INDEX_DIR', () => {
  it('keeps one index per catalog inside it, so switching catalogs does not rebuild', async () => {
    const base = join(directory, 'indexes');
    const other = join(directory, 'other.jsonl');
    await writeFile(other, '{"id":"x1","title":"Lone Film","genres":["drama"]}\n');
    const run = (catalog: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'search', 'film', '--catalog', catalog, '-k', '1'],
        {
          encoding: 'utf8',
          env: { ...process.env, CONVREC_INDEX_DIR: base, OPENAI_API_KEY: '', CONVREC_EMBEDDING_MODEL: '' },
          timeout: 60_000,
        },
      );
    expect(run(join(directory, 'films.csv')).stderr).toMatch(/no index yet/);
    expect(run(other).stderr).toMatch(/no index yet/);
    const again = run(join(directory, 'films.csv'));
    expect(again.status).toBe(0);
    expect(again.stderr).not.toMatch(/Building the index/);
    expect((await readdir(base)).length).toBe(2);
  });
});
