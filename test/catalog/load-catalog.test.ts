import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, parseCatalog } from '../../src/catalog/index.js';
import { CatalogError } from '../../src/errors/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, writeText } from '../helpers/toy-catalog.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** `count` valid JSONL rows with ids r1..rN. */
function validLines(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify({ id: `r${index + 1}`, title: `Movie ${index + 1}`, year: 2000 + index }),
  );
}

describe('loading the same catalog from every format', () => {
  const logical = [
    {
      id: 'heat',
      title: 'Heat (1995)',
      genres: ['Crime', 'Thriller'],
      cast: ['Al Pacino', 'Robert De Niro'],
      description: 'a detective hunts bank robbers',
    },
    { id: 'up', title: 'Up', year: 2009, genres: ['Animation'], director: ['Pete Docter'] },
    { id: '42', title: 'Collateral', year: 2004, description: 'a taxi driver has a long night' },
  ];
  const csvCell = (value: unknown) => {
    if (value === undefined) return '';
    const text = Array.isArray(value) ? value.join('|') : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const columns = ['id', 'title', 'year', 'genres', 'director', 'cast', 'description'] as const;

  async function loadAll() {
    const jsonl = await writeText(dir, 'c.jsonl', logical.map((row) => JSON.stringify(row)).join('\n'));
    const array = await writeText(dir, 'array.json', JSON.stringify(logical, null, 2));
    const keyed = await writeText(
      dir,
      'keyed.json',
      JSON.stringify(Object.fromEntries(logical.map(({ id, ...rest }) => [id, rest]))),
    );
    const csv = await writeText(
      dir,
      'c.csv',
      [
        columns.join(','),
        ...logical.map((row) =>
          columns.map((column) => csvCell((row as Record<string, unknown>)[column])).join(','),
        ),
      ].join('\n'),
    );
    return {
      jsonl: await loadCatalog(jsonl),
      array: await loadCatalog(array),
      keyed: await loadCatalog(keyed),
      csv: await loadCatalog(csv),
    };
  }

  it('gives equal items for JSONL, a JSON array, a JSON object keyed by id and CSV', async () => {
    const { jsonl, array, keyed, csv } = await loadAll();
    expect(jsonl.items.map((item) => item.id)).toEqual(['heat', 'up', '42']);
    expect(array.items).toEqual(jsonl.items);
    // A JSON object puts integer-like keys first, so only the set of items is compared.
    const byId = (items: typeof jsonl.items) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(keyed.items)).toEqual(byId(jsonl.items));
    expect(csv.items).toEqual(jsonl.items);
    expect(keyed.mapping.id).toBe('$key');
  });

  it('gives the same content hash whatever the file format, when the mapping is the same', async () => {
    const { jsonl, array, csv } = await loadAll();
    expect(array.hash).toBe(jsonl.hash);
    expect(csv.hash).toBe(jsonl.hash);
  });

  it('normalizes lists, people and genres', async () => {
    const { csv } = await loadAll();
    const heat = csv.byId.get('heat')!;
    expect(heat.genres).toEqual(['crime', 'thriller']);
    expect(heat.people).toEqual(['Al Pacino', 'Robert De Niro']);
    expect(csv.byId.get('up')!.people).toEqual(['Pete Docter']);
    expect(csv.byId.get('42')!.genres).toEqual([]);
    expect(csv.warnings).toEqual([]);
  });

  it('splits CSV list cells on "|" and honours a custom separator', () => {
    const piped = parseCatalog('id,title,genres\n1,Heat,Crime | Thriller|Drama\n', 'p.csv');
    expect(piped.items[0]!.genres).toEqual(['crime', 'thriller', 'drama']);
    // The mapping type requires id and title although the rest is inferred (see report).
    const semicolons = parseCatalog('id,title,genres\n1,Heat,Crime;Thriller\n', 's.csv', {
      mapping: { id: 'id', title: 'title', listSeparator: ';' },
    });
    expect(semicolons.items[0]!.genres).toEqual(['crime', 'thriller']);
  });
});

describe('year', () => {
  it('is taken from a "(1995)" title suffix when there is no year field', () => {
    const catalog = parseCatalog(JSON.stringify([{ id: 'a', title: 'Heat (1995)' }]), 'c.json');
    expect(catalog.items[0]!.year).toBe(1995);
    expect(catalog.items[0]!.title).toBe('Heat (1995)');
  });

  it('prefers the year field over the title suffix, and is absent when neither exists', () => {
    const catalog = parseCatalog(
      JSON.stringify([
        { id: 'a', title: 'Heat (1995)', year: 1996 },
        { id: 'b', title: 'Heat' },
      ]),
      'c.json',
    );
    expect(catalog.byId.get('a')!.year).toBe(1996);
    expect(catalog.byId.get('b')!.year).toBeUndefined();
  });

  it('reads a numeric string year as a number', () => {
    const catalog = parseCatalog('{"id":"a","title":"Heat","year":" 1995 "}', 'c.jsonl');
    expect(catalog.items[0]!.year).toBe(1995);
  });
});

