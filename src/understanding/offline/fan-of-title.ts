import type { Word } from '../../nlp/index.js';
import { fanNouns } from '../../titles/index.js';

/** Words before "fan" that deny it: "not a star wars fan", "never an alien fan". */
const denials = new Set(['not', "n't", 'never', 'no', 'nt']);

/**
 * "big indiana jones fan here", "a huge Alien fan": a title right before "fan" is one the user likes
 * (not "a fan of X", whose verdict is a cue phrase of its own). A denial a few words before makes it
 * disliked ("not much of a star wars fan").
 */
export function fanVerdict(words: Word[], end: number, start: number): 'liked' | 'disliked' | undefined {
  const after = words[end];
  if (!after || !fanNouns.has(after.norm) || words[end + 1]?.norm === 'of') return undefined;
  const denied = words
    .slice(Math.max(0, start - 4), start)
    .some((word) => denials.has(word.norm) || denials.has(word.lemma));
  return denied ? 'disliked' : 'liked';
}
