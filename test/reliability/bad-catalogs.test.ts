import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog/index.js';
import { CatalogError } from '../../src/errors/index.js';
import { tempDir } from '../helpers/toy-catalog.js';

const bom = '\ufeff';
const row = (id: number, extra: object = {}) =>
  JSON.stringify({ id: `r${id}`, title: `Movie ${id}`, year: 1990 + id, genres: ['drama'], ...extra });
const rows = (count: number) => Array.from({ length: count }, (_, index) => row(index + 1));
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const csvHeader = 'id,title,year,genres';

/** What a bad catalog must give: a catalog (possibly with warnings) or a CatalogError. */
type Outcome =
  | { loads: number; warnings?: number }
  | { refused: 'CATALOG_INVALID' | 'CATALOG_EMPTY' | 'CATALOG_NOT_FOUND'; says?: RegExp; line?: number };

interface BadCatalog {
  file: string;
  content: string | Uint8Array | 'directory';
  outcome: Outcome;
}

const escapes = '\u001b]0;pwned\u0007\u001b[2J';

const badCatalogs: BadCatalog[] = [
  // Byte order marks: accepted in every format.
  { file: 'bom.jsonl', content: bom + lines(...rows(3)), outcome: { loads: 3 } },
  { file: 'bom-array.json', content: bom + JSON.stringify([{ id: 'a', title: 'A' }]), outcome: { loads: 1 } },
  {
    file: 'bom-keyed.json',
    content: bom + JSON.stringify({ a: { title: 'A' }, b: { title: 'B' } }),
    outcome: { loads: 2 },
  },
  {
    file: 'bom.csv',
    content: bom + lines(csvHeader, 'a,Amélie,2001,romance', 'b,Heat,1995,crime'),
    outcome: { loads: 2 },
  },
  { file: 'only-bom.csv', content: bom, outcome: { refused: 'CATALOG_EMPTY' } },
  // Other encodings: refused, naming the encoding and the command that converts it.
  {
    file: 'latin1.jsonl',
    content: latin1(lines(row(1), row(2, { title: 'Amélie' }))),
    outcome: {
      refused: 'CATALOG_INVALID',
      says: /Latin-1\/Windows-1252.*iconv -f Windows-1252 -t UTF-8 latin1\.jsonl/,
      line: 2,
    },
  },
  {
    file: 'latin1.json',
    content: latin1(JSON.stringify([{ id: 'a', title: 'Café Society' }])),
    outcome: { refused: 'CATALOG_INVALID', says: /byte 0xE9 is not valid UTF-8.*Latin-1/, line: 1 },
  },
  {
    file: 'windows-1252.csv',
    content: latin1(lines(csvHeader, 'a,Heat,1995,crime', 'b,\u0093Quoted\u0094,2001,drama')),
    outcome: { refused: 'CATALOG_INVALID', says: /looks like Windows-1252/, line: 3 },
  },
  {
    file: 'utf16le-bom.jsonl',
    content: Buffer.from(bom + lines(...rows(2)), 'utf16le'),
    outcome: { refused: 'CATALOG_INVALID', says: /UTF-16LE byte order mark.*iconv -f UTF-16LE/ },
  },
  {
    file: 'utf16be-bom.csv',
    content: utf16be(bom + lines(csvHeader, 'a,Heat,1995,crime')),
    outcome: { refused: 'CATALOG_INVALID', says: /UTF-16BE/ },
  },
  {
    file: 'utf16le-no-bom.json',
    content: Buffer.from(JSON.stringify([{ id: 'a', title: 'A' }]), 'utf16le'),
    outcome: { refused: 'CATALOG_INVALID', says: /every other byte is NUL.*UTF-16LE/ },
  },
  {
    file: 'utf16be-accented.jsonl',
    content: utf16be(lines(row(1, { title: 'Amélie' }))),
    outcome: { refused: 'CATALOG_INVALID', says: /UTF-16BE/ },
  },
  {
    file: 'utf32le-bom.jsonl',
    content: Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('{"id":"a"}')]),
    outcome: { refused: 'CATALOG_INVALID', says: /UTF-32LE/ },
  },
  // Binary files and NUL bytes: refused without printing them.
  {
    file: 'image.jsonl',
    content: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
    outcome: { refused: 'CATALOG_INVALID', says: /NUL bytes.*binary file/ },
  },
  {
    file: 'zeros.csv',
    content: new Uint8Array(2048),
    outcome: { refused: 'CATALOG_INVALID', says: /binary file/, line: 1 },
  },
  {
    file: 'nul-in-row.jsonl',
    content: lines(row(1), row(2), `{"id":"r3","title":"Bad\u0000Title"}`),
    outcome: { refused: 'CATALOG_INVALID', says: /NUL bytes/, line: 3 },
  },
  {
    file: 'random-bytes.json',
    content: Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 251)),
    outcome: { refused: 'CATALOG_INVALID' },
  },
  // Broken syntax.
  {
    file: 'truncated.json',
    content: lines('[', `  ${row(1)},`, `  ${row(2)},`, '  {"id": "r3", "title": "Cut'),
    outcome: { refused: 'CATALOG_INVALID', says: /malformed JSON/ },
  },
  {
    file: 'truncated.jsonl',
    content: lines(...rows(10)) + '{"id":"r11","title":"Cut',
    outcome: { loads: 10, warnings: 1 },
  },
  {
    file: 'unterminated-quote.csv',
    content: lines(csvHeader, 'a,Heat,1995,crime', 'b,"Never closed,2001,drama'),
    outcome: { refused: 'CATALOG_INVALID', says: /malformed CSV/ },
  },
  {
    file: 'ragged.csv',
    content: lines(csvHeader, 'a,Heat,1995,crime', 'b,Up,2009,animation,extra,cells'),
    outcome: { refused: 'CATALOG_INVALID', says: /malformed CSV/, line: 3 },
  },
  {
    file: 'escapes-in-malformed-line.jsonl',
    content: lines(...rows(12), `{"id":"x","title":"${escapes}" oops}`),
    outcome: { loads: 12, warnings: 1 },
  },
  {
    file: 'escapes-quoted-by-the-parser.jsonl',
    content: lines(...rows(12), `${escapes} not json`),
    outcome: { loads: 12, warnings: 1 },
  },
  {
    file: 'escapes-in-malformed.json',
    content: `[{"id":"x","title":"A"} ${escapes}]`,
    outcome: { refused: 'CATALOG_INVALID', says: /malformed JSON/ },
  },
  {
    file: 'too-many-malformed.jsonl',
    content: lines(...rows(6), '{oops', '{oops', '{oops', '{oops'),
    outcome: { refused: 'CATALOG_INVALID', says: /4 of 10 rows are invalid/ },
  },
  {
    file: 'scalar.json',
    content: '42',
    outcome: { refused: 'CATALOG_INVALID', says: /array of items or an object/ },
  },
  { file: 'null.json', content: 'null', outcome: { refused: 'CATALOG_INVALID' } },
  {
    file: 'deeply-nested.json',
    content: `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    outcome: { refused: 'CATALOG_EMPTY', says: /not an object/ },
  },
  // Wrong types, missing and duplicate ids.
  {
    file: 'wrong-types.jsonl',
    content: lines(
      row(1, { year: 'soon' }),
      row(2, { genres: 42 }),
      row(3, { description: { nested: true } }),
    ),
    outcome: { loads: 3, warnings: 3 },
  },
  {
    file: 'rows-not-objects.jsonl',
    content: lines('[1,2]', '"text"', '7', 'null'),
    outcome: { refused: 'CATALOG_EMPTY', says: /row is not an object/ },
  },
  {
    file: 'no-ids.jsonl',
    content: lines('{"title":"A"}', '{"title":"B"}'),
    outcome: { refused: 'CATALOG_EMPTY', says: /field "id".*missing or empty id/, line: 1 },
  },
  {
    file: 'one-missing-id.jsonl',
    content: lines(...rows(12), '{"title":"No id"}'),
    outcome: { loads: 12, warnings: 1 },
  },
  {
    file: 'titles-not-strings.json',
    content: JSON.stringify([
      { id: 'a', title: 1 },
      { id: 'b', title: ['x'] },
    ]),
    outcome: { refused: 'CATALOG_EMPTY', says: /title is not a string/ },
  },
  {
    file: 'duplicate-ids.jsonl',
    content: lines(row(1), row(2), row(1)),
    outcome: { refused: 'CATALOG_INVALID', says: /duplicate id "r1" \(first seen at line 1\)/, line: 3 },
  },
  {
    file: 'duplicate-ids.csv',
    content: lines(csvHeader, 'a,Heat,1995,crime', 'a,Heat again,1996,crime'),
    outcome: { refused: 'CATALOG_INVALID', says: /duplicate id "a"/, line: 3 },
  },
  {
    file: 'duplicate-keys.json',
    content: '{\n"a": {"title": "A"},\n"a": {"title": "B"}\n}',
    outcome: { refused: 'CATALOG_INVALID', says: /duplicate id "a"/, line: 3 },
  },
  {
    file: 'duplicate-escape-ids.jsonl',
    content: lines(
      JSON.stringify({ id: `x${escapes}`, title: 'A' }),
      JSON.stringify({ id: `x${escapes}`, title: 'B' }),
    ),
    outcome: { refused: 'CATALOG_INVALID', says: /duplicate id "x\\x1b\]0;pwned\\x07/ },
  },
  // Size extremes.
  {
    file: 'huge-field.jsonl',
    content: lines(row(1, { description: 'word '.repeat(1_000_000) }), row(2)),
    outcome: { loads: 2 },
  },
  {
    file: 'huge-malformed-line.jsonl',
    content: lines(...rows(12), `{"id":"x","title":"${'a'.repeat(2_000_000)}`),
    outcome: { loads: 12, warnings: 1 },
  },
  { file: 'empty.jsonl', content: '', outcome: { refused: 'CATALOG_EMPTY' } },
  { file: 'whitespace.json', content: ' \n\t\n ', outcome: { refused: 'CATALOG_EMPTY' } },
  { file: 'header-only.csv', content: lines(csvHeader), outcome: { refused: 'CATALOG_EMPTY' } },
  { file: 'empty-array.json', content: '[]', outcome: { refused: 'CATALOG_EMPTY' } },
  // Not a catalog file at all.
  {
    file: 'catalog.txt',
    content: lines(...rows(2)),
    outcome: { refused: 'CATALOG_INVALID', says: /unsupported file type/ },
  },
  { file: 'a-directory.jsonl', content: 'directory', outcome: { refused: 'CATALOG_NOT_FOUND' } },
];

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  for (const { file, content } of badCatalogs) {
    if (content === 'directory') await mkdir(join(dir, file));
    else await writeFile(join(dir, file), content);
  }
});
afterAll(() => cleanup());

