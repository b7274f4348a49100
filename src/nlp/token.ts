/** One token of an analysed message. */
export interface Token {
  /** As typed. */
  text: string;
  /** Folded: lower case, no diacritics, curly apostrophes straightened. */
  norm: string;
  /** The folded lemma ("funnier" → "funny", "kids" → "kid", "n't" → "not"). */
  lemma: string;
  /** Universal part-of-speech tag (NOUN, ADJ, PROPN, NUM, PUNCT…). */
  pos: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  /** Inside the scope of a negation ("don't want anything with …"). */
  negated: boolean;
  /** Index of the sentence the token is in. */
  sentence: number;
  /** word, number, punctuation, decade, ordinal, emoji, … */
  kind: string;
}

/** A message split into tokens, with its sentences as token ranges. */
export interface Analysis {
  text: string;
  tokens: Token[];
  /** [first, last] token index of every sentence. */
  sentences: [number, number][];
}
