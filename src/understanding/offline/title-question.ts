import { questionAuxiliaries } from '../../nlp/index.js';
import { clauseBreak } from './cues.js';
import { askedOfListener } from './listener-question.js';
import type { Mention } from './mentions.js';
import type { Lookup } from './scope.js';

type TitleMention = Extract<Mention, { kind: 'title' }>;

/** Words that open a clause without saying anything: "um", "ok so", "and also". */
export const openers = new Set([
  'um',
  'umm',
  'uh',
  'hmm',
  'ok',
  'okay',
  'so',
  'well',
  'like',
  'oh',
  'and',
  'also',
  'the',
]);

/** "Have you seen Heat?", "Is Nope any good?": a question about the title, not a verdict. */
export function askedAboutTitle(lookup: Lookup, mention: TitleMention): boolean {
  const { analysis, words } = lookup;
  // The clause of the title: back to a comma or a sentence start (quotes do not count).
  let start = mention.start;
  while (start > 0 && !clauseBreak(analysis, words, start - 1) && !commaBefore(lookup, start)) start -= 1;
  while (start < mention.start && openers.has(words[start]!.norm) && words[start]!.norm !== 'the') start += 1;
  let end = mention.end;
  while (end < words.length && !clauseBreak(analysis, words, end - 1)) end += 1;
  const after = analysis.text.slice(analysis.tokens[words[end - 1]!.token]!.end).replace(/^[\s"'”’)\]]+/, '');
  if (askedOfListener(words, mention.start)) return true;
  // "What's a good movie like Heat?", "what is a movie similar to Heat?": asks for films like it.
  const previous = words.slice(Math.max(start, mention.start - 2), mention.start).map((word) => word.norm);
  const anchored =
    (previous[previous.length - 1] === 'like' &&
      !['you', 'u', 'i', 'we', 'they', 'did', 'does', 'do', 'would'].includes(previous[0] ?? '')) ||
    ['similar to', 'close to', 'such as', 'along the lines of'].includes(previous.join(' '));
  if (anchored) return false;
  const first = words[start]!.norm;
  if (!questionWords.has(first) || words[start + 1]?.norm === 'about') return false;
  // "Don't like Ring (1998), other?": a negated auxiliary without a subject states ("didn't you…" asks).
  if (
    auxiliaries.has(first) &&
    ['not', "n't", 'nt'].includes(words[start + 1]?.norm ?? '') &&
    !questionSubjects.has(words[start + 2]?.norm ?? '')
  )
    return false;
  if (after.startsWith('?')) return true;
  // "Is Harry Potter any good" is a question without its mark: a verb or a wh-word opens the
  // sentence and a subject follows ("didn't like the shining" is no question).
  const opensSentence = start === 0 || clauseBreak(analysis, words, start - 1);
  const second = words[start + 1];
  const subject =
    second !== undefined &&
    (questionSubjects.has(second.norm) ||
      lookup.mentionAt.get(start + 1)?.kind === 'title' ||
      !auxiliaries.has(first));
  return opensSentence && subject;
}

function commaBefore(lookup: Lookup, index: number): boolean {
  const { analysis, words } = lookup;
  for (let token = words[index - 1]!.token + 1; token < words[index]!.token; token++)
    if (/^[,:;–—-]$/.test(analysis.tokens[token]!.text)) return true;
  return false;
}

export const questionSubjects = new Set([
  'you',
  'u',
  'ya',
  'anyone',
  'anybody',
  'it',
  'this',
  'that',
  'the',
  'there',
  'he',
  'she',
  'they',
  'we',
  'i',
  'y',
  'ye',
]);
/** Auxiliaries that open a question ("have you…", "is it…"). */
export const auxiliaries = questionAuxiliaries;

const questionWords = new Set([
  ...questionAuxiliaries,
  'ever',
  'what',
  'whats',
  "what's",
  'how',
  'who',
  'when',
  'which',
  'anyone',
  'wait',
]);
