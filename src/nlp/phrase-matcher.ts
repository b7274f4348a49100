import type { Word } from './message-words.js';

/**
 * The words of a phrase to find. A word matches a message word with the same folded form, or whose
 * lemma it is ("funny" matches "funnier", "kid" matches "kids"), unless it is `exact` (the
 * preposition "like" in "something like" must not match the verb "liked").
 */
export type PhraseWords = readonly { norm: string; lemma: string; exact?: boolean }[];

/** A phrase found in a message: word range [start, end) and every value registered for it. */
export interface PhraseMatch<Value> {
  start: number;
  end: number;
  values: Value[];
}

interface Entry<Value> {
  words: PhraseWords;
  value: Value;
}

/**
 * Finds registered phrases in a message's words, longest first and left to right, never across
 * punctuation. Lookup is by the first word, so a message costs about one map lookup per word.
 */
export class PhraseMatcher<Value> {
  private readonly byFirst = new Map<string, Entry<Value>[]>();

  /**
   * `fillers`: words a phrase may have typed inside it without changing what it says ("doesn't
   * actually need to be", "don't really like"); they are never a phrase's first or last word.
   */
  constructor(private readonly fillers: ReadonlySet<string> = new Set()) {}

  add(words: PhraseWords, value: Value): void {
    const first = words[0];
    if (!first) return;
    const list = this.byFirst.get(first.norm);
    if (list) list.push({ words, value });
    else this.byFirst.set(first.norm, [{ words, value }]);
  }

  get size(): number {
    return this.byFirst.size;
  }

  /** Every word of every registered phrase, with its lemma (what a spelling corrector corrects to). */
  *phraseWords(): Generator<{ norm: string; lemma: string }> {
    for (const entries of this.byFirst.values())
      for (const entry of entries)
        for (const word of entry.words) yield { norm: word.norm, lemma: word.lemma };
  }

  /** Non-overlapping matches; `skip(index)` marks words already taken (e.g. by a title). */
  match(words: readonly Word[], skip: (index: number) => boolean = () => false): PhraseMatch<Value>[] {
    const out: PhraseMatch<Value>[] = [];
    let index = 0;
    while (index < words.length) {
      const word = words[index]!;
      if (skip(index)) {
        index += 1;
        continue;
      }
      const candidates = [
        ...(this.byFirst.get(word.norm) ?? []),
        ...(word.lemma !== word.norm ? (this.byFirst.get(word.lemma) ?? []) : []),
      ];
      let best = 0;
      let bestPhrase = 0;
      let values: Value[] = [];
      for (const entry of candidates) {
        const phrase = entry.words.length;
        if (phrase < bestPhrase) continue;
        const end = this.fits(entry.words, words, index, skip);
        if (end < 0) continue;
        if (phrase > bestPhrase) {
          bestPhrase = phrase;
          best = end - index;
          values = [];
        }
        if (!values.includes(entry.value)) values.push(entry.value);
      }
      if (best > 0) {
        out.push({ start: index, end: index + best, values });
        index += best;
      } else {
        index += 1;
      }
    }
    return out;
  }

  /** Where the phrase ends when it matches at `start` (fillers inside it included), else -1. */
  private fits(
    phrase: PhraseWords,
    words: readonly Word[],
    start: number,
    skip: (index: number) => boolean,
  ): number {
    let at = start;
    for (let offset = 0; offset < phrase.length; offset++) {
      const want = phrase[offset]!;
      for (;;) {
        const word = words[at];
        if (!word) return -1;
        if (at > start && (word.barrier || skip(at))) return -1;
        if (word.norm === want.norm || (!want.exact && want.lemma === want.norm && word.lemma === want.norm))
          break;
        // A filler inside the phrase, not before its first word: "doesn't actually need to be".
        if (offset === 0 || !this.fillers.has(word.norm)) return -1;
        at += 1;
      }
      at += 1;
    }
    return at;
  }
}
