import type { CatalogItem, FieldValue } from '../src/catalog/index.js';
import { promptText } from '../src/untrusted/index.js';

/**
 * Makes untrusted text (catalog data, stored summaries) safe to embed in a tool's output: one line,
 * none of the untrusted-text rules' characters, no `< > |` that could close a prompt's
 * `<cards>`-style fence, and at most `maxLength` characters (cut with an ellipsis). The same
 * function as `promptText` in `convrec`, kept under this name for the tools' public API.
 */
export const cleanText: (value: string, maxLength: number) => string = promptText;

/** Up to `count` cleaned entries of a list joined with commas, with "+N" for the rest. */
function cleanList(values: readonly string[], count: number, maxLength: number): string {
  const shown = values.slice(0, count).map((value) => cleanText(value, maxLength));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} +${rest}` : shown.join(', ');
}

/** `Heat (1995)`: the cleaned title with its year, unless the title already ends with it. */
export function itemTitle(item: CatalogItem): string {
  const title = cleanText(item.title, 80);
  return item.year === undefined || title.endsWith(`(${item.year})`) ? title : `${title} (${item.year})`;
}

/** Lines already written: catalog items do not change, and a search writes up to 150 lines a turn. */
const lines = new WeakMap<CatalogItem, string>();

/** One compact line per item for the model: `[m4] Heat (1995) · crime, thriller · Michael Mann, Al Pacino`. */
export function itemLine(item: CatalogItem): string {
  let line = lines.get(item);
  if (line === undefined) lines.set(item, (line = writeItemLine(item)));
  return line;
}

function writeItemLine(item: CatalogItem): string {
  const parts = [`[${cleanText(item.id, 40)}] ${itemTitle(item)}`];
  if (item.genres.length > 0) parts.push(cleanList(item.genres, 3, 30));
  if (item.people.length > 0) parts.push(cleanList(item.people, 3, 40));
  return parts.join(' · ');
}

function fieldValue(value: FieldValue): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return cleanList(value, 8, 60);
  // Free text is quoted so its boundaries stay visible whatever it says.
  return JSON.stringify(cleanText(value, 300));
}

/**
 * Every field of an item, one `name: value` line each, with lists shortened and free text quoted
 * and cut to 300 characters.
 */
export function itemDetails(item: CatalogItem, maxFields = 20): string {
  const lines = [`[${cleanText(item.id, 40)}] ${itemTitle(item)}`];
  const entries = Object.entries(item.fields);
  for (const [name, value] of entries.slice(0, maxFields)) {
    lines.push(`${cleanText(name, 40)}: ${fieldValue(value)}`);
  }
  if (entries.length > maxFields) lines.push(`(${entries.length - maxFields} more fields not shown)`);
  return lines.join('\n');
}
