import type { CatalogItem } from '../catalog/index.js';

/** A title key close to a typed span, and how many edits apart. */
export interface FuzzyMatch {
  key: string;
  items: CatalogItem[];
  edits: number;
}

/**
 * Edit distance with adjacent transpositions counted as one edit ("kign" → "king"), stopping early
 * past `limit` (optimal string alignment; fastest-levenshtein counts a swap as two).
 */
export function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    let rowMin = row;
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1])
        value = Math.min(value, previous2[column - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[right.length]!;
}

function trigrams(text: string): string[] {
  const padded = ` ${text} `;
  const out = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) out.add(padded.slice(index, index + 3));
  return [...out];
}

/** Edits a span of this many characters may be away from a title: one per ~7 characters, at most 3. */
export function editsAllowed(length: number): number {
  return length < 6 ? 0 : Math.min(3, Math.max(1, Math.floor(length / 7)));
}

/**
 * Title keys by character trigram, for typed spans that are a few edits off a title: letters
 * swapped, missing or doubled ("the shinning"), a space too many or too few ("jurassicpark",
 * "spider man"), a wrong inflection ("no country for old man"). Candidates share most trigrams with
 * the span; the closest by edit distance within `editsAllowed` wins. Lookups touch only the keys
 * sharing a trigram with the span, and very common trigrams are skipped.
 */
export class FuzzyTitleIndex {
  private readonly keys: string[] = [];
  private readonly items: CatalogItem[][] = [];
  private readonly postings = new Map<string, number[]>();
  /** Trigrams used by more keys than this say little and cost much. */
  private readonly maxPosting: number;
  /** Per-key counters reused across lookups (no allocation per query). */
  private shared = new Uint16Array(0);
  private touched = new Uint32Array(0);

  constructor(entries: Iterable<[string, CatalogItem[]]>) {
    for (const [key, items] of entries) {
      if (key.length < 5) continue;
      const index = this.keys.length;
      this.keys.push(key);
      this.items.push(items);
      for (const gram of trigrams(key)) {
        const list = this.postings.get(gram);
        if (list) list.push(index);
        else this.postings.set(gram, [index]);
      }
    }
    this.maxPosting = Math.max(50, Math.floor(this.keys.length / 20));
    this.shared = new Uint16Array(this.keys.length);
    this.touched = new Uint32Array(this.keys.length);
  }

  /** The title key closest to a span (a title key itself), when within the allowed edits. */
  closest(span: string): FuzzyMatch | undefined {
    const allowed = editsAllowed(span.length);
    if (allowed === 0) return undefined;
    const grams = trigrams(span);
    const { shared, touched } = this;
    let touchedCount = 0;
    let used = 0;
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list || list.length > this.maxPosting) continue;
      used += 1;
      for (const index of list) {
        if (shared[index] === 0) touched[touchedCount++] = index;
        shared[index]! += 1;
      }
    }
    let best: FuzzyMatch | undefined;
    for (let slot = 0; slot < touchedCount; slot++) {
      const index = touched[slot]!;
      const count = shared[index]!;
      shared[index] = 0;
      if (count < used * 0.5) continue;
      const key = this.keys[index]!;
      if (Math.abs(key.length - span.length) > allowed) continue;
      const edits = editDistance(span, key, allowed);
      if (edits <= allowed && (!best || edits < best.edits)) best = { key, items: this.items[index]!, edits };
    }
    return best;
  }
}
