import type { Analysis, Word } from '../../nlp/index.js';
import { clauseBreak, isFiller, isListWord, type Cue, type ScopeCue, type TasteCue } from './cues.js';
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

interface Lookup {
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
  while (index >= 0) {
    if (clauseBreak(analysis, words, index)) break;
    // Crossing a comma into a new phrase ("…, with Jim Carrey", "…, and under 90 minutes") ends the reach.
    if (words[index + 1]!.barrier && phraseStarts.has(words[index + 1]!.norm) && index + 1 < mention.start)
      break;
    const cue = cueAt.get(index);
    if (cue) {
      if (cue.type === 'heads') break;
      left = cue.type;
      break;
    }
    const other = mentionAt.get(index);
    if (other) {
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
  // "Crime only", "comedies exclusively".
  const next = words[mention.end]?.norm ?? '';
  if ((next === 'only' || next === 'exclusively') && !clauseBreak(analysis, words, mention.end - 1))
    return 'require';
  if (left) return left;
  // "I don't want it to be scary": the NLP library's negation scope, when no cue was in reach.
  const token = analysis.tokens[words[mention.start]!.token]!;
  if (reachedContent && token.negated) return 'exclude';
  return 'positive';
}

/** "Horror is fine after all", "violence is ok": a relaxing cue just after a mention. */
function relaxAfter(lookup: Lookup, end: number): Polarity | undefined {
  const { words, cueAt, mentionAt, analysis } = lookup;
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

/**
 * How the user feels about a title: the nearest taste cue before it in its clause ("loved Heat and
 * Collateral"), else the first after it ("Heat was boring"), a seen cue giving way to a verdict
 * later in the clause ("watched Heat and loved it"); "anything but Heat" is a dislike.
 */
export function titleSentiment(
  lookup: Lookup,
  tasteAt: Map<number, Cue<TasteCue>>,
  mention: { start: number; end: number },
): 'liked' | 'disliked' | 'seen' | 'neutral' {
  const { words, mentionAt, analysis, cueAt } = lookup;
  let before: TasteCue | undefined;
  let beforeIndex = -1;
  let crossedComma = false;
  for (let index = mention.start - 1; index >= Math.max(0, mention.start - 8); index--) {
    if (clauseBreak(analysis, words, index) || isClauseWord(words[index + 1], index + 1 !== mention.start))
      break;
    if (words[index + 1]!.barrier) crossedComma = true;
    const taste = tasteAt.get(index);
    if (taste) {
      before = taste.type === 'anchor' ? 'liked' : taste.type;
      beforeIndex = taste.start;
      break;
    }
    if (cueAt.get(index)?.type === 'exclude') return 'disliked';
    const other = mentionAt.get(index);
    if (other) {
      index = other.start;
      continue;
    }
    const word = words[index]!;
    const token = analysis.tokens[word.token]!;
    // Lists run across numbers, ordinals and capitalised names the catalog lacks ("Tenet or Dunkirk").
    const listItem =
      token.kind === 'number' ||
      /^(first|second|third|last|original|two|three|whole|entire|complete|full|all|both)$/.test(word.norm) ||
      (/^\p{Lu}/u.test(token.text) && index > 0);
    if (
      isClauseWord(word, true) ||
      (!isFiller(word) &&
        !listItem &&
        !/^(i|we|i've|ive|have|has|had|really|so|totally|both|just|also|too|all)$/.test(word.norm))
    )
      break;
  }
  // After the title: "Heat was boring", "watched Heat twice and loved it"; a verdict followed by
  // another title is that title's ("seen Alien, loved Predator").
  let after: TasteCue | undefined;
  let lastListed = mention.end;
  for (let index = mention.end; index < Math.min(words.length, mention.end + 10); index++) {
    if (index > mention.end && clauseBreak(analysis, words, index - 1)) break;
    if (isClauseWord(words[index], true)) break;
    // "Alien and Aliens are two of my favourites": a verdict after a list of titles is each one's.
    const other = mentionAt.get(index);
    if (other?.kind === 'title') {
      const between = words.slice(mention.end, other.start);
      if (!between.every((word) => isListWord(word) || word.norm === 'the')) break;
      index = other.end - 1;
      lastListed = other.end;
      continue;
    }
    const taste = tasteAt.get(index);
    if (!taste) continue;
    if (nextIsTitle(lookup, taste.end)) break;
    // "The Grand Budapest Hotel vibe", "a Princess Bride kind of movie", "X or Y vibes".
    if (taste.type === 'anchor') {
      if (taste.start <= lastListed + 1) {
        after = 'liked';
        break;
      }
      continue;
    }
    if (taste.type === 'liked' || taste.type === 'disliked') {
      after = negatedAt(lookup, taste.start) && taste.type === 'liked' ? 'disliked' : taste.type;
      break;
    }
    after ??= taste.type;
    index = taste.end - 1;
  }
  let sentiment: TasteCue | undefined = before;
  if (before === 'liked' && negatedAt(lookup, beforeIndex)) sentiment = 'disliked';
  if (before === 'seen' && negatedAt(lookup, beforeIndex)) sentiment = 'unseen';
  // "Oppenheimer bored me, Barbie was fun": a title's own verdict after it beats one across a comma.
  if ((!before || before === 'seen' || crossedComma) && (after === 'liked' || after === 'disliked'))
    sentiment = after;
  if (!sentiment) sentiment = after;
  // Nothing next to the title: the sentence's own verdict ("I didn't like the trailer for Suicide Squad").
  if (!sentiment) sentiment = sentenceVerdict(lookup, tasteAt, mention);
  // "Have you seen Heat?", "Is Nope any good?": a question about the title, not a verdict.
  const sentence = sentenceText(analysis, words[mention.start]!).trim().toLowerCase();
  if (
    /\?\s*$/.test(sentence) &&
    /^(have|has|did|do|does|is|was|are|were|ever|would|will|can|could)\b/.test(sentence)
  )
    return 'neutral';
  if (sentiment === 'unseen' || sentiment === undefined) return 'neutral';
  return sentiment === 'anchor' ? 'liked' : sentiment;
}

const negators = new Set(['not', "n't", 'never', 'no', 'hardly', 'nt']);

/** A negation right before a verdict word ("didn't love", "never liked"), not one far back in the sentence. */
/** The one liked or disliked verdict of the title's sentence, when the sentence names no other title. */
function sentenceVerdict(
  lookup: Lookup,
  tasteAt: Map<number, Cue<TasteCue>>,
  mention: { start: number; end: number },
): TasteCue | undefined {
  const { words, analysis, mentionAt } = lookup;
  const sentence = analysis.tokens[words[mention.start]!.token]!.sentence;
  const verdicts = new Set<TasteCue>();
  for (let index = 0; index < words.length; index++) {
    if (analysis.tokens[words[index]!.token]!.sentence !== sentence) continue;
    const other = mentionAt.get(index);
    if (other?.kind === 'title' && other.start !== mention.start) return undefined;
    const taste = tasteAt.get(index);
    if (taste?.type === 'disliked') verdicts.add(negatedAt(lookup, taste.start) ? 'liked' : 'disliked');
    if (taste?.type === 'liked') verdicts.add(negatedAt(lookup, taste.start) ? 'disliked' : 'liked');
  }
  return verdicts.size === 1 ? [...verdicts][0] : undefined;
}

function negatedAt(lookup: Lookup, index: number): boolean {
  if (index < 0) return false;
  const { words, analysis } = lookup;
  for (let at = index - 1; at >= Math.max(0, index - 3); at--) {
    if (clauseBreak(analysis, words, at)) return false;
    if (negators.has(words[at]!.norm) || negators.has(words[at]!.lemma)) return true;
  }
  return false;
}

function nextIsTitle(lookup: Lookup, index: number): boolean {
  for (let at = index; at < Math.min(lookup.words.length, index + 3); at++) {
    if (at > index && clauseBreak(lookup.analysis, lookup.words, at - 1)) return false;
    if (lookup.mentionAt.get(at)?.kind === 'title') return true;
    if (!isFiller(lookup.words[at]!)) return false;
  }
  return false;
}

const clauseWords = new Set(['but', 'though', 'although', 'however', 'whereas', 'while', 'yet']);

function isClauseWord(word: Word | undefined, active: boolean): boolean {
  return active && word !== undefined && clauseWords.has(word.norm);
}

function sentenceText(analysis: Analysis, word: Word): string {
  const sentence = analysis.tokens[word.token]!.sentence;
  const range = analysis.sentences[sentence];
  if (!range) return analysis.text;
  return analysis.text.slice(analysis.tokens[range[0]]!.start, analysis.tokens[range[1]]!.end);
}
