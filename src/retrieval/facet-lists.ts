import type { Catalog, CatalogItem } from '../catalog/index.js';
import { foldText } from '../text/tokenize.js';

/**
 * Ranked lists for what a user asks for by attribute rather than by title: genres, people and
 * release years, ordered by popularity (and text relevance where there is no log).
 */
export class FacetLists {
  constructor(
    private readonly catalog: Catalog,
    private readonly popularity: (id: string) => number,
  ) {}

  private peopleIndex: Map<string, { name: string; items: CatalogItem[] }> | undefined;

  private itemsByPerson(): Map<string, { name: string; items: CatalogItem[] }> {
    if (!this.peopleIndex) {
      const index = new Map<string, { name: string; items: CatalogItem[] }>();
      for (const item of this.catalog.items) {
        for (const name of new Set(item.people)) {
          const key = foldText(name)
            .replace(/[^a-z0-9]+/g, ' ')
            .trim();
          if (!key.includes(' ')) continue;
          const entry = index.get(key);
          if (entry) entry.items.push(item);
          else index.set(key, { name, items: [item] });
        }
      }
      this.peopleIndex = index;
    }
    return this.peopleIndex;
  }

  /** Full names of catalog people (two words or more) that a text mentions, in any case. */
  peopleIn(text: string): string[] {
    const words = foldText(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ');
    const index = this.itemsByPerson();
    const found: string[] = [];
    for (let start = 0; start < words.length; start++) {
      for (const length of [3, 2]) {
        const entry = index.get(words.slice(start, start + length).join(' '));
        if (entry && !found.includes(entry.name)) {
          found.push(entry.name);
          start += length - 1;
          break;
        }
      }
    }
    return found;
  }

  /** Items naming the given people: most of them first, then most popular. */
  peopleList(people: string[], k: number, accept: (id: string) => boolean): string[] {
    const counts = new Map<string, number>();
    for (const name of people) {
      const key = foldText(name)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      for (const item of this.itemsByPerson().get(key)?.items ?? []) {
        if (accept(item.id)) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
      }
    }
    return [...counts.entries()]
      .sort(
        (left, right) =>
          right[1] - left[1] ||
          this.popularity(right[0]) - this.popularity(left[0]) ||
          (left[0] < right[0] ? -1 : 1),
      )
      .slice(0, k)
      .map(([id]) => id);
  }

  /** Items released in a year range: most popular first, then best placed in the text-query lists. */
  yearList(
    range: { from?: number | undefined; to?: number | undefined },
    k: number,
    accept: (id: string) => boolean,
    textRank: Map<string, number>,
  ): string[] {
    const from = range.from ?? -Infinity;
    const to = range.to ?? Infinity;
    const scored: { id: string; popularity: number; rank: number }[] = [];
    for (const item of this.itemsByPopularity()) {
      if (item.year === undefined || item.year < from || item.year > to || !accept(item.id)) continue;
      const popularity = this.popularity(item.id);
      // Sorted by popularity: once k are in and popularity drops, nothing later can enter.
      if (scored.length >= k && popularity < scored[k - 1]!.popularity) break;
      scored.push({ id: item.id, popularity, rank: textRank.get(item.id) ?? Infinity });
    }
    return scored
      .sort(
        (left, right) =>
          right.popularity - left.popularity || left.rank - right.rank || (left.id < right.id ? -1 : 1),
      )
      .slice(0, k)
      .map((entry) => entry.id);
  }

  /** Allowed items seen in the interaction log, most popular first (ties by id); none without a log. */
  mostPopular(k: number, accept: (id: string) => boolean): string[] {
    const out: string[] = [];
    for (const item of this.itemsByPopularity()) {
      if (out.length >= k || this.popularity(item.id) === 0) break;
      if (accept(item.id)) out.push(item.id);
    }
    return out;
  }

  private popularityOrderedItems: CatalogItem[] | undefined;

  private itemsByPopularity(): CatalogItem[] {
    this.popularityOrderedItems ??= [...this.catalog.items].sort(
      (left, right) => this.popularity(right.id) - this.popularity(left.id) || (left.id < right.id ? -1 : 1),
    );
    return this.popularityOrderedItems;
  }

  /**
   * Items of the given genres: most genres matched first, then most popular, then best placed in the
   * text-query lists (which orders them when there is no interaction log).
   */
  genreList(
    genres: string[],
    k: number,
    accept: (id: string) => boolean,
    textRank: Map<string, number>,
  ): string[] {
    const wanted = new Set(genres.map((genre) => genre.toLowerCase()));
    if (wanted.size === 0) return [];
    const scored: { id: string; overlap: number; popularity: number; rank: number }[] = [];
    const seen = new Set<string>();
    // Candidates: the most popular allowed items of each genre (lists are sorted by popularity),
    // plus the genre's items that the text queries found. Bounded work on large catalogs.
    const candidates: CatalogItem[] = [];
    for (const genre of wanted) {
      let taken = 0;
      for (const item of this.itemsByGenre().get(genre) ?? []) {
        if (taken >= k * 4) break;
        if (!accept(item.id)) continue;
        candidates.push(item);
        taken++;
      }
    }
    for (const id of textRank.keys()) {
      const item = this.catalog.byId.get(id);
      if (item && item.genres.some((genre) => wanted.has(genre)) && accept(id)) candidates.push(item);
    }
    {
      for (const item of candidates) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const overlap = item.genres.filter((name) => wanted.has(name)).length;
        scored.push({
          id: item.id,
          overlap,
          popularity: this.popularity(item.id),
          rank: textRank.get(item.id) ?? Infinity,
        });
      }
    }
    return scored
      .sort(
        (left, right) =>
          right.overlap - left.overlap ||
          right.popularity - left.popularity ||
          left.rank - right.rank ||
          (left.id < right.id ? -1 : 1),
      )
      .slice(0, k)
      .map((entry) => entry.id);
  }

  private genreIndex: Map<string, CatalogItem[]> | undefined;

  private itemsByGenre(): Map<string, CatalogItem[]> {
    if (!this.genreIndex) {
      this.genreIndex = new Map();
      for (const item of this.catalog.items) {
        for (const genre of item.genres) {
          const list = this.genreIndex.get(genre);
          if (list) list.push(item);
          else this.genreIndex.set(genre, [item]);
        }
      }
      for (const list of this.genreIndex.values()) {
        list.sort((left, right) => this.popularity(right.id) - this.popularity(left.id));
      }
    }
    return this.genreIndex;
  }
}