// C0 controls (NUL, ESC, BEL, newlines…) and DEL: nothing a message prints may carry them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const controlCharacter = /[\u0000-\u001f\u007f]/;

describe(`${badCatalogs.length} bad catalog files: a catalog with warnings or a CatalogError naming the file, never a crash`, () => {
  it.each(badCatalogs)('$file', async ({ file, outcome }) => {
    const path = join(dir, file);
    let catalog: Catalog | undefined;
    let error: unknown;
    try {
      catalog = await loadCatalog(path);
    } catch (thrown) {
      error = thrown;
    }
    if ('loads' in outcome) {
      expect(error).toBeUndefined();
      expect(catalog!.items).toHaveLength(outcome.loads);
      expect(catalog!.warnings).toHaveLength(outcome.warnings ?? 0);
      for (const warning of catalog!.warnings) {
        expect(warning.location.file).toBe(path);
        expect(warning.location.line ?? warning.location.key).toBeDefined();
        expect(warning.message).not.toMatch(controlCharacter);
        expect(warning.message.length).toBeLessThan(500);
      }
      return;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const refusal = error as CatalogError;
    expect(refusal.code).toBe(outcome.refused);
    expect(refusal.message.startsWith(path)).toBe(true);
    expect(refusal.location.file).toBe(path);
    expect(refusal.message).not.toMatch(controlCharacter);
    expect(refusal.message.length).toBeLessThan(500);
    if (outcome.says) expect(refusal.message).toMatch(outcome.says);
    if (outcome.line !== undefined) expect(refusal.location.line).toBe(outcome.line);
  });

  it('reads a BOM-prefixed file the same as the file without it', async () => {
    const plain = join(dir, 'plain.csv');
    await writeFile(plain, lines(csvHeader, 'a,Amélie,2001,romance', 'b,Heat,1995,crime'));
    const withBom = await loadCatalog(join(dir, 'bom.csv'));
    const without = await loadCatalog(plain);
    expect(withBom.items).toEqual(without.items);
    expect(withBom.hash).toBe(without.hash);
    expect(withBom.items[0]!.title).toBe('Amélie');
  });
});

describe('convrec ask --session with an empty id', () => {
  it('is refused with a clear error instead of starting a new conversation', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'ask', '--session', '', '--offline', '--json', 'a heist movie'],
      { encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' }, timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--session needs the id of a saved conversation.*\[CONFIG_INVALID\]/);
    expect(result.stdout).not.toMatch(/recommendations/);
  });
});
