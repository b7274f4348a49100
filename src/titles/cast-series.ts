import type { CatalogItem } from '../catalog/index.js';

/** How many of a film's first people count. */
const billed = 4;

/**
 * Series the titles do not show: "Star Wars", "The Empire Strikes Back" and "Return of the Jedi"
 * share no name, but their films bill two people or more in the same place among the first four (the
 * leads, or director and lead), were made within ten years of each other and are of mostly the same
 * genres. Used only when a message names a film with a word for a series ("the star wars movies",
 * "the Dark Knight trilogy"); "the kill bill movies" is not Pulp Fiction, which bills Uma Thurman lower.
 */
export class CastSeries {
  private readonly byPerson = new Map<string, CatalogItem[]>();
  private readonly cache = new Map<CatalogItem, CatalogItem[] | undefined>();

  constructor(items: readonly CatalogItem[]) {
    for (const item of items)
      for (const person of new Set(item.people)) {
        const list = this.byPerson.get(person);
        if (list) list.push(item);
        else this.byPerson.set(person, [item]);
      }
  }

  /** The film and the films linked to it, oldest first; undefined when it has none. */
  of(item: CatalogItem): CatalogItem[] | undefined {
    if (this.cache.has(item)) return this.cache.get(item);
    const shared = new Map<CatalogItem, number>();
    item.people.slice(0, billed).forEach((person, place) => {
      for (const other of this.byPerson.get(person) ?? [])
        if (other !== item && other.people[place] === person) shared.set(other, (shared.get(other) ?? 0) + 1);
    });
    const linked = [...shared]
      .filter(([other, count]) => count >= 2 && closeInTime(item, other) && similarGenres(item, other))
      .map(([other]) => other);
    const series =
      linked.length > 0
        ? [item, ...linked].sort((left, right) => (left.year ?? 0) - (right.year ?? 0))
        : undefined;
    this.cache.set(item, series);
    return series;
  }
}

function closeInTime(left: CatalogItem, right: CatalogItem): boolean {
  return left.year !== undefined && right.year !== undefined && Math.abs(left.year - right.year) <= 10;
}

/** Half the genres of the two films or more in common. */
function similarGenres(left: CatalogItem, right: CatalogItem): boolean {
  const union = new Set([...left.genres, ...right.genres]);
  const common = left.genres.filter((genre) => right.genres.includes(genre)).length;
  return union.size > 0 && common / union.size >= 0.5;
}
