import type { CatalogItem } from '../catalog/index.js';
import { isEnglishWord } from '../nlp/index.js';
import { isStopword } from '../text/tokenize.js';
import { titleBase, titleKey } from './normalize-title.js';
import { distinctiveWord } from './title-plausibility.js';

/** Chat shorthand that is never a title's initials. */
const shorthand = new Set([
  'lmao',
  'rofl',
  'imho',
  'asap',
  'tldr',
  'smth',
  'afaik',
  'iirc',
  'fwiw',
  'tbh',
  'idk',
  'btw',
  'omg',
  'lol',
  'wtf',
  'fyi',
  'irl',
  'nvm',
  'ngl',
  'ikr',
  'pls',
  'plz',
  'thx',
]);

function seriesPrefixes(key: string): string[] {
  const words = key.split(' ');
  const out: string[] = [];
  for (let length = 1; length < Math.min(words.length, 5); length++)
    out.push(words.slice(0, length).join(' '));
  return out;
}

function distinctivePrefix(prefix: string): boolean {
  const words = prefix.split(' ');
  if (words.every((word) => isStopword(word) || /^\d+$/.test(word))) return false;
  // A name ends on a word of its own: "back to the future", not "back to" ("back to back").
  if (isStopword(words[words.length - 1]!)) return false;
  return words.length >= 2 || (words[0]!.length >= 5 && !isStopword(words[0]!));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** The words every key starts with, without trailing stopwords ("lord of the rings the …" → "lord of the rings"). */
function sharedName(keys: string[]): string {
  const [first = [], ...others] = keys.map((key) => key.split(' '));
  let length = 0;
  while (length < first.length && others.every((words) => words[length] === first[length])) length++;
  while (length > 0 && isStopword(first[length - 1]!)) length--;
  return first.slice(0, length).join(' ');
}

const byYear = (left: CatalogItem, right: CatalogItem) => (left.year ?? 0) - (right.year ?? 0);

/**
 * The series of a catalog, read from its titles alone: titles sharing a name ("Toy Story", "Toy Story
 * 2"; "Mad Max", "Mad Max: Fury Road"; "…Into the Spider-Verse", "…Across the Spider-Verse"), the short
 * forms of titles ("Harry Potter" of "Harry Potter and the…", "Fury Road" of "Mad Max: Fury Road") and
 * the initials of long names ("lotr").
 */
export class SeriesIndex {
  /** Series name (a key prefix of 1–4 words shared by two or more titles) → its films, oldest first. */
  private readonly groups = new Map<string, CatalogItem[]>();
  /** A distinctive ending shared by two or more titles ("spider verse"): a series only with a cue. */
  private readonly tails = new Map<string, CatalogItem[]>();
  /** The head of a title before its subtitle → the title. */
  private readonly headItems = new Map<string, CatalogItem>();
  /** A subtitle of two words or more ("fury road", "the two towers" as "2 towers") → its title. */
  private readonly subtitleItems = new Map<string, CatalogItem>();
  /** Every key prefix → the titles that start with it ("before" → "Before Sunrise"). */
  private readonly starts = new Map<string, CatalogItem[]>();
  /** Initials of a series name or title of three words or more → its key. */
  private readonly initials = new Map<string, string | undefined>();
  private readonly keyOf = new Map<CatalogItem, string>();
  /** Series names that are all their films share ("mission impossible"; not "mission"). */
  private readonly names = new Set<string>();
  /** Word prefixes of every name, ending, short form, subtitle and title start: a span that is none cannot grow into one. */
  private readonly prefixes = new Set<string>();

  constructor(items: readonly CatalogItem[]) {
    const byPrefix = new Map<string, CatalogItem[]>();
    const byTail = new Map<string, CatalogItem[]>();
    const subtitles = new Map<string, CatalogItem[]>();
    /** A title before its subtitle and without its part number ("rocky ii" → "rocky"). */
    const headOf = new Map<CatalogItem, string>();
    for (const item of items) {
      const base = titleBase(item);
      const key = titleKey(base);
      this.keyOf.set(item, key);
      const parts = base.split(/\s*[:–—]\s*|\s+-\s+/);
      const head = titleKey(parts[0] ?? base).replace(/\s+\d+$/, '');
      headOf.set(item, titleKey(parts[0] ?? base).replace(/\s+(?:\d+|[ivx]+)$/, ''));
      const beforeAnd = titleKey(base.split(/\s+and\s+the\s+/i)[0] ?? base);
      for (const short of [head, beforeAnd]) {
        // One word of its own too ("Anchorman" for "Anchorman: The Legend of Ron Burgundy"): like any
        // one-word title, the finder wants the evidence of a title for it.
        const named = short.split(' ').length >= 2 || (short.length >= 5 && !isStopword(short));
        if (short && short !== key && named && !this.headItems.has(short)) this.headItems.set(short, item);
      }
      const subtitle = parts.length > 1 ? titleKey(parts[parts.length - 1]!) : '';
      if (subtitle.includes(' ') && subtitle.split(' ').some(distinctiveWord))
        push(subtitles, subtitle, item);
      for (const prefix of new Set([key, head, ...seriesPrefixes(key)]))
        if (prefix) push(byPrefix, prefix, item);
      const words = key.split(' ');
      for (let length = 1; length <= Math.min(4, words.length); length++) {
        push(this.starts, words.slice(0, length).join(' '), item);
        const tail = words.slice(-length).join(' ');
        if (length >= 2 && length < words.length && tail.split(' ').every(distinctiveWord))
          push(byTail, tail, item);
      }
    }
    // "Alien" and "Aliens": a later film titled the plural of an earlier one is its sequel.
    const byKey = new Map([...this.keyOf].map(([item, key]) => [key, item]));
    for (const [key, item] of byKey) {
      const plural = byKey.get(`${key}s`);
      if (!key.includes(' ') && plural && (plural.year ?? 0) > (item.year ?? 0)) push(byPrefix, key, plural);
    }
    for (const [prefix, members] of byPrefix) {
      if (members.length < 2 || !distinctivePrefix(prefix)) continue;
      // One English word shared by titles ("Anything Goes", "Anything Else") names no series unless a
      // member is titled by it alone, numbered or before a subtitle ("Rocky II", "Scream: …").
      if (
        !prefix.includes(' ') &&
        isEnglishWord(prefix) &&
        !members.some((item) => headOf.get(item) === prefix)
      )
        continue;
      this.groups.set(prefix, [...members].sort(byYear));
      if (sharedName(members.map((item) => this.keyOf.get(item)!)) === prefix) this.names.add(prefix);
    }
    for (const [tail, members] of byTail)
      if (members.length >= 2 && !this.groups.has(tail)) this.tails.set(tail, [...members].sort(byYear));
    for (const [subtitle, [item, ...others]] of subtitles)
      if (item && others.length === 0 && !this.groups.has(subtitle)) this.subtitleItems.set(subtitle, item);
    for (const key of [
      ...this.groups.keys(),
      ...this.tails.keys(),
      ...this.headItems.keys(),
      ...this.subtitleItems.keys(),
      ...this.starts.keys(),
    ]) {
      const words = key.split(' ');
      for (let length = 1; length <= words.length; length++)
        this.prefixes.add(words.slice(0, length).join(' '));
    }
    const named = [...this.groups.keys(), ...this.headItems.keys(), ...this.keyOf.values()];
    for (const key of new Set(named)) {
      const words = key.split(' ');
      if (words.length < 3 || words.length > 8 || words.some((word) => /\d/.test(word))) continue;
      const letters = words.map((word) => word[0]).join('');
      if (isEnglishWord(letters) || isStopword(letters) || shorthand.has(letters)) continue;
      // Two names with the same initials: neither is meant.
      this.initials.set(letters, this.initials.has(letters) ? undefined : key);
    }
  }

  /** The films of the series with this name (a title key), oldest first. */
  group(key: string): CatalogItem[] | undefined {
    return this.groups.get(key);
  }

  /** Whether a series name is all its films' titles share: "mission impossible" is, "mission" is not. */
  isFullName(key: string): boolean {
    return this.names.has(key);
  }

  /** Whether a key (or its singular: "toy storys") starts some series name, ending, short form, subtitle or title. */
  mayStart(key: string): boolean {
    if (this.prefixes.has(key)) return true;
    const singular = key.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
    return singular !== key && this.prefixes.has(singular);
  }

  /** The films sharing a distinctive ending ("spider verse"), oldest first. */
  tail(key: string): CatalogItem[] | undefined {
    return this.tails.get(key);
  }

  /** The title a short form names ("harry potter"), when it is not a series name. */
  head(key: string): CatalogItem | undefined {
    return this.headItems.get(key);
  }

  /** The title a subtitle names ("fury road"). */
  subtitle(key: string): CatalogItem | undefined {
    return this.subtitleItems.get(key);
  }

  /** The titles whose key starts with these words. */
  startingWith(key: string): CatalogItem[] | undefined {
    return this.starts.get(key);
  }

  /** The series name or title key these initials stand for ("lotr" → "lord of the rings"). */
  expand(initials: string): string | undefined {
    return this.initials.get(initials);
  }

  /** Every series name and short form: a span that starts none of them cannot grow into one. */
  keys(): string[] {
    return [...this.groups.keys(), ...this.headItems.keys()];
  }

  heads(): IterableIterator<[string, CatalogItem]> {
    return this.headItems.entries();
  }

  /** The title's key (article dropped). */
  key(item: CatalogItem): string {
    return this.keyOf.get(item) ?? titleKey(titleBase(item));
  }

  /**
   * The `n`th film of a series: the one numbered so ("Toy Story 3", "The Godfather Part II",
   * "Terminator 2: Judgment Day"), for 1 the one named just so, else the `n`th by year.
   */
  member(name: string, n: number): CatalogItem | undefined {
    const group = this.groups.get(name);
    if (!group || n < 1) return undefined;
    const numberOf = (item: CatalogItem) => {
      const key = this.key(item);
      if (key === name) return 1;
      const next = key.startsWith(`${name} `) ? key.slice(name.length + 1).split(' ')[0] : undefined;
      return next && /^\d{1,2}$/.test(next) ? Number(next) : undefined;
    };
    const numbered = group.find((item) => numberOf(item) === n);
    if (numbered) return numbered;
    const byPosition = group[n - 1];
    return byPosition && numberOf(byPosition) === undefined ? byPosition : undefined;
  }

  /** The smallest series that has every one of these films. */
  groupOf(items: readonly CatalogItem[]): CatalogItem[] | undefined {
    let best: CatalogItem[] | undefined;
    const [first] = items;
    if (!first) return undefined;
    for (const prefix of seriesPrefixes(`${this.key(first)} end`)) {
      const group = this.groups.get(prefix);
      if (group && items.every((item) => group.includes(item)) && (!best || group.length < best.length))
        best = group;
    }
    return best;
  }
}
