import type { Analysis, Word } from '../../nlp/index.js';
import { decadeAgesIn, numberValue } from './mentions.js';

/** One stated limit: its words [start, end) and the years it allows. */
export interface YearSpan {
  start: number;
  end: number;
  from: number | null;
  to: number | null;
}

/** Years a message limits the results to, and the words that said so. */
export interface YearReading {
  yearFrom: number | null;
  yearTo: number | null;
  spans: YearSpan[];
}

/** The years several stated limits allow together. */
export function combineYears(spans: YearSpan[]): { yearFrom: number | null; yearTo: number | null } {
  let yearFrom: number | null = null;
  let yearTo: number | null = null;
  for (const span of spans) {
    if (span.from !== null) yearFrom = yearFrom === null ? span.from : Math.max(yearFrom, span.from);
    if (span.to !== null) yearTo = yearTo === null ? span.to : Math.min(yearTo, span.to);
  }
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) return { yearFrom: null, yearTo: null };
  return { yearFrom, yearTo };
}

const decadeNames: Record<string, number> = {
  twenties: 1920,
  thirties: 1930,
  forties: 1940,
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  eighties: 1980,
  nineties: 1990,
  noughties: 2000,
  aughts: 2000,
};
const parts: Record<string, [number, number]> = { early: [0, 3], mid: [4, 6], middle: [4, 6], late: [7, 9] };

/** Open bounds before a year: [phrase, which bound, offset from the year]. Longest first. */
const bounds: [string, 'from' | 'to' | 'exact', number][] = [
  ['no later than', 'to', 0],
  ['no earlier than', 'from', 0],
  ['not later than', 'to', 0],
  ['not earlier than', 'from', 0],
  ['no older than', 'from', 0],
  ['not older than', 'from', 0],
  ['no newer than', 'to', 0],
  ['not newer than', 'to', 0],
  ['nothing before', 'from', 0],
  ['nothing after', 'to', 0],
  ['nothing older than', 'from', 0],
  ['nothing newer than', 'to', 0],
  ['not before', 'from', 0],
  ['not after', 'to', 0],
  ['older than', 'to', -1],
  ['newer than', 'from', 1],
  ['earlier than', 'to', -1],
  ['later than', 'from', 1],
  ['more recent than', 'from', 1],
  ['prior to', 'to', -1],
  ['up to', 'to', 0],
  ['up until', 'to', 0],
  ['up till', 'to', 0],
  ['made before', 'to', -1],
  ['made after', 'from', 1],
  ['released before', 'to', -1],
  ['released after', 'from', 1],
  ['made in', 'exact', 0],
  ['released in', 'exact', 0],
  ['came out in', 'exact', 0],
  ['from around', 'exact', 0],
  ['after', 'from', 1],
  ['since', 'from', 0],
  ['before', 'to', -1],
  ['until', 'to', 0],
  ['till', 'to', 0],
  ['til', 'to', 0],
  ['through', 'to', 0],
  ['pre', 'to', -1],
  ['post', 'from', 1],
  ['from', 'exact', 0],
  ['in', 'exact', 0],
  ['of', 'exact', 0],
];
const laterWords = [
  ['or', 'later'],
  ['or', 'newer'],
  ['and', 'later'],
  ['and', 'up'],
  ['onwards'],
  ['onward'],
  ['on'],
  ['or', 'after'],
  ['and', 'after'],
  ['plus'],
  ['or', 'more', 'recent'],
  ['and', 'newer'],
];
const earlierWords = [
  ['or', 'earlier'],
  ['or', 'before'],
  ['or', 'older'],
  ['and', 'earlier'],
  ['and', 'before'],
  ['and', 'older'],
];

function isYear(word: Word | undefined, analysis: Analysis, currentYear: number): number | undefined {
  if (!word) return undefined;
  if (/^(19|20)\d\d$/.test(word.norm)) return Number(word.norm);
  // "'65", "’75": two digits right after an apostrophe, in the century that makes them past.
  const mark = analysis.tokens[word.token - 1];
  const token = analysis.tokens[word.token]!;
  if (!/^\d\d$/.test(word.norm) || !mark || !["'", '’', '‘'].includes(mark.text) || mark.end !== token.start)
    return undefined;
  const short = Number(word.norm);
  return short > currentYear % 100 ? 1900 + short : 2000 + short;
}

