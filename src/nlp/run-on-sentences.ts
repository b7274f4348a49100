import { questionAuxiliaries } from './question-words.js';

/**
 * Chat messages often run two sentences together without a mark: "I like musicals and comedy Have
 * you seen Hairspray", "I like Pulp Fiction (1994) I don't tend to watch newer movies". Two openings
 * start a sentence of their own:
 * - a capitalised question opener followed by a pronoun subject, right after a lower-case word
 *   (titles rarely open that way: "Do the Right Thing", "What Dreams May Come" have no pronoun next);
 * - "I" before a verb, adverb or negation, right after a year in brackets or a capitalised word that
 *   does not open its sentence, when the clause has words of its own past the verb ("…Valley Girl I
 *   like that idea"; not "Yes I do", "Rocky I and II", nor "Manchester by the Sea I couldn't take",
 *   whose object is the title before).
 */

const questionOpeners = new Set([
  ...questionAuxiliaries,
  'should',
  'what',
  'who',
  'how',
  'why',
  'which',
  'where',
  'when',
]);

const pronounSubjects = new Set([
  'you',
  'u',
  'ya',
  'anyone',
  'anybody',
  'someone',
  'i',
  'we',
  'they',
  'it',
  'there',
]);

/** Parts of speech that follow a subject "I": "I like", "I also", "I don't", "I 've". */
const afterSubject = new Set(['VERB', 'AUX', 'ADV', 'PART']);

/** Parts of speech whose object may follow: a verb, an auxiliary, a preposition. */
const objectTakers = new Set(['VERB', 'AUX', 'ADP']);

/** Token values as typed, their parts of speech and sentence indexes; returns the sentence indexes with run-on sentences split off. */
export function splitRunOnSentences(
  values: readonly string[],
  tags: readonly string[],
  sentenceOf: readonly number[],
): number[] {
  const result: number[] = [];
  let shift = 0;
  values.forEach((value, index) => {
    const previous = values[index - 1];
    const next = values[index + 1];
    const sameSentence = index > 0 && sentenceOf[index - 1] === sentenceOf[index];
    if (sameSentence && previous !== undefined && next !== undefined) {
      const question =
        /^[A-Z][a-z]+$/.test(value) &&
        questionOpeners.has(value.toLowerCase()) &&
        pronounSubjects.has(next.toLowerCase()) &&
        /^[a-z]/.test(previous) &&
        // After a verb or a preposition the capitals are its object, a title: "my fave is What We
        // Do in the Shadows", "loved Can You Ever Forgive Me".
        !objectTakers.has(tags[index - 1] ?? '');
      const opensPrevious = index < 2 || sentenceOf[index - 2] !== sentenceOf[index - 1];
      const subject =
        value === 'I' &&
        /^[a-z']/.test(next) &&
        afterSubject.has(tags[index + 1] ?? '') &&
        (previous === ')' || (/^[A-Z]/.test(previous) && !opensPrevious)) &&
        hasComplement(tags, sentenceOf, index);
      if (question || subject) shift += 1;
    }
    result.push((sentenceOf[index] ?? 0) + shift);
  });
  return result;
}

/** Whether the clause of the "I" at `index` goes on past its verb, adverbs and negations. */
function hasComplement(tags: readonly string[], sentenceOf: readonly number[], index: number): boolean {
  for (let at = index + 1; at < tags.length && sentenceOf[at] === sentenceOf[index]; at++) {
    const tag = tags[at]!;
    if (tag === 'PUNCT') return false;
    if (!afterSubject.has(tag)) return true;
  }
  return false;
}
