import type { Analysis, Token } from '../nlp/index.js';

/** A span already found as a title: where it ends tells whether the next span continues a list. */
interface PreviousSpan {
  tokenEnd: number;
}

/** What around a span says it is a title. */
export interface TitleEvidence {
  /** Between quote marks. */
  quoted: boolean;
  /** After a word of taste: "loved the godfather", "something like star wars". */
  taste: boolean;
  /** The next of a list of titles: "loved Heat and pulp fiction". */
  listed: boolean;
  /** "all the Godfather films", "the Toy Story movies". */
  seriesCue: boolean;
  /** "the second Godfather" (2), "the last Toy Story" (-1). */
  ordinal: number | undefined;
  /** "the first two Godfather movies" (2); 1 without a count. */
  count: number;
  /** A verdict right after it: "Her is one of my favourite films". */
  praised: boolean;
  sentenceStart: boolean;
}

/** Words after which a phrase is likely a title: "something like star wars", "loved the godfather". */
const tasteLemmas = new Set([
  'like',
  'love',
  'enjoy',
  'adore',
  'watch',
  'rewatch',
  'see',
  'saw',
  'hate',
  'dislike',
  'prefer',
  'than',
  'as',
  'favorite',
  'favourite',
  'recommend',
  'mention',
  'include',
  'besides',
  'except',
  'but',
]);
/** Words that, after a title, make it a series: "the Toy Story movies", "the Godfather trilogy". */
export const seriesNouns = new Set([
  'films',
  'movies',
  'ones',
  'trilogy',
  'series',
  'franchise',
  'saga',
  'sequels',
  'installments',
  'flicks',
  'quadrilogy',
  'collection',
  'entries',
  'parts',
]);
const listJoiners = new Set(['and', 'or', 'nor', 'plus', '&', ',', 'also', 'as well as']);
/** "The first", "the last": a position in a series. */
const ordinals: Record<string, number> = {
  first: 1,
  '1st': 1,
  original: 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
  latest: -1,
  newest: -1,
  newer: -1,
  new: -1,
};
export const articles = new Set(['the', 'a', 'an']);
const ordinalDeterminers = new Set([
  'the',
  'my',
  'his',
  'her',
  'their',
  'our',
  'your',
  'its',
  'this',
  'that',
]);
const counts: Record<string, number> = { two: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };
/** A verdict right after a span says it names something: "Her is one of my favourite films", "Us freaked me out". */
const praiseAfter =
  /^\s*(?:(?:is|was|'s|are|were)\s+(?:one of|my|so|such|great|amazing|awesome|brilliant|fantastic|incredible|the best|a masterpiece|a classic|really|an? (?:great|amazing|awesome|excellent|fun|good|brilliant))|(?:freaked|scared|blew|made|creeped|terrified|wrecked)\s+(?:me|us))/i;
export const quoteMarks = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);

/** What around the tokens [start, end) says they are a title. */
export function titleEvidence(
  analysis: Analysis,
  start: number,
  end: number,
  previous: PreviousSpan | undefined,
): TitleEvidence {
  const { tokens } = analysis;
  let before = start - 1;
  while (before >= 0 && articles.has(tokens[before]!.norm)) before--;
  const beforeToken = tokens[before];
  const after = tokens[end];
  const quoted =
    quoteMarks.has(tokens[start - 1]?.text ?? '') && quoteMarks.has(after?.text ?? '') && start > 0;
  let taste = beforeToken !== undefined && tasteLemmas.has(beforeToken.lemma);
  // "similar to X", "such as X", "fan of X".
  if (beforeToken && ['to', 'of'].includes(beforeToken.norm)) {
    const word = tokens[before - 1]?.lemma;
    taste = word === 'similar' || word === 'fan' || word === 'such' || word === 'sequel';
  }
  // A list of titles: "loved Heat and pulp fiction".
  let listed = false;
  if (previous) {
    const between = tokens.slice(previous.tokenEnd, start).filter((token) => !articles.has(token.norm));
    listed = between.length <= 2 && between.every((token) => listJoiners.has(token.norm));
  }
  const afterNorm = after?.norm ?? '';
  const seriesCue =
    seriesNouns.has(afterNorm) ||
    (beforeToken?.norm === 'all' && tokens[start - 1]?.norm === 'the') ||
    tokens.slice(Math.max(0, start - 3), start).some((token) => token.norm === 'all');
  // "The second Godfather", "the first two Toy Story movies".
  const countWord = counts[tokens[start - 1]?.norm ?? ''];
  const ordinalAt = start - (countWord ? 2 : 1);
  // "The last Toy Story", "my first Godfather" — not "It last night".
  const determined = ordinalDeterminers.has(tokens[ordinalAt - 1]?.norm ?? '');
  const ordinal = determined ? ordinals[tokens[ordinalAt]?.norm ?? ''] : undefined;
  const count = ordinal !== undefined && countWord ? countWord : 1;
  const praised = praiseAfter.test(analysis.text.slice(tokens[end - 1]!.end, tokens[end - 1]!.end + 40));
  return {
    quoted,
    taste,
    listed,
    seriesCue,
    ordinal,
    count,
    praised,
    sentenceStart: sentenceStart(tokens, start),
  };
}

/** Whether the token at `start` opens a sentence (only punctuation or quotes before it). */
export function sentenceStart(tokens: Token[], start: number): boolean {
  let index = start - 1;
  while (index >= 0 && (tokens[index]!.kind === 'punctuation' || quoteMarks.has(tokens[index]!.text))) {
    if (/[.!?]/.test(tokens[index]!.text)) return true;
    index--;
  }
  return index < 0 || tokens[index]!.sentence !== tokens[start]!.sentence;
}