describe('bad rows and fields', () => {
  it('skips a row without an id, with a warning naming the line and the id field', () => {
    const lines = validLines(10);
    lines.splice(4, 0, JSON.stringify({ title: 'No Id' }));
    const catalog = parseCatalog(lines.join('\n'), 'c.jsonl');
    expect(catalog.items).toHaveLength(10);
    expect(catalog.skippedRows).toBe(1);
    expect(catalog.warnings).toEqual([
      expect.objectContaining({ kind: 'row', location: { file: 'c.jsonl', line: 5, field: 'id' } }),
    ]);
    expect(catalog.items.some((item) => item.title === 'No Id')).toBe(false);
  });

  it('skips a row without a title, with a warning naming the line and the title field', () => {
    const lines = validLines(10);
    lines.push(JSON.stringify({ id: 'x', title: '   ' }));
    const catalog = parseCatalog(lines.join('\n'), 'c.jsonl');
    expect(catalog.byId.has('x')).toBe(false);
    expect(catalog.warnings).toHaveLength(1);
    expect(catalog.warnings[0]!.kind).toBe('row');
    expect(catalog.warnings[0]!.location).toEqual({ file: 'c.jsonl', line: 11, field: 'title' });
    expect(catalog.warnings[0]!.message).toMatch(/title/);
  });

  it('names the CSV line of a skipped row (the header is line 1)', () => {
    const rows = Array.from({ length: 10 }, (_, index) => `${index + 1},Movie ${index + 1}`);
    rows.splice(2, 0, '99,');
    const catalog = parseCatalog(`id,title\n${rows.join('\n')}\n`, 'c.csv');
    expect(catalog.warnings).toHaveLength(1);
    expect(catalog.warnings[0]!.location).toEqual({ file: 'c.csv', line: 4, field: 'title' });
  });

  it('drops a field of the wrong type but keeps the row, with a "field" warning', () => {
    const catalog = parseCatalog(
      [
        JSON.stringify({ id: 'a', title: 'Heat (1995)', year: 'soon', genres: 5, cast: ['Al Pacino'] }),
        JSON.stringify({ id: 'b', title: 'Up', description: { nested: true } }),
      ].join('\n'),
      'c.jsonl',
    );
    expect(catalog.items.map((item) => item.id)).toEqual(['a', 'b']);
    const heat = catalog.byId.get('a')!;
    expect(heat.fields).not.toHaveProperty('year');
    expect(heat.fields).not.toHaveProperty('genres');
    expect(heat.year).toBe(1995); // still known from the title
    expect(heat.people).toEqual(['Al Pacino']);
    expect(catalog.skippedRows).toBe(0);
    expect(
      catalog.warnings.map((warning) => [warning.kind, warning.location.line, warning.location.field]),
    ).toEqual([
      ['field', 1, 'year'],
      ['field', 1, 'genres'],
      ['field', 2, 'description'],
    ]);
  });

  it('skips malformed JSONL lines with a warning naming the line, and loads the rest', () => {
    const lines = validLines(10);
    lines.splice(6, 0, '{"id": "broken", "title": ');
    const catalog = parseCatalog(lines.join('\n'), 'c.jsonl');
    expect(catalog.items).toHaveLength(10);
    expect(catalog.warnings).toHaveLength(1);
    expect(catalog.warnings[0]!.location.line).toBe(7);
    expect(catalog.warnings[0]!.message).toMatch(/malformed JSON/);
  });

  it('ignores blank JSONL lines without counting them', () => {
    const catalog = parseCatalog(`\n${validLines(3).join('\n\n')}\n\n`, 'c.jsonl');
    expect(catalog.items).toHaveLength(3);
    expect(catalog.warnings).toEqual([]);
  });
});

