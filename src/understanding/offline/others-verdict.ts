import type { Word } from '../../nlp/index.js';
import { clauseBreak } from './cues.js';
import type { Lookup } from './scope.js';

/**
 * Whose opinion a clause gives. "Critics hated Tropic Thunder but I thought it was hilarious",
 * "everyone says Whiplash is a masterpiece, honestly it did nothing for me": the verdict of others is
 * only a report; the user's own, said after it, is the verdict on the title.
 */

/** Third parties who hold an opinion: the public, critics, people the user knows. */
export const opinionHolders = new Set([
  'critics',
  'critic',
  'reviewers',
  'reviews',
  'people',
  'everyone',
  'everybody',
  'everyones',
  'folks',
  'internet',
  'online',
  'twitter',
  'reddit',
  'tiktok',
  'imdb',
  'audiences',
  'fans',
  'hype',
  'world',
  'friends',
  'friend',
  'brother',
  'sister',
  'wife',
  'husband',
  'partner',
  'bf',
  'gf',
  'boyfriend',
  'girlfriend',
  'mom',
  'mum',
  'mother',
  'dad',
  'father',
  'parents',
  'cousin',
  'roommate',
  'flatmate',
  'coworkers',
  'coworker',
  'colleagues',
  'colleague',
  'boss',
  'uncle',
  'aunt',
  'grandma',
  'grandpa',
  'he',
  'she',
]);
/** Words that make a clause the user's own: "I", "me", "personally", "for me". */
const ownVoice = new Set([
  'i',
  'im',
  'ive',
  'id',
  'me',
  'myself',
  'my',
  'personally',
  'honestly',
  'tbh',
  'imo',
]);
/** Words that turn from a report to the user's own view. */
const turns = new Set(['but', 'though', 'although', 'however', 'yet', 'whereas', 'while']);

function norm(word: Word | undefined): string {
  return word?.norm.replace(/['’]/g, '') ?? '';
}

/** The clause around words [start, end): up to a sentence end, a comma or a turn word. */
function clauseAround(lookup: Lookup, start: number, end: number): [number, number] {
  const { words, analysis } = lookup;
  let from = start;
  while (
    from > 0 &&
    !clauseBreak(analysis, words, from - 1) &&
    !words[from]!.barrier &&
    !turns.has(norm(words[from - 1]))
  )
    from -= 1;
  let to = end;
  while (
    to < words.length &&
    !clauseBreak(analysis, words, to - 1) &&
    !words[to]!.barrier &&
    !turns.has(norm(words[to]))
  )
    to += 1;
  return [from, to];
}

/** Whether the clause of a title reports what others think: a holder is there, the user is not. */
export function heldByOthers(lookup: Lookup, start: number, end: number): boolean {
  const [from, to] = clauseAround(lookup, start, end);
  const clause = lookup.words
    .slice(from, to)
    .filter((_, offset) => lookup.mentionAt.get(from + offset)?.kind !== 'title');
  return (
    clause.some((word) => opinionHolders.has(norm(word))) &&
    !clause.some((word) => ownVoice.has(norm(word)) && norm(word) !== 'my')
  );
}

/**
 * The user's own clause after a title's reported one, in the same or the next sentence: "…but I
 * thought it was hilarious", "…, me not so much", "…but it's one of my faves". Undefined when the
 * message turns to no view of the user's, or names another title first.
 */
export function ownClauseAfter(lookup: Lookup, end: number): [number, number] | undefined {
  const { words, analysis, mentionAt } = lookup;
  const [, clauseEnd] = clauseAround(lookup, end - 1, end);
  let start = clauseEnd;
  let sentences = 0;
  while (start < words.length && turns.has(norm(words[start]))) start += 1;
  if (start >= words.length) return undefined;
  if (start > 0 && clauseBreak(analysis, words, start - 1)) sentences += 1;
  if (sentences > 1) return undefined;
  let stop = start;
  while (stop < words.length && (stop === start || !clauseBreak(analysis, words, stop - 1))) {
    if (mentionAt.get(stop)?.kind === 'title') break;
    stop += 1;
  }
  const clause = words.slice(start, stop);
  const own = clause.slice(0, 4).some((word) => ownVoice.has(norm(word)));
  // "…but it's one of my faves": the title itself as the subject, with the user's word for it.
  const aboutIt =
    ['it', 'its', 'that'].includes(norm(clause[0])) && clause.some((word) => ownVoice.has(norm(word)));
  return own || aboutIt ? [start, stop] : undefined;
}

/**
 * Whether words [start, end) name who holds a verdict on a title of their clause: "my friends all
 * rave about The Dark Knight" says who likes it, not who will watch.
 */
export function holdsTitleVerdict(
  lookup: Lookup,
  start: number,
  end: number,
  verdictAt: ReadonlyMap<number, unknown>,
): boolean {
  const [from, to] = clauseAround(lookup, start, end);
  let title = false;
  let verdict = false;
  for (let index = from; index < to; index++) {
    if (lookup.mentionAt.get(index)?.kind === 'title') title = true;
    if (verdictAt.has(index) && (index < start || index >= end)) verdict = true;
  }
  return title && verdict;
}