/** A decade at `index`: "90s", "'90s", "1990s", "90's", "nineties" → [start year, words used]. */
function decadeAt(words: Word[], index: number, analysis: Analysis): [number, number] | undefined {
  const word = words[index];
  if (!word) return undefined;
  const named = decadeNames[word.norm];
  if (named !== undefined) return [named, 1];
  const match = /^'?((?:19|20)?\d)0'?s$/.exec(word.norm);
  if (match?.[1]) {
    const digits = match[1];
    return [digits.length === 3 ? Number(`${digits}0`) : decadeStart(Number(digits)), 1];
  }
  // "80's": wink splits it into "80" and "'s".
  const next = analysis.tokens[word.token + 1];
  if (/^(?:(?:19|20)\d0|[1-9]0)$/.test(word.norm) && next && /^['’]s$/.test(next.text)) {
    return [word.norm.length === 4 ? Number(word.norm) : decadeStart(Number(word.norm) / 10), 1];
  }
  return undefined;
}

function decadeStart(digit: number): number {
  return digit <= 2 ? 2000 + digit * 10 : 1900 + digit * 10;
}

function phraseBefore(words: Word[], index: number, phrase: string): number | undefined {
  const parts = phrase.split(' ');
  const start = index - parts.length;
  if (start < 0) return undefined;
  return parts.every((part, offset) => words[start + offset]!.norm === part) ? start : undefined;
}

function wordsAfter(words: Word[], index: number, list: string[][]): number {
  for (const phrase of list) {
    if (phrase.every((part, offset) => words[index + offset]?.norm === part)) return phrase.length;
  }
  return 0;
}

/**
 * Release-year limits stated in a message, inclusive: "after 2000" → from 2001, "before 1960" → to
 * 1959, "since 2010", "up to 1995", "between 1985 and 1995", "1985-1995", "the 90s", "late 80s"
 * (1987–1989), "the last ten years" (from `currentYear` − 10), "2000 or later". A negated decade
 * ("nothing from the 80s") is not a range and is left out.
 */
export function readYears(analysis: Analysis, words: Word[], currentYear: number): YearReading {
  const spans: YearSpan[] = [];
  const add = (start: number, end: number, from: number | null, to: number | null) =>
    spans.push({ start, end, from, to });
  const used = new Set<number>();
  const decadeAges = decadeAgesIn(words);
  for (let index = 0; index < words.length; index++) {
    if (used.has(index)) continue;
    const year = isYear(words[index], analysis, currentYear);
    const decade = year === undefined ? decadeAt(words, index, analysis) : undefined;
    if (year === undefined && decade === undefined) continue;
    // A range: "between 1985 and 1995", "from 1985 to 1995", "1985-1995", "the 80s to the 90s".
    const joiner = words[index + 1]?.norm;
    const secondIndex = ['and', 'to', 'through', 'thru', 'till', 'until'].includes(joiner ?? '')
      ? index + 2
      : index + 1;
    const skipThe = words[secondIndex]?.norm === 'the' ? secondIndex + 1 : secondIndex;
    const second = isYear(words[skipThe], analysis, currentYear);
    if (
      year !== undefined &&
      second !== undefined &&
      second > year &&
      (secondIndex === index + 1 ? words[skipThe]!.barrier === false : true)
    ) {
      const from = phraseBefore(words, index, 'between') ?? phraseBefore(words, index, 'from') ?? index;
      add(from, skipThe + 1, year, second);
      used.add(skipThe);
      continue;
    }
    let start = index;
    let low: number;
    let high: number;
    let end = index + 1;
    if (decade) {
      // "In their 70s", "in our 50s and 60s" are ages, not decades.
      if (decadeAges.has(index)) continue;
      const part = parts[words[index - 1]?.norm ?? ''];
      if (part) start = index - 1;
      low = decade[0] + (part?.[0] ?? 0);
      high = decade[0] + (part?.[1] ?? 9);
      // "The 60s or 70s", "late 90s or early 2000s", "the 80s to the 90s": one range.
      let next = index + 1;
      if (['or', 'and', 'to', 'through', 'thru', 'till', 'until'].includes(words[next]?.norm ?? '')) {
        next += 1;
        if (words[next]?.norm === 'the') next += 1;
        const secondPart = parts[words[next]?.norm ?? ''];
        if (secondPart) next += 1;
        const second = decadeAt(words, next, analysis);
        if (second && second[0] > decade[0]) {
          high = second[0] + (secondPart?.[1] ?? 9);
          used.add(next);
          end = next + 1;
        }
      }
    } else {
      low = year!;
      high = year!;
    }
    const before = start > 0 && words[start - 1]!.norm === 'the' ? start - 1 : start;
    const phrase = bounds.find(([text]) => phraseBefore(words, before, text) !== undefined);
    const phraseStart = phrase ? phraseBefore(words, before, phrase[0])! : before;
    const later = wordsAfter(words, end, laterWords);
    const earlier = wordsAfter(words, end, earlierWords);
    const negated =
      ['no', 'not', 'nothing', 'except', 'without'].includes(words[phraseStart - 1]?.norm ?? '') &&
      (!phrase || phrase[1] === 'exact');
    if (negated) continue;
    if (later > 0 && (!phrase || phrase[1] === 'exact')) {
      add(phraseStart, end + later, low, null);
    } else if (earlier > 0 && (!phrase || phrase[1] === 'exact')) {
      add(phraseStart, end + earlier, null, high);
    } else if (phrase && phrase[1] === 'from') {
      add(phraseStart, end, phrase[2] > 0 ? high + phrase[2] : low + phrase[2], null);
    } else if (phrase && phrase[1] === 'to') {
      add(phraseStart, end, null, phrase[2] < 0 ? low + phrase[2] : high + phrase[2]);
    } else if (decade || phrase || isFilmYear(words, end)) {
      // "the 90s", "from 1995", "in 1995", "a 1995 film".
      add(phraseStart, end, low, high);
    }
  }
  lastYears(words, currentYear, add);
  return { ...combineYears(spans), spans };
}

function isFilmYear(words: Word[], end: number): boolean {
  return ['film', 'films', 'movie', 'movies', 'release', 'releases', 'classic', 'one', 'flick'].includes(
    words[end]?.norm ?? '',
  );
}

/** "The last ten years", "the past 5 years", "the last decade", "from the last couple of years". */
function lastYears(
  words: Word[],
  currentYear: number,
  add: (start: number, end: number, from: number | null, to: number | null) => void,
): void {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!.norm;
    if (word !== 'last' && word !== 'past') continue;
    const count = numberValue(words[index + 1]);
    const unit = words[index + (count === undefined ? 1 : 2)]?.norm ?? '';
    if (count !== undefined && (unit === 'years' || unit === 'year'))
      add(index, index + 3, currentYear - count, null);
    else if (count === undefined && unit === 'decade') add(index, index + 2, currentYear - 10, null);
    else if (count !== undefined && (unit === 'decades' || unit === 'decade'))
      add(index, index + 3, currentYear - 10 * count, null);
  }
}
