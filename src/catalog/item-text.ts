import { applyRules } from '../untrusted/index.js';
import type { CatalogItem, FieldValue } from './catalog-item.js';
import { embedFields, type CatalogMapping } from './catalog-mapping.js';

/** A field's text, its escape sequences and invisible characters dropped (see `applyRules`). */
function render(value: FieldValue): string {
  return applyRules(Array.isArray(value) ? value.join(', ') : String(value), ' ');
}

/**
 * Flattens an item into key–value text ("title: Heat; year: 1995; genres: crime, thriller; ...") so
 * one text model covers any catalog (the Recformer idea). Escape sequences in a field are dropped,
 * so they add no words.
 */
export function itemText(
  item: CatalogItem,
  mapping: CatalogMapping,
  fields: string[] = embedFields(mapping),
): string {
  const parts: string[] = [];
  for (const field of fields) {
    const value = item.fields[field];
    if (value === undefined) continue;
    parts.push(`${field}: ${render(value)}`);
  }
  return parts.join('; ');
}
