import { isEnglishWord, type Analysis } from '../nlp/index.js';
import { isStopword } from '../text/tokenize.js';
import { editDistance } from './fuzzy-title-index.js';
import { titleKey } from './normalize-title.js';
import { phoneticKey } from './phonetic-key.js';

/** One word of a message as the title finder reads it. */
export interface Unit {
  /** Index of the unit's first token. */
  token: number;
  /** Index of its last token ("Can't" is "Ca" + "n't", one unit). */
  last: number;
  key: string;
  /** The catalog title word a misspelled word most likely is. */
  corrected?: string;
  /** The misspelling is itself a word of the catalog's text ("forest" for "Forrest"). */
  known?: boolean;
  /** Edits between the typed word and the correction. */
  edits?: number;
  /** Neither an English word nor a word of the catalog's text: likely a misspelling or a name. */
  misspelled: boolean;
}

interface Correction {
  word: string;
  known: boolean;
  edits: number;
}

/**
 * The words of a catalog's titles, how many titles use each, and the title word a misspelled message
 * word most likely is.
 */
export class TitleWords {
  /** Title word → how many titles use it; misspellings are corrected towards these words. */
  private readonly counts = new Map<string, number>();
  /** First letter + length → title words, for bounded edit-distance search. */
  private readonly buckets = new Map<string, string[]>();
  private readonly corrections = new Map<string, Correction | undefined>();
  /** Sound key → the title words of that sound. */
  private readonly sounds = new Map<string, string[]>();

  constructor(
    keys: Iterable<string>,
    private readonly documentFrequency: (word: string) => number,
  ) {
    for (const key of keys)
      for (const word of key.split(' ')) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    for (const word of this.counts.keys()) {
      if (word.length < 3 || !/^\p{L}+$/u.test(word)) continue;
      if (word.length >= 5) {
        const sound = phoneticKey(word);
        this.sounds.set(sound, [...(this.sounds.get(sound) ?? []), word]);
      }
      const bucket = `${word[0]}${word.length}`;
      const list = this.buckets.get(bucket);
      if (list) list.push(word);
      else this.buckets.set(bucket, [word]);
    }
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** How many titles use the word. */
  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** The message's words, with glued tokens joined ("Can't") and misspelled words corrected. */
  units(analysis: Analysis): Unit[] {
    const { tokens } = analysis;
    const units: Unit[] = [];
    tokens.forEach((token, index) => {
      if (token.kind === 'punctuation' || token.kind === 'symbol') return;
      // Tokens typed without a space between are one word: "Can't", "Ocean's".
      const previous = units[units.length - 1];
      if (
        previous &&
        previous.last === index - 1 &&
        tokens[index - 1]!.end === token.start &&
        token.kind !== 'number'
      ) {
        const glued = titleKey(analysis.text.slice(tokens[previous.token]!.start, token.end));
        if (glued && !glued.includes(' ')) {
          previous.key = glued;
          previous.last = index;
          return;
        }
      }
      const key = titleKey(token.text);
      if (!key) return;
      const misspelled =
        key.length >= 3 &&
        token.kind !== 'number' &&
        !isStopword(key) &&
        !isEnglishWord(token.norm, token.lemma) &&
        this.documentFrequency(key) === 0;
      const unit: Unit = { token: index, last: index, key, misspelled };
      if (token.kind === 'number' || (!misspelled && this.counts.has(key))) {
        units.push(unit);
        return;
      }
      const corrected = this.correction(key, token.lemma);
      if (corrected) {
        unit.corrected = corrected.word;
        unit.edits = corrected.edits;
        // A word the NLP library knows an inflection of ("confusing" → "confuse") is no misspelling.
        if (corrected.known || token.lemma !== token.norm) unit.known = true;
      }
      units.push(unit);
    });
    return units;
  }

  /**
   * The catalog title word a misspelled message word most likely is: within one edit (two for words
   * of six letters or more), same first letter, else the one title word that sounds the same
   * ("insepshun"). A word of the catalog's own text ("forest") may be a misspelling too, but only
   * counts inside a longer title.
   */
  private correction(key: string, lemma: string): Correction | undefined {
    if (this.corrections.has(key)) return this.corrections.get(key);
    const found = this.findCorrection(key, lemma);
    if (this.corrections.size > 20_000) this.corrections.clear();
    this.corrections.set(key, found);
    return found;
  }

  private findCorrection(key: string, lemma: string): Correction | undefined {
    if (key.includes(' ') || key.length < 3 || !/^\p{L}+$/u.test(key)) return undefined;
    if (this.counts.has(key) || isStopword(key)) return undefined;
    const known = this.documentFrequency(key) > 0 || isEnglishWord(key, lemma);
    const limit = key.length >= 6 && !known ? 2 : 1;
    let best: string | undefined;
    let bestDistance = limit + 1;
    let bestCount = 0;
    for (let length = key.length - limit; length <= key.length + limit; length++) {
      for (const word of this.buckets.get(`${key[0]}${length}`) ?? []) {
        const edits = editDistance(key, word, limit);
        const count = this.counts.get(word) ?? 0;
        if (edits < bestDistance || (edits === bestDistance && count > bestCount)) {
          best = word;
          bestDistance = edits;
          bestCount = count;
        }
      }
    }
    if (best !== undefined && bestDistance <= limit) return { word: best, known, edits: bestDistance };
    // Typed by ear: "insepshun" is "inception", further off by letters than by sound.
    if (known || key.length < 6) return undefined;
    const sound = phoneticKey(key);
    if (sound.length < 4) return undefined;
    // Of the words that sound alike ("parasite", "pursuit"), the one closest by letters, if it is clearly closest.
    const heard = (this.sounds.get(sound) ?? [])
      .map((word) => ({ word, edits: editDistance(key, word, key.length) }))
      .sort((left, right) => left.edits - right.edits);
    const [closest, next] = heard;
    if (!closest || (next && next.edits <= closest.edits + 1)) return undefined;
    return { word: closest.word, known, edits: closest.edits };
  }
}
