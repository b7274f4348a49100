import type { Analysis, Word } from '../../nlp/index.js';
import { clauseBreak, isFiller, isListWord, type Cue, type ScopeCue } from './cues.js';
import type { Mention } from './mentions.js';

/** How the words around a mention bear on it. */
export type Polarity = 'positive' | ScopeCue;

const copulas = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'would',
  'will',
  "'s",
  's',
  'totally',
  'actually',
  'now',
  'too',
  'also',
  'really',
  'fine',
  'just',
  'then',
  'still',
  'though',
  'honestly',
  'ok',
  'okay',
  'it',
  'that',
  'all',
  'stuff',
  'films',
  'movies',
  'film',
  'movie',
  'ones',
  'one',
  'scenes',
  'content',
  'elements',
  'a',
  'bit',
  'little',
  'of',
  'would',
  'i',
  'both',
  'each',
  'they',
  'them',
  'and',
  'fine',
  'totally',
  'definitely',
  'now',
  'with',
  'me',
]);
/** After a comma, these start a new phrase that an earlier negation does not reach: "no horror, with Jim Carrey". */
const phraseStarts = new Set([
  'with',
  'starring',
  'by',
  'from',
  'about',
  'featuring',
  'set',
  'but',
  'maybe',
  'and',
]);

/** Words that open a request of their own: "…, something lighter". */
const somethingWords = new Set(['something', 'somethin', 'smth', 'sth', 'anything', 'some']);

const demonstratives = new Set(['these', 'those', 'this', 'that', 'them', 'it', 'one', 'ones']);

/** Words of amount: "a lot of", "lots of", "tons of" ask for more unless a negation governs them. */
const amountWords = new Set(['lot', 'lots', 'ton', 'tons', 'plenty', 'loads', 'heaps', 'much', 'many']);

export interface Lookup {
  analysis: Analysis;
  words: Word[];
  cueAt: Map<number, Cue<ScopeCue>>;
  mentionAt: Map<number, Mention>;
}

/** Indexes cues and mentions by every word they cover. */
export function scopeLookup(
  analysis: Analysis,
  words: Word[],
  cues: Cue<ScopeCue>[],
  mentions: Mention[],
): Lookup {
  const cueAt = new Map<number, Cue<ScopeCue>>();
  for (const cue of cues) for (let index = cue.start; index < cue.end; index++) cueAt.set(index, cue);
  const mentionAt = new Map<number, Mention>();
  for (const mention of mentions)
    for (let index = mention.start; index < mention.end; index++) mentionAt.set(index, mention);
  return { analysis, words, cueAt, mentionAt };
}

/**
 * The cue that governs a mention: walking left over fillers, list words and other mentions ("no
 * horror, westerns or musicals" governs all three), stopping at a clause break, a content word or
 * a word that opens a new phrase ("no horror, something with Tom Hanks" leaves Tom Hanks alone).
 * Relaxing words may also follow ("horror is fine after all").
 */
export function polarityOf(lookup: Lookup, mention: { start: number; end: number }): Polarity {
  const { words, cueAt, mentionAt, analysis } = lookup;
  let index = mention.start - 1;
  let left: Polarity | undefined;
  let reachedContent = false;
  // "nothing with gore, my wife is squeamish": a phrase with a verb of its own after a comma is a
  // clause of its own, not the next item of a list the negation governs.
  const ownClause = hasOwnVerb(lookup, mention);
  while (index >= 0) {
    if (clauseBreak(analysis, words, index)) break;
    if (ownClause && words[index + 1]!.barrier && index + 1 <= mention.start) break;
    // Crossing a comma into a new phrase ("…, with Jim Carrey", "…, and under 90 minutes") ends the reach.
    if (words[index + 1]!.barrier && phraseStarts.has(words[index + 1]!.norm) && index + 1 < mention.start)
      break;
    // Across a comma only a list goes on ("no horror, westerns or musicals"): "not The Lion King
    // again please, the kids have seen it" leaves the kids alone.
    if (
      words[index + 1]!.barrier &&
      index + 1 <= mention.start &&
      !mentionAt.has(index) &&
      !cueAt.has(index) &&
      !isListWord(words[index])
    )
      break;
    // "way too heavy, something lighter": a list across a comma goes on right after it, not after a
    // word that opens a phrase of its own.
    const opener = words[index + 1]!;
    if (
      opener.barrier &&
      index + 1 <= mention.start &&
      (index + 1 === mention.start
        ? somethingWords.has(opener.norm)
        : !mentionAt.has(index + 1) && !cueAt.has(index + 1) && !isListWord(opener))
    )
      break;
    // "Not these, something lighter": the negation has its object already.
    if (words[index + 1]!.barrier && index + 1 <= mention.start && demonstratives.has(words[index]!.norm))
      break;
    const cue = cueAt.get(index);
    if (cue) {
      if (cue.type === 'heads') break;
      // "ok now horror from the 70s?": an "ok" that opens the message is an interjection.
      if (cue.type === 'relax' && openingInterjection(words, cue)) break;
      // "Nothing with a lot of swearing": a word of amount under a negation is negated with it.
      if (left === 'more') {
        if (cue.type === 'exclude' || cue.type === 'soften') left = cue.type;
        break;
      }
      left = cue.type;
      const amount = words.slice(cue.start, cue.end).some((word) => amountWords.has(word.norm));
      if (cue.type === 'more' && amount && !words[cue.start]!.barrier) {
        index = cue.start - 1;
        continue;
      }
      break;
    }
    const other = mentionAt.get(index);
    if (other) {
      // "not gory horror": a negation before a quality that qualifies a genre denies the quality only.
      if (qualifiesGenre(other, mention, mentionAt)) break;
      index = other.start - 1;
      continue;
    }
    // A negation reaches across adjectives: "nothing with loud scary bits".
    const pos = analysis.tokens[words[index]!.token]!.pos;
    if (isFiller(words[index]!) || ((pos === 'ADJ' || pos === 'ADV') && index >= mention.start - 3)) {
      index -= 1;
      continue;
    }
    reachedContent = true;
    break;
  }
  if (left && left !== 'more' && left !== 'anyYear' && left !== 'anyGenre') return left;
  const right = relaxAfter(lookup, mention.end);
  if (right) return right;
  // "Crime only", "comedies exclusively", "just Miyazaki films please".
  const next = words[mention.end]?.norm ?? '';
  if (
    words[mention.start - 1]?.norm === 'just' &&
    !words[mention.start]!.barrier &&
    ['films', 'movies', 'flicks', 'stuff', 'ones'].includes(next) &&
    (mention.start === 1 || words[mention.start - 1]!.barrier)
  )
    return 'require';
  if ((next === 'only' || next === 'exclusively') && !clauseBreak(analysis, words, mention.end - 1))
    return 'require';
  if (left) return left;
  // "I don't want it to be scary": the NLP library's negation scope, when no cue was in reach.
  const token = analysis.tokens[words[mention.start]!.token]!;
  if (reachedContent && token.negated) return 'exclude';
  return 'positive';
}

