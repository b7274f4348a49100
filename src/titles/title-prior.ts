import type { Catalog, CatalogItem } from '../catalog/index.js';

/** Numeric fields taken as a popularity count when the catalog maps one ("votes", "num_ratings", ...). */
const popularityFieldPattern =
  /^(popularity|(num|number)?_?votes?(_?count)?|(num|number)?_?ratings?_?count|num_?ratings|users_?rated)$/i;

/** Orders two items with the same title: negative when `left` is the likelier meaning. */
export type TitlePrior = (left: CatalogItem, right: CatalogItem) => number;

/**
 * A prior from the catalog alone, for a title several items share when no log says which is meant:
 * a popularity field when the catalog maps one, then how prominent the item's people are (how many
 * other items each appears in), then how much the item is described (characters over its fields).
 * "Heat" is the 1995 film with Pacino and De Niro, not a 2006 film whose cast appears nowhere else.
 * People are counted on the first comparison, so a catalog without shared titles pays nothing.
 */
export function catalogTitlePrior(catalog: Catalog): TitlePrior {
  const field = catalog.mapping.numbers.find((name) => popularityFieldPattern.test(name));
  let appearances: Map<string, number> | undefined;
  const prominence = (item: CatalogItem) => {
    appearances ??= countAppearances(catalog.items);
    let total = 0;
    for (const person of new Set(item.people)) total += (appearances.get(person) ?? 1) - 1;
    return total;
  };
  const popularity = (item: CatalogItem) => {
    const value = field === undefined ? undefined : item.fields[field];
    return typeof value === 'number' && Number.isFinite(value) ? value : -1;
  };
  return (left, right) =>
    popularity(right) - popularity(left) ||
    prominence(right) - prominence(left) ||
    describedChars(right) - describedChars(left);
}

/** In how many items each person appears. */
function countAppearances(items: readonly CatalogItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const person of new Set(item.people)) counts.set(person, (counts.get(person) ?? 0) + 1);
  return counts;
}

function describedChars(item: CatalogItem): number {
  let total = 0;
  for (const value of Object.values(item.fields)) {
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const entry of value) total += String(entry).length;
  }
  return total;
}
