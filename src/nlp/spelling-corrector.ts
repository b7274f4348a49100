import { isEnglishForm } from './english-words.js';

/** A word as the reader's phrases spell it, with its lemma. */
export interface KnownWord {
  norm: string;
  lemma: string;
}

/** Shorter words are left as typed: one edit away from a short word is too many other words. */
const shortest = 6;
/** A typed word may be one letter shorter than that: "horor" is "horror" with a letter left out. */
const shortestTyped = shortest - 1;

/** The word with the character at `index` left out. */
function deleted(word: string, index: number): string {
  return word.slice(0, index) + word.slice(index + 1);
}

/** Whether two words are at most one edit apart: one letter left out, added, changed or two swapped. */
export function withinOneEdit(left: string, right: string): boolean {
  if (left === right) return true;
  if (Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  if (left.length === right.length) {
    if (left.slice(start + 1) === right.slice(start + 1)) return true;
    return (
      left[start] === right[start + 1] &&
      left[start + 1] === right[start] &&
      left.slice(start + 2) === right.slice(start + 2)
    );
  }
  const [longer, shorter] = left.length > right.length ? [left, right] : [right, left];
  return longer.slice(start + 1) === shorter.slice(start);
}

/**
 * Corrects a misspelled word to the one word of a known vocabulary (the words of the reader's cue
 * phrases and concept lexicon) it is one edit away from: "depresing" → "depressing", "freinds" →
 * "friends". Only words no English dictionary has are corrected, only when exactly one known word
 * is that close, and never words shorter than five letters (known words have six or more). Lookups go through single-deletion
 * keys (symmetric delete), so a word costs a few map lookups.
 */
export class SpellingCorrector {
  private readonly known = new Map<string, KnownWord>();
  private readonly byDeletion = new Map<string, string[]>();

  constructor(words: Iterable<KnownWord>) {
    for (const word of words) {
      if (word.norm.length < shortest || !/^\p{L}+$/u.test(word.norm) || this.known.has(word.norm)) continue;
      this.known.set(word.norm, word);
      for (const key of new Set([
        word.norm,
        ...[...word.norm].map((_, index) => deleted(word.norm, index)),
      ])) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word.norm);
        else this.byDeletion.set(key, [word.norm]);
      }
    }
  }

  /** The known word a misspelling stands for, or undefined when the word is fine, unknown or ambiguous. */
  correct(word: string): KnownWord | undefined {
    if (word.length < shortestTyped || this.known.has(word) || !/^\p{L}+$/u.test(word) || isEnglishForm(word))
      return undefined;
    const candidates = new Set<string>();
    for (const key of new Set([word, ...[...word].map((_, index) => deleted(word, index))]))
      for (const known of this.byDeletion.get(key) ?? [])
        if (withinOneEdit(word, known)) candidates.add(known);
    if (candidates.size !== 1) return undefined;
    const [only] = candidates;
    return this.known.get(only!);
  }
}