describe('fatal catalog problems', () => {
  it('refuses duplicate ids in JSONL, naming the file, the line and the id field', async () => {
    const lines = validLines(4);
    lines.push(JSON.stringify({ id: 'r2', title: 'Again' }));
    const file = await writeText(dir, 'dupes.jsonl', lines.join('\n'));
    const error = await thrownBy(() => loadCatalog(file));
    expect(error).toBeInstanceOf(CatalogError);
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.message).toContain(`${file}:5`);
    expect(error.message).toContain('field "id"');
    expect(error.message).toContain('"r2"');
    expect(error.message).toContain('line 2'); // where it was first seen
  });

  it('refuses duplicate ids in CSV, naming the CSV line', async () => {
    const file = await writeText(dir, 'dupes.csv', 'id,title\n1,A\n2,B\n1,C\n');
    const error = await thrownBy(() => loadCatalog(file));
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.message).toContain(`${file}:4`);
    expect(error.message).toContain('"1"');
  });

  it('refuses duplicate ids in a JSON array, naming the array index', async () => {
    const error = (await thrownBy(() =>
      parseCatalog(
        JSON.stringify([
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
          { id: 'a', title: 'C' },
        ]),
        'c.json',
      ),
    )) as CatalogError;
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.location).toMatchObject({ file: 'c.json', key: '2', field: 'id' });
    expect(error.message).toContain('c.json [2]');
  });

  // Bug: JSON.parse keeps only the last of two equal keys, so an object keyed by id silently loses items.
  it('refuses duplicate ids in a JSON object keyed by id instead of silently keeping the last', () => {
    const text = '{\n"a": {"title": "First"},\n"a": {"title": "Second"}\n}';
    expect(() => parseCatalog(text, 'keyed.json')).toThrow(/duplicate/);
  });

  it('refuses an empty file with CATALOG_EMPTY naming the file', async () => {
    const file = await writeText(dir, 'empty.jsonl', ' \n\n');
    const error = await thrownBy(() => loadCatalog(file));
    expect(error.code).toBe('CATALOG_EMPTY');
    expect(error.message).toContain(file);
  });

  it('refuses a JSON array with no items and a CSV with only a header', () => {
    expect(() => parseCatalog('[]', 'c.json')).toThrow(expect.objectContaining({ code: 'CATALOG_EMPTY' }));
    expect(() => parseCatalog('id,title\n', 'c.csv')).toThrow(
      expect.objectContaining({ code: 'CATALOG_EMPTY' }),
    );
  });

  it('refuses a catalog where no row is valid, quoting the first problem', async () => {
    const error = (await thrownBy(() =>
      parseCatalog('{"title": "no id"}\n{"title": "none either"}', 'c.jsonl'),
    )) as CatalogError;
    expect(error.code).toBe('CATALOG_EMPTY');
    expect(error.message).toContain('c.jsonl:1');
    expect(error.message).toMatch(/missing or empty id/);
  });

  it('refuses malformed whole-file JSON with CATALOG_INVALID naming the line', async () => {
    const text = '[\n  {"id": "a", "title": "A"},\n  {"id": "b" "title": "B"}\n]';
    const file = await writeText(dir, 'broken.json', text);
    const error = await thrownBy(() => loadCatalog(file));
    expect(error.code).toBe('CATALOG_INVALID');
    expect((error as CatalogError).location.line).toBe(3);
    expect(error.message).toContain(`${file}:3`);
    expect(error.message).toMatch(/malformed JSON/);
  });

  it('refuses a JSON file that is neither an array nor an object', () => {
    expect(() => parseCatalog('"just a string"', 'c.json')).toThrow(
      expect.objectContaining({ code: 'CATALOG_INVALID' }),
    );
  });

  it('refuses a CSV row with the wrong number of cells, naming its line', () => {
    expect(() => parseCatalog('id,title\n1,A\n2,B,extra\n', 'c.csv')).toThrow(/c\.csv:3/);
  });

  it('accepts up to 10% skipped rows but refuses more, quoting the bad lines', async () => {
    const oneBad = validLines(9);
    oneBad.push('{"id": "no title"}');
    expect(parseCatalog(oneBad.join('\n'), 'c.jsonl').items).toHaveLength(9);

    const twoBad = validLines(8);
    twoBad.splice(2, 0, '{"id": "no title"}');
    twoBad.push('not json at all');
    const error = (await thrownBy(() => parseCatalog(twoBad.join('\n'), 'c.jsonl'))) as CatalogError;
    expect(error.code).toBe('CATALOG_INVALID');
    expect(error.message).toMatch(/^c\.jsonl: /);
    expect(error.message).toContain('2 of 10 rows');
    expect(error.message).toContain('3: missing title');
    expect(error.message).toContain('10: malformed JSON');
  });

  it('lets the caller raise the skipped-row limit', () => {
    const lines = validLines(3);
    lines.push('{"id": "no title"}');
    expect(parseCatalog(lines.join('\n'), 'c.jsonl', { maxSkippedRatio: 0.5 }).items).toHaveLength(3);
  });

  it('reports a missing file as CATALOG_NOT_FOUND and an unknown extension as CATALOG_INVALID', async () => {
    const missing = join(dir, 'nope.jsonl');
    const notFound = await thrownBy(() => loadCatalog(missing));
    expect(notFound.code).toBe('CATALOG_NOT_FOUND');
    expect(notFound.message).toContain(missing);
    const unknown = await thrownBy(() => loadCatalog(join(dir, 'catalog.xml')));
    expect(unknown.code).toBe('CATALOG_INVALID');
    expect(unknown.message).toMatch(/unsupported file type/);
  });

  it('refuses "$key" as the id field for anything but a keyed JSON object', () => {
    expect(() =>
      parseCatalog(validLines(2).join('\n'), 'c.jsonl', { mapping: { id: '$key', title: 'title' } }),
    ).toThrow(expect.objectContaining({ code: 'CATALOG_INVALID' }));
  });
});
