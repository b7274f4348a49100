import type { CatalogItem } from './catalog-item.js';

/** "Heat (1995)": the title with its year, unless the title already carries it. */
export function titleWithYear(item: CatalogItem): string {
  return item.year !== undefined && !item.title.includes(`(${item.year})`)
    ? `${item.title} (${item.year})`
    : item.title;
}
