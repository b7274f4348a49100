import type { Word } from '../../nlp/index.js';

const questionAuxiliaries = new Set([
  'have',
  'has',
  'had',
  'did',
  'do',
  'does',
  'would',
  'will',
  'can',
  'could',
]);
const listeners = new Set(['you', 'u', 'ya', 'yall']);
const listenerVerbs = new Set([
  'seen',
  'watched',
  'see',
  'watch',
  'saw',
  'tried',
  'liked',
  'like',
  'enjoyed',
  'caught',
]);
const listenerAdverbs = new Set([
  'ever',
  'already',
  'also',
  'even',
  'really',
  'actually',
  'yet',
  'personally',
]);

/**
 * "…have you seen Rocky", "yes i have have u watched Deadpool": the title is asked of the one the
 * user talks to, even mid-sentence and without a mark. No verdict of the user's.
 */
export function askedOfListener(words: Word[], start: number): boolean {
  let index = start - 1;
  if (words[index]?.norm === 'the') index -= 1;
  if (words[index]?.norm === 'of' && words[index - 1]?.norm === 'heard') index -= 1;
  else if (!listenerVerbs.has(words[index]?.norm ?? '')) return false;
  return listenerBefore(words, index);
}

/** Whether the verdict word at `index` is asked of the listener: "have you seen", "did u ever like". */
export function listenerBefore(words: Word[], index: number): boolean {
  let at = index - 1;
  while (at >= 0 && listenerAdverbs.has(words[at]!.norm)) at -= 1;
  return listeners.has(words[at]?.norm ?? '') && questionAuxiliaries.has(words[at - 1]?.norm ?? '');
}
