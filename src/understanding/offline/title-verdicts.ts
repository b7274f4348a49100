import type { Word } from '../../nlp/index.js';
import { clauseBreak, isFiller, isListWord, type Cue, type TasteCue } from './cues.js';
import type { Mention } from './mentions.js';
import { heldByOthers, ownClauseAfter } from './others-verdict.js';
import type { Lookup } from './scope.js';
import { valenceOf } from './verdict-words.js';
import { askedAboutTitle, auxiliaries, openers, questionSubjects } from './title-question.js';

export type TitleSentiment = 'liked' | 'disliked' | 'seen' | 'neutral';
type TitleMention = Extract<Mention, { kind: 'title' }>;

/** What the reader makes of the titles of a message. */
export interface TitleVerdicts {
  /** The sentiment of each title mention, by its first word. */
  sentiments: Map<number, TitleSentiment>;
  /** Word ranges that describe a title ("Roma was slow but gorgeous"): the qualities there are no request. */
  descriptions: [number, number][];
  /** Title mentions (by first word) the user says they have not seen: no anchor makes them liked. */
  unseen: Set<number>;
}

/** Taste cues by word: `strong` skips words a concept claims, `all` does not ("Barbie was fun"). */
export interface TasteIndex {
  strong: Map<number, Cue<TasteCue>>;
  all: Map<number, Cue<TasteCue>>;
  /** Phrases that point back at what was named: "that kind of", "stuff like that". */
  back: Cue<'back'>[];
}

/** Words that open a request, so the words after a title stop describing it: "Heat, more like that". */
const requestWords = new Set([
  'want',
  'wanna',
  'need',
  'something',
  'anything',
  'give',
  'recommend',
  'suggest',
  'show',
  'looking',
  'more',
  'any',
  'please',
  'pls',
  'plz',
  'what',
  'how',
  'can',
  'could',
  'would',
  'maybe',
  'ideas',
  'other',
  'others',
  'another',
  'similar',
  'else',
  'next',
  'suggestions',
  'recommendations',
]);
/** Words of an anchor that ask for films ("anything like", "movies like"): its title is an example. */
const requestNouns = new Set([
  'something',
  'anything',
  'movies',
  'movie',
  'films',
  'film',
  'stuff',
  'one',
  'ones',
  'more',
  'others',
]);
/** Request words that also open questions and statements ("I couldn't take it"): no request on their own. */
const modalWords = new Set(['what', 'how', 'can', 'could', 'would', 'maybe']);
/** A verdict on its own after a title: "Spirited Away yes, Mononoke not really". */
const affirmations = new Set(['yes', 'yep', 'yeah', 'yup', 'definitely', 'absolutely', 'sure', 'totally']);
const denials = new Set(['no', 'nope', 'nah', 'not', "n't", 'didnt', 'didn', 'never', 'less']);
/** "Elf too": the verdict of the title before. */
const alsoWords = new Set(['too', 'also', 'as', 'well', 'again', 'likewise']);
const clauseWords = new Set(['but', 'though', 'although', 'however', 'whereas', 'while', 'yet']);
const subjects = new Set(['i', 'we', 'it', 'that', 'this', 'they', 'he', 'she', 'my', 'the', 'you']);
const negators = new Set(['not', "n't", 'never', 'no', 'hardly', 'nt']);

/**
 * Reads the verdict on every title of a message. Titles listed together ("Jaws, Alien, Heat")
 * share one; a verdict before a title governs it ("loved Heat"), else the clause that describes
 * the title ("Roma was slow but gorgeous", "Tenet lost me", "Elf too"), else the sentence or a
 * fragment right after it ("saw Oppenheimer… meh"). A question about a title is no verdict.
 */
