import type { CatalogLocation } from '../errors/index.js';
import type { CatalogItem, FieldValue } from './catalog-item.js';
import type { CatalogMapping } from './catalog-mapping.js';
import type { CatalogWarning } from './catalog-warning.js';

/** A raw row as read from a file, before validation. */
export interface RawRow {
  value: unknown;
  location: CatalogLocation;
  /** The object key when the catalog is a JSON object keyed by id. */
  key?: string;
  /** True for CSV rows: every cell is a string and lists are separator-joined. */
  fromCsv?: boolean;
}

export type NormalizedRow = { item: CatalogItem; warnings: CatalogWarning[] } | { warning: CatalogWarning };

const yearSuffix = /\s*\((\d{4})\)\s*$/;

function asScalarString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function asNumber(value: unknown): number | undefined | 'invalid' {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'invalid';
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return 'invalid';
}

function asList(
  value: unknown,
  separator: string,
  fromCsv: boolean,
  intern: (text: string) => string,
): string[] | undefined | 'invalid' {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    const parts = fromCsv || value.includes(separator) ? value.split(separator) : [value];
    return parts
      .map((part) => part.trim())
      .filter(Boolean)
      .map(intern);
  }
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const entry of value) {
      const text = asScalarString(entry);
      if (text === undefined) return 'invalid';
      out.push(intern(text));
    }
    return out;
  }
  return 'invalid';
}

/**
 * One shared copy of each list value (genres, people, tags): the same name in thousands of rows
 * otherwise costs a string per row. Used for one catalog load, then dropped.
 */
export function stringInterner(): (text: string) => string {
  const strings = new Map<string, string>();
  return (text) => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
}

const noInterning = (text: string) => text;

/**
 * Validates one raw row against the mapping. A row without a usable id or title is skipped; a field
 * of the wrong type is dropped (the row is kept) and reported.
 */
export function normalizeRow(
  row: RawRow,
  mapping: CatalogMapping,
  intern: (text: string) => string = noInterning,
): NormalizedRow {
  const { value, location } = row;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { warning: { location, kind: 'row', message: 'row is not an object; skipped' } };
  }
  const record = value as Record<string, unknown>;
  const id = mapping.id === '$key' ? row.key : asScalarString(record[mapping.id]);
  if (id === undefined) {
    return {
      warning: {
        location: { ...location, field: mapping.id },
        kind: 'row',
        message: 'missing or empty id; row skipped',
      },
    };
  }
  const rawTitle = record[mapping.title];
  const title = typeof rawTitle === 'string' ? rawTitle.trim() : undefined;
  if (!title) {
    const problem =
      rawTitle === undefined || rawTitle === null || rawTitle === ''
        ? 'missing title'
        : 'title is not a string';
    return {
      warning: {
        location: { ...location, field: mapping.title },
        kind: 'row',
        message: `${problem}; row skipped`,
      },
    };
  }

  const warnings: CatalogWarning[] = [];
  const drop = (field: string, expected: string) =>
    warnings.push({
      location: { ...location, field },
      kind: 'field',
      message: `expected ${expected}; field dropped`,
    });
  const fields: Record<string, FieldValue> = { [mapping.title]: title };
  const separator = mapping.listSeparator;
  const fromCsv = row.fromCsv === true;

  const numberFields = [...(mapping.year ? [mapping.year] : []), ...mapping.numbers];
  for (const field of numberFields) {
    const parsed = asNumber(record[field]);
    if (parsed === 'invalid') drop(field, 'a number');
    else if (parsed !== undefined) fields[field] = parsed;
  }
  const listFields = [...(mapping.genres ? [mapping.genres] : []), ...mapping.people, ...mapping.lists];
  for (const field of listFields) {
    const parsed = asList(record[field], separator, fromCsv, intern);
    if (parsed === 'invalid') drop(field, 'a list of strings');
    else if (parsed !== undefined && parsed.length > 0) fields[field] = parsed;
  }
  for (const field of mapping.text) {
    const raw = record[field];
    if (raw === null || raw === undefined || raw === '') continue;
    const text = asScalarString(raw);
    if (text === undefined) drop(field, 'text');
    else
      fields[field] =
        text.length > mapping.textLimit ? `${text.slice(0, mapping.textLimit).trimEnd()}…` : text;
  }

  let year = mapping.year ? (fields[mapping.year] as number | undefined) : undefined;
  if (year === undefined) {
    const match = yearSuffix.exec(title);
    if (match?.[1]) year = Number(match[1]);
  }
  const genres = mapping.genres ? ((fields[mapping.genres] as string[] | undefined) ?? []) : [];
  const people = mapping.people.flatMap((field) => (fields[field] as string[] | undefined) ?? []);
  const lowered = genres.some((genre) => genre !== genre.toLowerCase())
    ? genres.map((genre) => intern(genre.toLowerCase()))
    : genres;
  const item: CatalogItem = {
    id,
    title,
    genres: lowered,
    people,
    fields,
    ...(year === undefined ? {} : { year }),
  };
  return { item, warnings };
}
