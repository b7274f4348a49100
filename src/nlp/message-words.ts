import type { Analysis } from './token.js';

/** A word of a message for phrase matching: hyphenated tokens are split, punctuation dropped. */
export interface Word {
  /** Index of the token the word comes from. */
  token: number;
  norm: string;
  lemma: string;
  /** A punctuation mark (other than a hyphen or apostrophe) or a sentence end comes before it. */
  barrier: boolean;
}

const joiners = new Set(['-', '–', '/', "'", '’', '#']);

/** The words of an analysed message, in order. Phrases never match across a barrier. */
export function messageWords(analysis: Analysis): Word[] {
  const words: Word[] = [];
  let barrier = true;
  let sentence = 0;
  analysis.tokens.forEach((token, index) => {
    if (token.sentence !== sentence) {
      sentence = token.sentence;
      barrier = true;
    }
    if (token.kind === 'punctuation' || token.kind === 'symbol') {
      if (!joiners.has(token.text)) barrier = true;
      return;
    }
    const norms = token.norm.split(/[-–/]/).filter(Boolean);
    const lemmas = token.lemma.split(/[-–/]/).filter(Boolean);
    norms.forEach((norm, part) => {
      const lemma = norms.length === lemmas.length ? lemmas[part]! : norm;
      words.push({ token: index, norm, lemma, barrier: barrier && part === 0 });
    });
    barrier = false;
  });
  return words;
}

/** Words of a phrase without lemmas (people's names, titles): folded and split on non-letters. */
export function plainWords(text: string, fold: (text: string) => string): { norm: string; lemma: string }[] {
  return fold(text)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map((word) => ({ norm: word, lemma: word }));
}
