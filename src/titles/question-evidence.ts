import type { Token } from '../nlp/index.js';

/** Verbs of making a film: "who directed memento", "who wrote Fargo". */
const makingLemmas = new Set(['direct', 'write', 'produce', 'score', 'shoot', 'edit', 'make', 'compose']);
/** Verbs of being in a film: "who plays the lead in Drive", "who starred in Heat". */
const castLemmas = new Set(['play', 'star', 'act', 'be', 'appear', 'voice']);
const whoWords = new Set(['who', 'whos', "who's"]);
const whenWords = new Set(['when', 'year']);
const releaseWords = new Set(['come', 'came', 'out', 'release', 'released', 'made']);

/**
 * Whether the tokens from `start` are the object of a question about a film: "who directed memento",
 * "who plays the lead in Drive", "what year did totoro come out". `before` is the token before the
 * span, articles skipped.
 */
export function askedAbout(tokens: Token[], start: number, end: number, before: number): boolean {
  const word = tokens[before];
  if (!word) return false;
  const window = (size: number) => tokens.slice(Math.max(0, before - size), before);
  if (makingLemmas.has(word.lemma) && word.norm !== 'make')
    return window(3).some((token) => whoWords.has(token.norm));
  if (word.norm === 'in') {
    const lead = window(5);
    const who = lead.findIndex((token) => whoWords.has(token.norm));
    return who >= 0 && lead.slice(who).some((token) => castLemmas.has(token.lemma) || token.norm === "'s");
  }
  if (['did', 'does', 'was', 'is'].includes(word.norm))
    return (
      window(3).some((token) => whenWords.has(token.norm)) &&
      tokens
        .slice(end, end + 2)
        .some((token) => releaseWords.has(token.norm) || releaseWords.has(token.lemma))
    );
  return false;
}
