import { parse as parseCsv } from 'csv-parse/sync';
import { CatalogError } from '../errors/index.js';
import type { RawRow } from './normalize-row.js';
import type { CatalogWarning } from './catalog-warning.js';
import { printableText } from './printable-text.js';
import { topLevelKeys } from './top-level-keys.js';

export type CatalogFormat = 'jsonl' | 'json' | 'csv';

/**
 * Rows read from a file, plus lines that could not be parsed at all. JSONL rows are parsed one line
 * at a time as `rows` is iterated (a bad line adds to `warnings` then), so a large catalog never holds
 * every raw row at once.
 */
export interface ReadResult {
  rows: Iterable<RawRow>;
  warnings: CatalogWarning[];
  keyedObject: boolean;
}

/** Picks the format from the file extension. */
export function formatOf(file: string): CatalogFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  throw new CatalogError('CATALOG_INVALID', 'unsupported file type; use .jsonl, .ndjson, .json or .csv', {
    file,
  });
}

function lineOfPosition(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) return text.slice(0, Number(position[1])).split('\n').length;
  const line = /line (\d+)/.exec(message);
  return line?.[1] ? Number(line[1]) : undefined;
}

function* jsonlRows(text: string, file: string, warnings: CatalogWarning[]): Generator<RawRow> {
  let start = 0;
  for (let lineNumber = 1; start <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    const location = { file, line: lineNumber };
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      const reason = printableText(error instanceof Error ? error.message : String(error));
      warnings.push({ location, kind: 'row', message: `malformed JSON (${reason}); row skipped` });
      continue;
    }
    yield { value, location };
  }
}

function readJsonl(text: string, file: string): ReadResult {
  const warnings: CatalogWarning[] = [];
  return { rows: jsonlRows(text, file, warnings), warnings, keyedObject: false };
}

function readJson(text: string, file: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = lineOfPosition(text, reason);
    throw new CatalogError(
      'CATALOG_INVALID',
      `malformed JSON: ${printableText(reason)}`,
      { file, ...(line ? { line } : {}) },
      error,
    );
  }
  if (Array.isArray(data)) {
    return {
      rows: data.map((value, index) => ({ value, location: { file, key: String(index) } })),
      warnings: [],
      keyedObject: false,
    };
  }
  if (data !== null && typeof data === 'object') {
    const seen = new Map<string, number>();
    for (const { key, line } of topLevelKeys(text)) {
      const first = seen.get(key);
      if (first !== undefined) {
        const shown = printableText(key);
        throw new CatalogError('CATALOG_INVALID', `duplicate id "${shown}" (first seen at line ${first})`, {
          file,
          line,
          key: shown,
        });
      }
      seen.set(key, line);
    }
    return {
      rows: Object.entries(data).map(([key, value]) => ({ value, key, location: { file, key } })),
      warnings: [],
      keyedObject: true,
    };
  }
  throw new CatalogError('CATALOG_INVALID', 'expected an array of items or an object keyed by id', { file });
}

function readCsv(text: string, file: string): ReadResult {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const lineMatch = /line (\d+)/i.exec(reason);
    throw new CatalogError(
      'CATALOG_INVALID',
      `malformed CSV: ${printableText(reason)}`,
      { file, ...(lineMatch?.[1] ? { line: Number(lineMatch[1]) } : {}) },
      error,
    );
  }
  return {
    rows: records.map(({ record, info }) => ({
      value: record,
      location: { file, line: info.lines },
      fromCsv: true,
    })),
    warnings: [],
    keyedObject: false,
  };
}

/** Parses a catalog file's text into raw rows. Whole-file syntax errors are fatal; bad JSONL lines are skipped. */
export function readRows(text: string, file: string, format: CatalogFormat): ReadResult {
  if (format === 'jsonl') return readJsonl(text, file);
  if (format === 'json') return readJson(text, file);
  return readCsv(text, file);
}
