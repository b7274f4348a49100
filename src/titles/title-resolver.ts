import Fuse from 'fuse.js';
import type { Catalog, CatalogItem } from '../catalog/index.js';
import { foldText, isStopword } from '../text/tokenize.js';
import { splitYear, titleBase, titleKey } from './normalize-title.js';
import { catalogTitlePrior } from './title-prior.js';

/** A catalog item a piece of text was resolved to. */
export interface ResolvedTitle {
  item: CatalogItem;
  /** 1 for an exact key match (with the right year), lower for fuzzy matches. */
  confidence: number;
  matchedBy: 'exact' | 'fuzzy';
}

/** A title found inside free text. */
export interface TitleMention {
  item: CatalogItem;
  /** Character offsets of the mention in the text. */
  start: number;
  end: number;
  text: string;
}

interface KeyEntry {
  key: string;
  items: CatalogItem[];
}

/** A title resolver's lookup tables as arrays, items given by catalog position. */
export interface TitleTables {
  /** Title keys (leading article dropped), in insertion order. */
  keys: string[];
  /** Where each key's items start in `keyItems` (one more entry than keys). */
  keyStart: Uint32Array;
  /** Catalog positions, each key's likeliest item first. */
  keyItems: Uint32Array;
  /** Keys of titles that start with an article, article kept; same layout. */
  fullKeys: string[];
  fullKeyStart: Uint32Array;
  fullKeyItems: Uint32Array;
  firstWords: string[];
  maxWords: number;
}

function restoreKeys(
  map: Map<string, CatalogItem[]>,
  keys: string[],
  starts: Uint32Array,
  positions: Uint32Array,
  items: readonly CatalogItem[],
): void {
  keys.forEach((key, index) => {
    const list: CatalogItem[] = [];
    for (let slot = starts[index]!; slot < starts[index + 1]!; slot++) list.push(items[positions[slot]!]!);
    map.set(key, list);
  });
}

