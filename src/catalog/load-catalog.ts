import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CatalogError } from '../errors/index.js';
import { decodeCatalog } from './catalog-encoding.js';
import type { Catalog, CatalogItem } from './catalog-item.js';
import { extendLexicon, movieLexicon } from '../lexicon/load-lexicon.js';
import { inferMapping, type CatalogMapping, type CatalogMappingOptions } from './catalog-mapping.js';
import type { CatalogWarning } from './catalog-warning.js';
import { normalizeRow, stringInterner, type RawRow } from './normalize-row.js';
import { printableText } from './printable-text.js';
import { formatOf, readRows, type CatalogFormat } from './read-rows.js';

export interface LoadCatalogOptions {
  /**
   * Field mapping (anything left out is inferred from the field names) and the catalog's concept
   * lexicon; `readMappingFile` reads both from a mapping file.
   */
  mapping?: CatalogMappingOptions;
  /** Overrides the format picked from the extension. */
  format?: CatalogFormat;
  /** Refuse the catalog when more than this share of rows is skipped (default 0.1). */
  maxSkippedRatio?: number;
}

/**
 * sha256 of the mapping and items as JSON, item by item: the same digest as hashing
 * `JSON.stringify(items)` in one piece, without building that string (hundreds of MB for a large
 * catalog).
 */
function hashCatalog(mapping: CatalogMapping, items: CatalogItem[]): string {
  const hash = createHash('sha256').update(JSON.stringify(mapping)).update('[');
  items.forEach((item, position) => {
    if (position > 0) hash.update(',');
    hash.update(JSON.stringify(item));
  });
  return hash.update(']').digest('hex');
}

/** Reads, validates and normalizes a catalog file (JSONL, JSON array or keyed object, CSV). */
export async function loadCatalog(file: string, options: LoadCatalogOptions = {}): Promise<Catalog> {
  const format = options.format ?? formatOf(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CatalogError('CATALOG_NOT_FOUND', 'cannot read the catalog file', { file }, error);
  }
  return parseCatalog(decodeCatalog(bytes, file), file, { ...options, format });
}

/** Parses catalog text already in memory (a leading BOM is dropped); `file` is used in messages. */
export function parseCatalog(content: string, file: string, options: LoadCatalogOptions = {}): Catalog {
  const format = options.format ?? formatOf(file);
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (!text.trim()) throw new CatalogError('CATALOG_EMPTY', 'the catalog file is empty', { file });
  const read = readRows(text, file, format);
  // The first rows decide the mapping; the rest are parsed as they are normalized.
  const rows = read.rows[Symbol.iterator]();
  const head: RawRow[] = [];
  while (head.length < 50) {
    const next = rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  // No row at all: the generator has read the whole text, so its warnings are complete.
  if (head.length === 0 && read.warnings.length === 0)
    throw new CatalogError('CATALOG_EMPTY', 'the catalog has no rows', { file });
  const sampleKeys = new Set<string>();
  for (const row of head) {
    if (row.value && typeof row.value === 'object')
      for (const key of Object.keys(row.value)) sampleKeys.add(key);
  }
  const { lexicon: extension, kind, ...fields } = options.mapping ?? {};
  // The lexicon first: a bad one is a configuration error, whatever the rows hold.
  const lexicon =
    extension === undefined
      ? undefined
      : extendLexicon(movieLexicon(), extension, { file: `${file} mapping`, field: 'lexicon' });
  const mapping = inferMapping(sampleKeys, read.keyedObject, fields);
  if (mapping.id === '$key' && !read.keyedObject) {
    throw new CatalogError('CATALOG_INVALID', 'id field "$key" only works for a JSON object keyed by id', {
      file,
    });
  }

  const rowWarnings: CatalogWarning[] = [];
  const items: CatalogItem[] = [];
  const firstSeen = new Map<string, string>();
  const intern = stringInterner();
  let rowCount = 0;
  const allRows = function* () {
    yield* head;
    for (let next = rows.next(); !next.done; next = rows.next()) yield next.value;
  };
  for (const row of allRows()) {
    rowCount++;
    const result = normalizeRow(row, mapping, intern);
    if ('warning' in result) {
      rowWarnings.push(result.warning);
      continue;
    }
    const where = row.location.line !== undefined ? `line ${row.location.line}` : `key ${row.location.key}`;
    const previous = firstSeen.get(result.item.id);
    if (previous !== undefined) {
      throw new CatalogError(
        'CATALOG_INVALID',
        `duplicate id "${printableText(result.item.id)}" (first seen at ${previous})`,
        {
          ...row.location,
          field: mapping.id,
        },
      );
    }
    firstSeen.set(result.item.id, where);
    for (const warning of result.warnings) rowWarnings.push(warning);
    items.push(result.item);
  }

  // Lines that were not JSON at all come first, as they did when the whole file was read up front.
  const warnings = read.warnings.concat(rowWarnings);
  const totalRows = rowCount + read.warnings.length;
  const skippedRows = warnings.filter((warning) => warning.kind === 'row').length;
  if (items.length === 0) {
    const first = warnings[0];
    throw new CatalogError(
      'CATALOG_EMPTY',
      `no valid items in ${totalRows} rows${first ? `; first problem: ${first.message}` : ''}`,
      first?.location ?? { file },
    );
  }
  const maxRatio = options.maxSkippedRatio ?? 0.1;
  if (skippedRows / totalRows > maxRatio) {
    const examples = warnings
      .filter((warning) => warning.kind === 'row')
      .slice(0, 3)
      .map((warning) => `${warning.location.line ?? warning.location.key}: ${warning.message}`)
      .join('; ');
    throw new CatalogError(
      'CATALOG_INVALID',
      `${skippedRows} of ${totalRows} rows are invalid (more than ${Math.round(maxRatio * 100)}%), refusing to index part of the catalog (${examples})`,
      { file },
    );
  }

  const hash = hashCatalog(mapping, items);
  return {
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    source: file,
    hash,
    mapping,
    ...(lexicon ? { lexicon } : {}),
    ...(kind ? { kind } : {}),
    warnings,
    skippedRows,
  };
}