export function readTitleVerdicts(lookup: Lookup, taste: TasteIndex, mentions: Mention[]): TitleVerdicts {
  const titles = mentions.filter((mention): mention is TitleMention => mention.kind === 'title');
  const sentiments = new Map<number, TitleSentiment>();
  const descriptions: [number, number][] = [];
  const unseen = new Set<number>();
  let previous: TitleSentiment | undefined;
  for (const group of titleGroups(lookup, titles)) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const before = verdictBefore(lookup, taste.strong, first);
    // "Seen Toy Story 1 and 2 but not 3": not seen, rather than disliked; "loved X but not Y" is a dislike.
    if (before.contrast && previous === 'seen') before.verdict = undefined;
    const predicate = predicateRange(lookup, last.end);
    let after: TasteCue | undefined;
    if (before.request) {
      // "That Grand Budapest Hotel vibe", "a Princess Bride kind of movie": an example of the request.
      const anchor = taste.strong.get(predicate.start);
      if (
        anchor?.type === 'anchor' ||
        (anchor && anchor.start === predicate.start && anchor.type === 'liked')
      )
        after = 'liked';
    } else {
      // "Moon and Ex Machina - small sci-fi like that": the words after the titles ask for more like them.
      if (predicate.end > predicate.start && !anchoredBack(lookup, taste, predicate))
        descriptions.push([predicate.start, predicate.end]);
      after = predicateVerdict(lookup, taste, [predicate.start, predicate.end], previous);
      // "Gravity and The Martian, more space survival please": titles that open a request are its examples.
      if (!after && !before.verdict && predicate.request && opensSentence(lookup, first)) after = 'liked';
    }
    let sentiment: TasteCue | undefined = before.verdict;
    // "Oppenheimer bored me, Barbie was fun": a title's own verdict after it beats one across a comma,
    // and a verdict beats "seen" ("watched Logan and cried, loved it").
    if (
      (!before.verdict || before.verdict === 'seen' || before.crossedComma) &&
      (after === 'liked' || after === 'disliked')
    )
      sentiment = after;
    sentiment ??= after;
    sentiment ??= sentenceVerdict(lookup, taste.strong, first, last);
    // "Have you seen Heat?", "is it like The Departed?": a question about a title is no verdict.
    if (!before.example && askedAboutTitle(lookup, first)) sentiment = undefined;
    // "Seen the first two. Also both Blade Runners": a sentence that goes on from the last one.
    sentiment ??= continuedVerdict(lookup, taste.strong, first);
    // "Saw Oppenheimer in IMAX... meh", "…? I loved that one": a verdict in a fragment after it.
    if (sentiment === undefined || sentiment === 'seen')
      sentiment = fragmentVerdict(lookup, taste, first, last) ?? sentiment;
    // "The kill bill movies, and tarantino in general": titles that open a message are its examples.
    if (sentiment === undefined && first.start === openingWord(lookup) && !endsInQuestion(lookup))
      sentiment = 'liked';
    // "Critics hated Tropic Thunder but I thought it was hilarious": the user's own view beats a reported one.
    const own = heldByOthers(lookup, first.start, last.end) ? ownClauseAfter(lookup, last.end) : undefined;
    if (own) {
      descriptions.push(own);
      sentiment = predicateVerdict(lookup, taste, own, undefined) ?? valenceVerdict(lookup, own) ?? sentiment;
    }
    const result = toSentiment(sentiment);
    for (const mention of group) {
      sentiments.set(mention.start, result);
      if (sentiment === 'unseen') unseen.add(mention.start);
    }
    previous = result;
  }
  return { sentiments, descriptions, unseen };
}

function toSentiment(verdict: TasteCue | undefined): TitleSentiment {
  if (verdict === undefined || verdict === 'unseen') return 'neutral';
  return verdict === 'anchor' ? 'liked' : verdict;
}

/** Whether the message asks for something outside what describes its titles ("…, more like that"). */
export function asksForSomething(lookup: Lookup, descriptions: [number, number][]): boolean {
  return lookup.words.some(
    (word, index) =>
      requestWords.has(word.norm) &&
      !modalWords.has(word.norm) &&
      !descriptions.some(([start, end]) => index >= start && index < end),
  );
}

