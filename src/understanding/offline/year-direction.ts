import { PhraseMatcher, type Word } from '../../nlp/index.js';
import type { Mention } from './mentions.js';

const olderPhrases = [
  'older',
  'older ones',
  'earlier',
  'earlier ones',
  'less recent',
  'an old',
  'something old',
  'old movie',
  'old movies',
  'old film',
  'old films',
  'old school',
  'oldie',
  'oldies',
  'classic',
  'classics',
  'vintage',
  'black and white',
  'golden age',
  'old hollywood',
  'retro',
  'back in the day',
  'not as new',
  'not so new',
  'less new',
  'further back',
  'go back',
  'old ones',
  'old stuff',
  'old classic',
  'older stuff',
  // the shown list judged too new: "these are all too recent"
  'too new',
  'too recent',
  'too modern',
  'not too new',
  'not too recent',
];
const newerPhrases = [
  'newer',
  'newer ones',
  'more recent',
  'recent',
  'modern',
  'new release',
  'new releases',
  'latest',
  'contemporary',
  'nowadays',
  'these days',
  'recently',
  'newest',
  'not so old',
  'not as old',
  'less old',
  'new movie',
  'new movies',
  'new film',
  'new films',
  'new ones',
  'new stuff',
  'brand new',
  'later ones',
  'something later',
  'more modern',
  'up to date',
  'current',
  'fresher',
  'new one',
  'newer stuff',
  'came out recently',
  'just came out',
  'came out lately',
  'lately',
  // the shown list judged too old: "these are all too old", "kinda dated"
  'too old',
  'so old',
  'too dated',
  'dated',
  'not too old',
];
/** A matcher for plain phrases (no lemmas): each word matches a message word's folded form or lemma. */
function plainMatcher(phrases: string[]): PhraseMatcher<true> {
  const matcher = new PhraseMatcher<true>();
  for (const phrase of phrases)
    matcher.add(
      phrase.split(' ').map((word) => ({ norm: word, lemma: word })),
      true,
    );
  return matcher;
}

const olderMatcher = plainMatcher(olderPhrases);
const newerMatcher = plainMatcher(newerPhrases);

function findPhrases(words: Word[], matcher: PhraseMatcher<true>, taken: Set<number>): [number, number][] {
  return matcher
    .match(words, (index) => taken.has(index))
    .map((match) => [match.start, match.end] as [number, number]);
}

/** "Old musicals", "recent thrillers": an era word right before a genre. */
function beforeGenre(words: Word[], mentions: Mention[], eraWords: string[]): [number, number][] {
  return mentions.flatMap((mention) => {
    const previous = words[mention.start - 1];
    // "A new fantasy fix" asks for another one, not a recent one.
    const article = ['a', 'another', 'an'].includes(words[mention.start - 2]?.norm ?? '');
    return mention.kind === 'genre' && previous && eraWords.includes(previous.norm) && !article
      ? [[mention.start - 1, mention.start] as [number, number]]
      : [];
  });
}

function negatedDirection(words: Word[], spans: [number, number][]): boolean {
  return spans.some(
    ([start]) =>
      ['not', 'no', 'nothing'].includes(words[start - 1]?.norm ?? '') && words[start]?.norm !== 'not',
  );
}

/** Adverbs of when: a direction only when no verb of the user's own viewing shares their clause. */
const whenAdverbs = new Set(['recently', 'lately', 'back in the day', 'these days', 'nowadays']);
/** "Recently enjoyed Snatch", "a Florence Pugh kick lately", "dad loved it back in the day". */
const viewingLemmas = new Set([
  'watch',
  'see',
  'enjoy',
  'love',
  'like',
  'finish',
  'rewatch',
  'binge',
  'grow',
]);
const viewingNouns = new Set(['kick', 'binge', 'marathon', 'phase', 'obsessed', 'obsession']);

function aboutOwnViewing(words: Word[], [start, end]: [number, number]): boolean {
  const phrase = words
    .slice(start, end)
    .map((word) => word.norm)
    .join(' ');
  if (!whenAdverbs.has(phrase)) return false;
  const inClause = (index: number) => {
    const low = Math.min(index, start);
    const high = Math.max(index, start);
    for (let at = low + 1; at <= high; at++) if (words[at]!.barrier) return false;
    return true;
  };
  for (let index = Math.max(0, start - 6); index < Math.min(words.length, end + 4); index++) {
    if (index >= start && index < end) continue;
    const word = words[index]!;
    if (!inClause(index)) continue;
    if (viewingNouns.has(word.norm)) return true;
    const past = word.norm !== word.lemma || word.norm === 'saw' || word.norm === 'seen';
    if (past && viewingLemmas.has(word.lemma)) return true;
  }
  return false;
}

/** The year direction a message asks for ("older", "something more recent") and the words that say so. */
export function readYearDirection(
  words: Word[],
  mentions: Mention[],
  yearWords: Set<number>,
): { direction: 'older' | 'newer' | null; spans: [number, number][] } {
  // "It's a classic" praises a title; "a classic" asks for an old film.
  const praise = (span: [number, number]) =>
    // "Bonus if it's older" wishes.
    !words.slice(Math.max(0, span[0] - 3), span[0]).some((word) => word.norm === 'if') &&
    ['its', "it's", 's', "'s", 'is', 'was', 'a'].includes(words[span[0] - 1]?.norm ?? '') &&
    ['its', "it's", 's', "'s", 'is', 'was'].includes(
      words[span[0] - (words[span[0] - 1]?.norm === 'a' ? 2 : 1)]?.norm ?? '',
    );
  const older = [
    ...findPhrases(words, olderMatcher, yearWords).filter(
      (span) => !praise(span) && !aboutOwnViewing(words, span),
    ),
    ...beforeGenre(words, mentions, ['old', 'classic', 'vintage']),
  ];
  const newer = [
    ...findPhrases(words, newerMatcher, yearWords).filter((span) => !aboutOwnViewing(words, span)),
    ...beforeGenre(words, mentions, ['new', 'recent', 'modern']),
  ];
  // "too recent" asks for older ones: a phrase inside a longer one of the other direction is that one's.
  const inside = (span: [number, number], others: [number, number][]) =>
    others.some(([start, end]) => start <= span[0] && span[1] <= end && end - start > span[1] - span[0]);
  const olderSpans = older.filter((span) => !inside(span, newer));
  const newerSpans = newer.filter((span) => !inside(span, older));
  const spans = [...olderSpans, ...newerSpans];
  const direction =
    olderSpans.length > newerSpans.length ? 'older' : newerSpans.length > olderSpans.length ? 'newer' : null;
  return { direction: direction && !negatedDirection(words, spans) ? direction : null, spans };
}