/** Words that open a message without saying anything of the request: "ok now…", "so, um…". */
const interjections = new Set(['ok', 'okay', 'alright', 'fine', 'so', 'and', 'well', 'oh', 'um', 'hmm']);

/** "ok", "okay", "alright" as the first words of the message. */
function openingInterjection(words: Word[], cue: { start: number; end: number }): boolean {
  return (
    interjections.has(words[cue.start]?.norm ?? '') &&
    words.slice(0, cue.start).every((word) => interjections.has(word.norm))
  );
}

/** Whether the comma-delimited phrase of a mention has a verb outside any mention. */
function hasOwnVerb(lookup: Lookup, mention: { start: number; end: number }): boolean {
  const { words, analysis, mentionAt } = lookup;
  let start = mention.start;
  while (start > 0 && !words[start]!.barrier) start -= 1;
  let end = mention.end;
  while (end < words.length && !words[end]!.barrier) end += 1;
  for (let index = start; index < end; index++) {
    if (mentionAt.has(index)) continue;
    const pos = analysis.tokens[words[index]!.token]!.pos;
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

/** A quality word right before a genre word, qualifying it: "gory horror", "scary comedy". */
function qualifiesGenre(
  other: Mention,
  mention: { start: number; end: number },
  mentionAt: Map<number, Mention>,
): boolean {
  const head = mentionAt.get(mention.start);
  return (
    head?.kind === 'genre' &&
    head.start === mention.start &&
    other.end === mention.start &&
    other.kind === 'concept' &&
    other.conceptKind === 'quality'
  );
}

/** "Kubrick just isn't for me", "horror is not my thing": a dislike said after what it is about. */
const dislikedAfter =
  /^(?:(?:just|really|honestly|simply|usually|generally) )?(?:is|are|'s|s) ?(?:n't|not|nt) (?:really |just )?(?:for me|my thing|my cup of tea|my style|my jam)\b/;

/** "Horror is fine after all", "violence is ok": a relaxing cue just after a mention. */
function relaxAfter(lookup: Lookup, end: number): Polarity | undefined {
  const { words, cueAt, mentionAt, analysis } = lookup;
  const after = words.slice(end, end + 8);
  const stop = after.findIndex((word, offset) => offset > 0 && word.barrier);
  const clause = (stop < 0 ? after : after.slice(0, stop)).map((word) => word.norm).join(' ');
  if (dislikedAfter.test(clause)) return 'exclude';
  for (let index = end; index < Math.min(words.length, end + 6); index++) {
    if (index > end && clauseBreak(analysis, words, index - 1)) return undefined;
    if (index === end && index > 0 && clauseBreak(analysis, words, index - 1)) return undefined;
    const cue = cueAt.get(index);
    // "Fantasy or sci-fi, either is fine" accepts both: a preference, not a relaxation.
    if (cue?.type === 'relax') return words[index - 1]?.norm === 'either' ? undefined : 'relax';
    if (cue?.type === 'soften' && words[index]?.norm === 'too') continue;
    if (cue) return undefined;
    if (mentionAt.has(index) || isListWord(words[index])) continue;
    if (!copulas.has(words[index]!.norm)) return undefined;
  }
  return undefined;
}