/** Whether a clause break lies between two words, a title's own punctuation ("Good Bye, Lenin!") aside. */
function breaksAfter(lookup: Lookup, index: number): boolean {
  if (!clauseBreak(lookup.analysis, lookup.words, index)) return false;
  const title = lookup.mentionAt.get(index);
  if (title?.kind !== 'title' || title.end !== index + 1) return true;
  const next = lookup.words[index + 1];
  if (!next) return true;
  let between = lookup.analysis.tokens
    .slice(lookup.words[index]!.token + 1, next.token)
    .map((token) => token.text)
    .join('');
  // The title's own closing mark is no break: "Good Bye, Lenin! - german films I liked".
  const own = title.title.items.map((item) => /[.!?…]+$/.exec(item.title.trim())?.[0] ?? '');
  const mark = own.find((ending) => ending !== '' && between.startsWith(ending));
  if (mark) between = between.slice(mark.length);
  return /[.!?;…]/.test(between);
}

/** Words that may stand between titles of one list: "the toy story films and both paddingtons". */
const groupWords = new Set([
  'the',
  'both',
  'all',
  'also',
  'plus',
  'trilogy',
  'films',
  'movies',
  'film',
  'movie',
  'ones',
  'one',
  'series',
  'saga',
  'franchise',
]);

/** Words that name a film by its place in a series: "the third one", "the sequel", "the later one". */
const placeWords = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'last',
  'original',
  'sequel',
  'prequel',
  'later',
  'earlier',
  'older',
  'newer',
  'new',
  'latest',
]);

/** Titles listed together: only list words, commas and articles between them. */
function titleGroups(lookup: Lookup, titles: TitleMention[]): TitleMention[][] {
  const groups: TitleMention[][] = [];
  for (const title of titles) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    // "Godfather 1 and 2, the third one not so much": a film named by its place in the series
    // after a comma sets itself apart from the list before.
    const apart =
      lookup.words[title.start]!.barrier &&
      lookup.words[title.start]!.norm === 'the' &&
      placeWords.has(lookup.words[title.start + 1]?.norm ?? '');
    const joined =
      last !== undefined &&
      !apart &&
      !breaksAfter(lookup, last.end - 1) &&
      lookup.words
        .slice(last.end, title.start)
        .every(
          (word, offset) =>
            (isListWord(word) || groupWords.has(word.norm)) && !breaksAfter(lookup, last.end + offset),
        );
    if (joined) group!.push(title);
    else groups.push([title]);
  }
  return groups;
}

/**
 * The nearest taste cue before a title in its clause ("loved Heat and Collateral"); "anything but
 * Heat" is a dislike. A request word or an anchor cue in reach ("something like Heat, less violent")
 * makes the title an example of a request, not something the clause describes.
 */
