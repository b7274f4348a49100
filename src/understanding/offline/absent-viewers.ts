import type { Word } from '../../nlp/index.js';

/** Words saying someone is not there to watch: "the kids are finally asleep", "once he's in bed". */
const absence = new Set([
  'asleep',
  'sleeping',
  'napping',
  'bed',
  'bedtime',
  'gone',
  'away',
  'out',
  'school',
  'camp',
  'sleepover',
  'dozed',
  'work',
  'abroad',
  'vacation',
  'trip',
  'north',
  'south',
  'upstate',
]);
/** Verbs between the viewer and the absence: "are", "is finally", "went to", "goes down". */
const linking = new Set([
  'is',
  's',
  "'s",
  "'re",
  'are',
  're',
  'r',
  'fell',
  'fallen',
  'up',
  'was',
  'were',
  'be',
  'been',
  'finally',
  'now',
  'already',
  'fast',
  'sound',
  'both',
  'all',
  'went',
  'go',
  'goes',
  'gone',
  'to',
  'in',
  'off',
  'at',
  'down',
  'has',
  'have',
  'for',
  'the',
  'night',
  'their',
  'his',
  'her',
]);

/**
 * Whether the viewer named by words [start, end) is said to be away, so not an audience: "the kids
 * are finally asleep", "once the little one's asleep", "after he's in bed" (the pronoun after the
 * viewer counts as the viewer).
 */
export function absentViewer(words: Word[], start: number, end: number): boolean {
  let at = end;
  // "the little one's asleep": the possessive-looking "s" and a pronoun standing for the viewer.
  for (let step = 0; step < 6 && at < words.length; step++, at++) {
    const word = words[at]!;
    if (word.barrier && at > end) return false;
    if (absence.has(word.norm)) return at > end || step > 0 || word.norm === 'asleep';
    if (!linking.has(word.norm)) return false;
  }
  return false;
}