const wordPattern = /[\p{L}\p{N}'’&]+/gu;

/** Words after which a lower-case phrase is likely a title: "something like star wars". */
const tasteWords = new Set(['like', 'liked', 'love', 'loved', 'enjoyed', 'seen', 'saw', 'watched']);

/**
 * Maps loosely typed titles ("the godfather 2", "Heat 1995") and titles inside dialogue text to
 * catalog items. Exact matching on normalized keys first, then fuzzy matching (Fuse.js).
 */
export class TitleResolver {
  private readonly byKey = new Map<string, CatalogItem[]>();
  /** Titles that start with an article, keyed with it, so "The Godfather" prefers the one that has it. */
  private readonly byFullKey = new Map<string, CatalogItem[]>();
  /** Built on the first fuzzy lookup: opening an index never pays for it. */
  private fuzzy: Fuse<KeyEntry> | undefined;
  private readonly maxWords: number;
  /** Keys of the first word of every title: a mention can only start at one of these. */
  private readonly firstWords = new Set<string>();

  /**
   * Builds the tables from the catalog; or, given `tables` saved from a resolver over the same
   * catalog (`tables()`), takes them as they are.
   */
  constructor(
    private readonly catalog: Catalog,
    private readonly popularity: (id: string) => number = () => 0,
    tables?: TitleTables,
  ) {
    if (tables) {
      restoreKeys(this.byKey, tables.keys, tables.keyStart, tables.keyItems, catalog.items);
      restoreKeys(this.byFullKey, tables.fullKeys, tables.fullKeyStart, tables.fullKeyItems, catalog.items);
      for (const word of tables.firstWords) this.firstWords.add(word);
      this.maxWords = tables.maxWords;
      return;
    }
    for (const item of catalog.items) {
      const base = titleBase(item);
      const key = titleKey(base);
      if (!key) continue;
      this.add(this.byKey, key, item);
      const full = titleKey(base, { keepArticle: true });
      if (full !== key) this.add(this.byFullKey, full, item);
    }
    // Items sharing a title: the most sessions in the log first, then the catalog's own prior.
    const prior = catalogTitlePrior(catalog);
    for (const list of [...this.byKey.values(), ...this.byFullKey.values()])
      if (list.length > 1)
        list.sort(
          (left, right) => this.popularity(right.id) - this.popularity(left.id) || prior(left, right),
        );
    for (const item of catalog.items) {
      const first = titleBase(item).match(wordPattern)?.[0];
      if (first) this.firstWords.add(titleKey(first, { keepArticle: true }));
      // "shawshank redemption" for "The Shawshank Redemption": a title may be typed without its article.
      const [second] = titleKey(titleBase(item)).split(' ');
      if (second) this.firstWords.add(second);
    }
    let mostWords = 1;
    for (const item of catalog.items)
      mostWords = Math.max(mostWords, titleBase(item).match(wordPattern)?.length ?? 1);
    this.maxWords = Math.min(12, mostWords);
  }

  /** The resolver's tables, items as catalog positions: saved with an index, given back to the constructor. */
  tables(): TitleTables {
    const positions = new Map<CatalogItem, number>();
    this.catalog.items.forEach((item, position) => positions.set(item, position));
    const flatten = (map: Map<string, CatalogItem[]>) => {
      const keyStart = new Uint32Array(map.size + 1);
      let total = 0;
      let index = 0;
      for (const items of map.values()) keyStart[++index] = total += items.length;
      const keyItems = new Uint32Array(total);
      let slot = 0;
      for (const items of map.values()) for (const item of items) keyItems[slot++] = positions.get(item)!;
      return { keys: [...map.keys()], keyStart, keyItems };
    };
    const loose = flatten(this.byKey);
    const full = flatten(this.byFullKey);
    return {
      ...loose,
      fullKeys: full.keys,
      fullKeyStart: full.keyStart,
      fullKeyItems: full.keyItems,
      firstWords: [...this.firstWords],
      maxWords: this.maxWords,
    };
  }

  private get fuse(): Fuse<KeyEntry> {
    this.fuzzy ??= new Fuse(
      [...this.byKey.entries()].map(([key, items]) => ({ key, items })),
      { keys: ['key'], includeScore: true, threshold: 0.34, ignoreLocation: true },
    );
    return this.fuzzy;
  }

  private add(map: Map<string, CatalogItem[]>, key: string, item: CatalogItem): void {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }

  /** Catalog items titled exactly this (after normalisation), the best match for `year` first. */
  exactItems(text: string, year?: number): CatalogItem[] | undefined {
    const items = this.lookup(text);
    return items ? this.pick(items, year) : undefined;
  }

  /** Every title key (leading article dropped) with its items. */
  titleEntries(): IterableIterator<[string, CatalogItem[]]> {
    return this.byKey.entries();
  }

  /** Whether some catalog title starts with this word (folded key, article kept). */
  startsTitle(word: string): boolean {
    return this.firstWords.has(titleKey(word, { keepArticle: true }));
  }

  /** The most words any catalog title has (at most 12). */
  get longestTitle(): number {
    return this.maxWords;
  }

  /** Items with this title: those keeping the typed article first, then the rest. */
  private lookup(text: string): CatalogItem[] | undefined {
    const key = titleKey(text);
    const loose = key ? this.byKey.get(key) : undefined;
    if (!loose) return undefined;
    const full = this.byFullKey.get(titleKey(text, { keepArticle: true }));
    return full ? [...full, ...loose.filter((item) => !full.includes(item))] : loose;
  }

  private pick(items: CatalogItem[], year: number | undefined): CatalogItem[] {
    if (year === undefined) return items;
    const exact = items.filter((item) => item.year === year);
    const near = items.filter(
      (item) => item.year !== undefined && Math.abs(item.year - year) <= 1 && item.year !== year,
    );
    return [...exact, ...near, ...items.filter((item) => !exact.includes(item) && !near.includes(item))];
  }

  /** Best catalog matches for a typed title, most likely first. */
  resolve(query: string, limit = 3): ResolvedTitle[] {
    // A trailing number is a year only when the whole text is not itself a title ("Blade Runner 2049").
    const whole = this.lookup(query);
    const { base, year } = whole ? { base: query, year: undefined } : splitYear(query);
    const key = titleKey(base);
    if (!key) return [];
    const exact = whole ?? this.lookup(base);
    if (exact) {
      return this.pick(exact, year)
        .slice(0, limit)
        .map((item, rank) => ({
          item,
          confidence: year === undefined || item.year === year ? (rank === 0 ? 1 : 0.9) : 0.8,
          matchedBy: 'exact' as const,
        }));
    }
    const out: ResolvedTitle[] = [];
    for (const hit of this.fuse.search(key, { limit: limit * 2 })) {
      for (const item of this.pick(hit.item.items, year)) {
        const confidence =
          Math.max(0, 1 - (hit.score ?? 1)) * (year !== undefined && item.year !== year ? 0.8 : 1);
        out.push({ item, confidence: Math.round(confidence * 100) / 100, matchedBy: 'fuzzy' });
      }
    }
    return out.sort((left, right) => right.confidence - left.confidence).slice(0, limit);
  }

  /**
   * Titles mentioned in free text, longest match first. Short or common-word titles ("Up", "Her")
   * only count when capitalized or followed by a year, so ordinary words are not taken for titles.
   */
  findMentions(text: string): TitleMention[] {
    // A conversation is re-read every turn: each message is scanned once.
    const cached = this.mentionCache.get(text);
    if (cached) return cached;
    const found = this.scanMentions(text);
    this.mentionCache.set(text, found);
    if (this.mentionCache.size > 5_000) this.mentionCache.delete(this.mentionCache.keys().next().value!);
    return found;
  }

  private readonly mentionCache = new Map<string, TitleMention[]>();

  private scanMentions(text: string): TitleMention[] {
    const words = [...text.matchAll(wordPattern)].map((match) => ({
      word: match[0],
      start: match.index,
      end: match.index + match[0].length,
    }));
    const mentions: TitleMention[] = [];
    let index = 0;
    while (index < words.length) {
      let found: TitleMention | undefined;
      let consumed = 0;
      if (!this.firstWords.has(titleKey(words[index]!.word, { keepArticle: true }))) {
        index += 1;
        continue;
      }
      for (let length = Math.min(this.maxWords, words.length - index); length >= 1 && !found; length--) {
        const first = words[index]!;
        const last = words[index + length - 1]!;
        const span = text.slice(first.start, last.end);
        const key = titleKey(span);
        const items = this.lookup(span);
        if (!items) continue;
        const yearMatch = /^\s*\((\d{4})\)/.exec(text.slice(last.end));
        const year = yearMatch?.[1] ? Number(yearMatch[1]) : undefined;
        if (year === undefined && !this.plausible(span, key, words[index - 1]?.word)) continue;
        const item = this.pick(items, year)[0]!;
        const end = yearMatch ? last.end + yearMatch[0].length : last.end;
        found = { item, start: first.start, end, text: text.slice(first.start, end) };
        consumed = length;
      }
      if (found) {
        mentions.push(found);
        index += consumed;
      } else {
        index += 1;
      }
    }
    return mentions;
  }

  /**
   * Whether a span that spells a title is meant as one. Capitalized, any title but a lone common
   * word. In lower case a lone word never counts ("up", "heat"); two distinctive words count with a
   * second piece of evidence: a sequel number ("godfather part ii"), the title's own "the" ("the dark
   * knight") or a word of taste just before ("like star wars"); three words or more always count.
   */
  private plausible(span: string, key: string, before: string | undefined): boolean {
    const keyWords = key.split(' ');
    if (keyWords.length >= 3) return true;
    if (/^[\p{Lu}\p{N}]/u.test(span)) {
      if (keyWords.length === 1) return key.length >= 4 && !isStopword(key);
      return !keyWords.every((word) => isStopword(word));
    }
    const [first, second] = keyWords;
    if (first === undefined || second === undefined || !distinctive(first)) return false;
    const fullKey = titleKey(span, { keepArticle: true });
    const typedArticle = fullKey !== key;
    // An article the title does not have makes the words a common noun phrase ("a taxi driver").
    if (typedArticle && !this.byFullKey.has(fullKey)) return false;
    if (/^\d+$/.test(second)) return true;
    if (!distinctive(second)) return false;
    return fullKey.startsWith('the ') || (before !== undefined && tasteWords.has(foldText(before)));
  }
}

/** A word unlikely to start or make up a title by chance: no stopword, no number, four letters or more. */
function distinctive(word: string): boolean {
  return word.length >= 4 && !isStopword(word) && /\p{L}/u.test(word);
}