function verdictBefore(
  lookup: Lookup,
  tasteAt: Map<number, Cue<TasteCue>>,
  mention: TitleMention,
): {
  verdict?: TasteCue | undefined;
  crossedComma: boolean;
  request: boolean;
  contrast?: boolean;
  /** "Anything like Heat?": the title is the example of a request, even in a question. */
  example?: boolean;
} {
  const { words, mentionAt, analysis, cueAt } = lookup;
  let crossedComma = false;
  let request = false;
  for (let index = mention.start - 1; index >= Math.max(0, mention.start - 8); index--) {
    if (breaksAfter(lookup, index) || isClauseWord(words[index + 1], index + 1 !== mention.start)) break;
    if (words[index + 1]!.barrier) crossedComma = true;
    const taste = tasteAt.get(index);
    if (taste) {
      const negated = negatedAt(lookup, taste.start);
      if (taste.type === 'anchor')
        return {
          verdict: 'liked',
          crossedComma,
          request: true,
          example: words.slice(taste.start, taste.end).some((word) => requestNouns.has(word.norm)) || request,
        };
      const verdict = negated ? negate(taste.type) : taste.type;
      return { verdict, crossedComma, request };
    }
    const exclude = cueAt.get(index);
    if (exclude?.type === 'exclude') {
      // "Seen Alien and Aliens, not Prometheus": a bare "not" after a list says "but not this one".
      const bare = exclude.end - exclude.start === 1 && ['not', 'never'].includes(words[exclude.start]!.norm);
      const after = words[exclude.start - 1];
      const contrast =
        bare &&
        (exclude.start === 0 ||
          words[exclude.start]!.barrier ||
          after?.norm === 'but' ||
          after?.norm === 'and');
      return { verdict: 'disliked', crossedComma, request: true, contrast };
    }
    const other = mentionAt.get(index);
    if (other) {
      index = other.start;
      continue;
    }
    const word = words[index]!;
    if (requestWords.has(word.norm)) request = true;
    const token = analysis.tokens[word.token]!;
    // Lists run across numbers, ordinals and capitalised names the catalog lacks ("Tenet or Dunkirk").
    const listItem =
      token.kind === 'number' ||
      /^(first|second|third|last|original|two|three|whole|entire|complete|full|all|both|every|each)$/.test(
        word.norm,
      ) ||
      (/^\p{Lu}/u.test(token.text) && index > 0);
    if (
      isClauseWord(word, true) ||
      (!isFiller(word) &&
        !listItem &&
        !/^(i|we|i've|ive|have|has|had|really|so|totally|both|just|also|too|all)$/.test(word.norm))
    )
      break;
  }
  return { crossedComma, request };
}

/**
 * The words that describe something other than a title the message names as a subject ("the
 * first was too confusing", a shown item referenced by position), when no request is in reach.
 */
export function descriptionAfter(
  lookup: Lookup,
  tasteAt: Map<number, Cue<TasteCue>>,
  subject: { start: number; end: number },
): [number, number] | undefined {
  const first = { kind: 'title', start: subject.start, end: subject.end } as TitleMention;
  if (verdictBefore(lookup, tasteAt, first).request) return undefined;
  // "the second one but less gory": what follows a "but" right after it asks for a change.
  if (lookup.words[subject.end]?.norm === 'but') return undefined;
  const range = predicateRange(lookup, subject.end);
  return range.end > range.start ? [range.start, range.end] : undefined;
}

/** "And all the Godfather films" after "seen all of those.": the last verdict of the sentence before. */
function continuedVerdict(
  lookup: Lookup,
  tasteAt: Map<number, Cue<TasteCue>>,
  first: TitleMention,
): TasteCue | undefined {
  const { words, analysis } = lookup;
  let start = first.start;
  while (start > 0 && !clauseBreak(analysis, words, start - 1)) start -= 1;
  if (start === 0 || !continuers.has(words[start]!.norm)) return undefined;
  for (let index = start - 1; index >= 0; index--) {
    const cue = tasteAt.get(index);
    if (cue && cue.type !== 'anchor') return negatedAt(lookup, cue.start) ? negate(cue.type) : cue.type;
    if (lookup.mentionAt.get(index)?.kind === 'title') return undefined;
  }
  return undefined;
}

const continuers = new Set(['and', 'also', 'plus', 'oh', 'same', 'both']);

/** The first word of the message that is not an interjection ("um", "ok so"). */
function openingWord(lookup: Lookup): number {
  let index = 0;
  while (
    index < lookup.words.length &&
    openers.has(lookup.words[index]!.norm) &&
    lookup.words[index]!.norm !== 'the'
  )
    index += 1;
  return lookup.words[index]?.norm === 'the' && lookup.mentionAt.get(index)?.kind !== 'title'
    ? index + 1
    : index;
}

function endsInQuestion(lookup: Lookup): boolean {
  return /\?\s*$/.test(lookup.analysis.text);
}

/** "Didn't like" is a dislike, "didn't hate" only says it was seen, "never seen" is unseen. */
function negate(type: TasteCue): TasteCue {
  if (type === 'liked') return 'disliked';
  if (type === 'disliked') return 'seen';
  if (type === 'seen') return 'unseen';
  return type;
}

/**
 * The words after a title that describe it, up to the end of its clause: another title, a word
 * that opens a request ("…, more like that"), a new clause ("but I never…"), a comma before a new
 * capitalised subject ("Knives Out was fun, Glass Onion less so").
 */
function predicateRange(lookup: Lookup, end: number): { start: number; end: number; request: boolean } {
  const { words, mentionAt, analysis } = lookup;
  let index = end;
  let request = false;
  for (; index < words.length; index++) {
    if (index > end && breaksAfter(lookup, index - 1)) break;
    if (index === end && index > 0 && breaksAfter(lookup, index - 1)) break;
    const word = words[index]!;
    if (mentionAt.get(index)?.kind === 'title') break;
    if (
      requestWords.has(word.norm) &&
      !(word.norm === 'more' && index > end && isComparativeUse(words, index))
    ) {
      request = !modalWords.has(word.norm);
      break;
    }
    // "Seen Alien and Aliens, not Prometheus": the negation is the next title's.
    if (lookup.cueAt.get(index)?.type === 'exclude' && nextIsTitle(lookup, lookup.cueAt.get(index)!.end))
      break;
    const next = words[index + 1];
    if (
      clauseWords.has(word.norm) &&
      (!next ||
        subjects.has(next.norm) ||
        negators.has(next.norm) ||
        mentionAt.get(index + 1)?.kind === 'title')
    )
      break;
    const token = analysis.tokens[word.token]!;
    if (index > end && word.barrier && /^\p{Lu}/u.test(token.text) && word.norm !== 'i') break;
  }
  return { start: end, end: index, request };
}

/** An anchor cue in the words after a title ("…, docs like those", "that kind of fun adventure"). */
function anchoredBack(lookup: Lookup, taste: TasteIndex, range: { start: number; end: number }): boolean {
  const tasteAt = taste.strong;
  if (taste.back.some((cue) => cue.start >= range.start && cue.start < range.end)) return true;
  for (let index = range.start; index < range.end; index++) {
    const cue = tasteAt.get(index);
    if (cue?.type !== 'anchor' || cue.start !== index) continue;
    // "Like that", "that kind of", "like those" point back; "cried like a baby" does not.
    const around = lookup.words.slice(cue.start, cue.end + 1).map((word) => word.norm);
    if (around.some((word) => pointers.has(word)) || cue.end >= range.end || cue.start === range.start)
      return true;
  }
  return false;
}

const pointers = new Set(['that', 'those', 'these', 'this', 'them', 'it', 'em']);

/** Whether a title opens its sentence, but for an interjection ("um", "ok so"). */
function opensSentence(lookup: Lookup, mention: TitleMention): boolean {
  const { words, analysis } = lookup;
  const sentence = analysis.tokens[words[mention.start]!.token]!.sentence;
  for (let index = mention.start - 1; index >= 0; index--) {
    if (analysis.tokens[words[index]!.token]!.sentence !== sentence) return true;
    if (!openers.has(words[index]!.norm)) return false;
  }
  return true;
}

/** "Coco was even more beautiful": "more" inside a description, not a request for more. */
function isComparativeUse(words: Word[], index: number): boolean {
  return ['even', 'much', 'way', 'far', 'was', 'is', 'were', 'are'].includes(words[index - 1]?.norm ?? '');
}

/** The verdict a description gives: its last liked or disliked cue, else "seen", a lone yes/no, "too", or word valence. */
function predicateVerdict(
  lookup: Lookup,
  taste: TasteIndex,
  [start, until]: [number, number],
  previous: TitleSentiment | undefined,
): TasteCue | undefined {
  let end = until;
  if (end <= start) return undefined;
  const { words, analysis, mentionAt } = lookup;
  let verdict: TasteCue | undefined;
  let seen: TasteCue | undefined;
  for (let index = start; index < end; index++) {
    const cue = taste.all.get(index);
    if (!cue || cue.start !== index) continue;
    // "Seen Alien, loved Predator": a verdict followed by a title is that title's.
    if (nextIsTitle(lookup, cue.end)) {
      end = cue.start;
      break;
    }
    const type = negatedAt(lookup, cue.start) ? negate(cue.type) : cue.type;
    // "The Grand Budapest Hotel vibe" is an anchor; "seen like 5 times" is not.
    if (type === 'anchor') {
      if (cue.start === start) verdict = 'liked';
    } else if (type === 'liked' || type === 'disliked') verdict = type;
    else seen = type;
    index = cue.end - 1;
  }
  if (verdict) return verdict;
  if (seen) return seen;
  const span = words.slice(start, end).map((word) => word.norm);
  if (span.length <= 3) {
    if (span.some((word) => affirmations.has(word))) return 'liked';
    if (span.some((word) => denials.has(word))) return 'disliked';
    if (span.length > 0 && span.every((word) => alsoWords.has(word)) && previous && previous !== 'neutral')
      return previous;
  }
  const score = valenceOf(analysis, words, start, end, (index) => mentionAt.has(index));
  return score >= 2 ? 'liked' : score <= -2 ? 'disliked' : undefined;
}

/** The one liked or disliked verdict of a title's sentence, when it names no other title. */
function sentenceVerdict(
  lookup: Lookup,
  tasteAt: Map<number, Cue<TasteCue>>,
  first: TitleMention,
  last: TitleMention,
): TasteCue | undefined {
  const { words, analysis, mentionAt } = lookup;
  const sentence = analysis.tokens[words[first.start]!.token]!.sentence;
  const verdicts = new Set<TasteCue>();
  for (let index = 0; index < words.length; index++) {
    if (analysis.tokens[words[index]!.token]!.sentence !== sentence) continue;
    const other = mentionAt.get(index);
    if (other?.kind === 'title' && (other.start < first.start || other.start > last.start)) return undefined;
    const cue = tasteAt.get(index);
    if (cue?.type === 'disliked') verdicts.add(negatedAt(lookup, cue.start) ? 'liked' : 'disliked');
    if (cue?.type === 'liked') verdicts.add(negatedAt(lookup, cue.start) ? 'disliked' : 'liked');
  }
  return verdicts.size === 1 ? [...verdicts][0] : undefined;
}

/** A verdict by the valence of every word in a range but titles: "I thought it was hilarious". */
function valenceVerdict(lookup: Lookup, [start, end]: [number, number]): TasteCue | undefined {
  const score = valenceOf(
    lookup.analysis,
    lookup.words,
    start,
    end,
    (index) => lookup.mentionAt.get(index)?.kind === 'title',
  );
  return score >= 2 ? 'liked' : score <= -2 ? 'disliked' : undefined;
}

/**
 * "Saw Oppenheimer in IMAX... meh": a short sentence right after, naming no title, judges it; after a
 * title that is a sentence of its own ("The Revenant? sat thru the whole thing, wont do that again")
 * the next sentence does, however long.
 */
function fragmentVerdict(
  lookup: Lookup,
  taste: TasteIndex,
  first: TitleMention,
  last: TitleMention,
): TasteCue | undefined {
  const { words, mentionAt } = lookup;
  const alone =
    opensSentence(lookup, first) &&
    (last.end === words.length || clauseBreak(lookup.analysis, words, last.end - 1));
  let start = last.end;
  while (start < words.length && !breaksAfter(lookup, start - 1)) start += 1;
  let end = start;
  if (alone)
    while (end < words.length && (end === start || !clauseBreak(lookup.analysis, words, end - 1))) end += 1;
  else while (end < words.length && (end === start || !breaksAfter(lookup, end - 1))) end += 1;
  if (end === start || (end - start > 4 && !alone)) return undefined;
  for (let index = start; index < end; index++) if (mentionAt.get(index)?.kind === 'title') return undefined;
  // "anyone seen Heat? is it good": a fragment that asks ("is it", "was it any") gives no verdict.
  if (auxiliaries.has(words[start]!.norm) && questionSubjects.has(words[start + 1]?.norm ?? ''))
    return undefined;
  const verdict = predicateVerdict(lookup, taste, [start, end], undefined);
  return verdict === 'liked' || verdict === 'disliked' ? verdict : undefined;
}

/** A negation right before a verdict word ("didn't love", "never liked"), not one far back. */
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
  // "Bridesmaids made me laugh, The Hangover didn't": across a comma the verdict stays behind.
  if (lookup.words[index]?.barrier) return false;
  for (let at = index; at < Math.min(lookup.words.length, index + 3); at++) {
    if (at > index && clauseBreak(lookup.analysis, lookup.words, at - 1)) return false;
    if (lookup.mentionAt.get(at)?.kind === 'title') return true;
    if (!isFiller(lookup.words[at]!)) return false;
  }
  return false;
}

function isClauseWord(word: Word | undefined, active: boolean): boolean {
  return active && word !== undefined && clauseWords.has(word.norm);
}
