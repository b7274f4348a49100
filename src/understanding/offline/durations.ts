import type { Word } from '../../nlp/index.js';

/** Minutes per unit of a running time: "2 hours", "90 mins", "2h". */
const units: Record<string, number> = {
  hour: 60,
  hours: 60,
  hr: 60,
  hrs: 60,
  h: 60,
  minute: 1,
  minutes: 1,
  min: 1,
  mins: 1,
};
const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  ninety: 90,
  hundred: 100,
};
/** Words before a running time that make it an upper bound: "under 2 hours", "no more than 90 mins". */
const upperBefore = [
  ['under'],
  ['below'],
  ['within'],
  ['max'],
  ['maximum'],
  ['less', 'than'],
  ['shorter', 'than'],
  ['at', 'most'],
  ['more', 'than'],
  ['longer', 'than'],
  ['over'],
  ['only'],
  ['just'],
];
/** Words after it that bound it: "2 hours max", "90 minutes or less", "two hours tops". */
const upperAfter = [
  ['max'],
  ['maximum'],
  ['tops'],
  ['or', 'less'],
  ['or', 'under'],
  ['at', 'most'],
  ['or', 'shorter'],
];
const lowerAfter = [['or', 'more'], ['plus'], ['or', 'longer'], ['at', 'least']];
/** A running time that asks for length, when nothing bounds it: "3 hour ones", "a 3-hour epic". */
const filmWords = new Set([
  'movie',
  'movies',
  'film',
  'films',
  'one',
  'ones',
  'epic',
  'epics',
  'long',
  'runtime',
]);
const negators = new Set(['no', 'not', 'nothing', 'none', 'never']);

/** A running time the user bounds or asks for, over words [start, end): a wish about length. */
export interface DurationCue {
  start: number;
  end: number;
  /** Shorter than this (`less`) or at least this long (`more`). */
  polarity: 'less' | 'more';
}

function matchesAt(words: Word[], at: number, phrase: string[]): boolean {
  return phrase.every((part, offset) => words[at + offset]?.norm === part);
}

/**
 * Running times in a message: "nothing over 2 hrs" and "2 hours max" ask for shorter films, "3 hour
 * ones" or "at least 2.5 hours" for longer ones. A time no bound word or film noun goes with ("my
 * flight is 14 hours") says nothing about the film.
 */
export function findDurations(words: Word[]): DurationCue[] {
  const cues: DurationCue[] = [];
  words.forEach((word, index) => {
    // "2h" typed as one word.
    const glued = /^(\d{1,3}(?:\.\d)?)(h|hr|hrs|min|mins)$/.exec(word.norm);
    const unitAt = glued ? index : index + 1;
    const unit = glued ? units[glued[2]!] : units[words[unitAt]?.norm ?? ''];
    if (unit === undefined) return;
    const amount = glued ? Number(glued[1]) : (numberWords[word.norm] ?? Number(word.norm.replace(',', '.')));
    if (!Number.isFinite(amount) || amount <= 0) return;
    const minutes = amount * unit;
    let start = index;
    let end = unitAt + 1;
    if (words[end]?.norm === 'long') end += 1;
    let polarity: 'less' | 'more' | undefined;
    for (const phrase of upperBefore) {
      const at = index - phrase.length;
      if (at < 0 || !matchesAt(words, at, phrase)) continue;
      const lower = ['more', 'longer', 'over'].includes(phrase[0]!);
      const negated = negators.has(words[at - 1]?.norm ?? '');
      polarity = lower && !negated ? 'more' : 'less';
      start = negated ? at - 1 : at;
      break;
    }
    for (const phrase of [...upperAfter, ...lowerAfter]) {
      if (!matchesAt(words, end, phrase)) continue;
      polarity = upperAfter.includes(phrase) ? 'less' : 'more';
      end += phrase.length;
      break;
    }
    if (polarity === undefined && filmWords.has(words[end]?.norm ?? ''))
      polarity = minutes >= 150 ? 'more' : 'less';
    if (polarity === undefined) return;
    cues.push({ start, end, polarity });
  });
  return cues;
}
