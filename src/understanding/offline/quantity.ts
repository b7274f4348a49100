import type { Word } from '../../nlp/index.js';
import { numberValue } from './mentions.js';

const quantityNouns = new Set([
  'movie',
  'movies',
  'film',
  'films',
  'suggestion',
  'suggestions',
  'pick',
  'picks',
  'recommendation',
  'recommendations',
  'option',
  'options',
  'title',
  'titles',
  'idea',
  'ideas',
  'choices',
  'choice',
  'flick',
  'flicks',
  'comedies',
  'thrillers',
  'westerns',
  'documentaries',
  'dramas',
  'musicals',
  'classics',
  'cartoons',
]);

const timeUnits = new Set([
  'hours',
  'hour',
  'hrs',
  'hr',
  'minutes',
  'minute',
  'mins',
  'min',
  'years',
  'year',
  'days',
  'day',
  'weeks',
  'week',
  'months',
  'month',
  'times',
  'stars',
  'star',
  'pm',
  'am',
  'seasons',
  'episodes',
  'percent',
]);
const quantityCues = new Set([
  'just',
  'only',
  'me',
  'give',
  'show',
  'suggest',
  'recommend',
  'need',
  'want',
  'list',
  'pick',
  'another',
  'exactly',
  'like',
  'maybe',
  'about',
  'around',
  'some',
]);
const possessives = new Set(['my', 'your', 'his', 'her', 'our', 'their', 'its']);
/** What "one more …" may be about that is no film: "one more thing", "one more question". */
const notCounted = new Set(['thing', 'things', 'question', 'questions', 'request', 'detail', 'condition']);

/** Words before a number that make it no quantity: "the first two", "number 3", "all three", "aged 7". */
const notBefore = new Set([
  'the',
  'that',
  'this',
  'those',
  'these',
  'which',
  'number',
  'no',
  '#',
  'item',
  'option',
  'is',
  'are',
  'turning',
  'aged',
  'age',
  'first',
  'last',
  'other',
  'all',
  'both',
]);
/** What may follow a bare number that answers "how many?": "five is good", "3 please", "four would be great". */
const answerTails = [
  '',
  'please',
  'pls',
  'plz',
  'is good',
  'is fine',
  'is ok',
  'is okay',
  'is enough',
  'is plenty',
  'is great',
  'is perfect',
  'sounds good',
  'would be good',
  'would be great',
  'would be nice',
  'would be perfect',
  'should do',
  'works',
  'will do',
  'is good thanks',
  'is fine thanks',
  'please thanks',
];
/** Words a bare number may come after in such an answer: "maybe 3", "um, five". */
const answerOpeners = new Set([
  'maybe',
  'um',
  'uh',
  'hmm',
  'like',
  'say',
  'lets',
  'ok',
  'okay',
  'oh',
  'just',
  'only',
]);
/** Words that may close "just the best one": "for me", "tonight", "please". */
const closingWords = new Set(['for', 'me', 'us', 'tonight', 'please', 'pls', 'then', 'thanks']);

/** Words that may sit between a number and what it counts ("one single film", "the single best one"). */
const singleFollowers = new Set(['best', 'good', 'great', 'top', 'perfect', 'one', 'pick', 'movie', 'film']);
/** Superlatives between "single" and what it counts: "the single greatest sci-fi film". */
const superlatives = new Set(['best', 'greatest', 'finest', 'top', 'perfect', 'ultimate', 'most']);

/**
 * Whether what follows `index` is the thing counted, past words the reader recognised ("three
 * feel-good movies", "the single best sci-fi film") and superlatives: a film noun, or a genre
 * word that is the noun itself ("two romcoms", "5 docs").
 */
function countedAfter(
  words: Word[],
  index: number,
  taken: Set<number>,
  countable: Set<number>,
  skip: Set<string> = new Set(),
): boolean {
  let next = index + 1;
  while (next < words.length && next <= index + 5 && !words[next]!.barrier) {
    if (quantityNouns.has(words[next]!.norm)) return true;
    if (countable.has(next) && !taken.has(next + 1) && !quantityNouns.has(words[next + 1]?.norm ?? ''))
      return true;
    if (!taken.has(next) && !skip.has(words[next]!.norm)) return false;
    next += 1;
  }
  return false;
}

/** How many items the user asks for: "just one", "a couple", "three films", "give me 10", "a dozen". */
export function readQuantity(
  words: Word[],
  taken: Set<number>,
  countable: Set<number> = new Set(),
): { value: number; span: [number, number] } | undefined {
  for (let index = 0; index < words.length; index++) {
    if (taken.has(index)) continue;
    const word = words[index]!.norm;
    const next = words[index + 1]?.norm ?? '';
    const afterNext = words[index + 2]?.norm ?? '';
    const previous = words[index - 1]?.norm ?? '';
    // "a couple of films", "couple more like those"
    if (word === 'couple' && (previous === 'a' || next === 'of' || (next === 'more' && previous === '')))
      return { value: 2, span: [index - (previous === 'a' ? 1 : 0), index + 1] };
    // "A few films", "a few more", "a few sci-fi films please" — not "a few friends over".
    const filmSoon =
      words.slice(index + 1, index + 4).some((entry) => quantityNouns.has(entry.norm)) ||
      [1, 2, 3].some((offset) => countable.has(index + offset)) ||
      next === 'more' ||
      next === '' ||
      next === 'please';
    if (word === 'few' && previous === 'a' && filmSoon && !(next === 'more' && timeUnits.has(afterNext)))
      return { value: 3, span: [index - 1, index + 1] };
    if (word === 'handful' && previous === 'a') return { value: 5, span: [index - 1, index + 1] };
    // "a dozen films", not "seen it a dozen times".
    if (word === 'dozen' && (previous === 'a' || previous === 'one') && !timeUnits.has(next)) {
      // "half a dozen"
      if (words[index - 2]?.norm === 'half') return { value: 6, span: [index - 2, index + 1] };
      return { value: 12, span: [index - 1, index + 1] };
    }
    // "a single recommendation", "just the single best one", "only the best one".
    if (
      word === 'single' &&
      ['a', 'the', 'one', 'just', 'only'].includes(previous) &&
      (quantityNouns.has(next) ||
        next === 'one' ||
        (singleFollowers.has(next) && singleFollowers.has(afterNext)) ||
        countedAfter(words, index, taken, countable, superlatives))
    )
      return { value: 1, span: [index - 1, index + 2] };
    // "Just the one documentary", "only the one please": one, not a shown item ("just the one with…").
    if (
      word === 'one' &&
      previous === 'the' &&
      ['just', 'only'].includes(words[index - 2]?.norm ?? '') &&
      (next === '' ||
        next === 'please' ||
        words[index + 1]!.barrier ||
        countedAfter(words, index, taken, countable))
    )
      return { value: 1, span: [index - 2, index + 1] };
    if (
      word === 'the' &&
      ['just', 'only', 'pick', 'choose'].includes(previous) &&
      (next === 'best' || next === 'top') &&
      singleFollowers.has(afterNext) &&
      words.slice(index + 3).every((entry) => closingWords.has(entry.norm))
    )
      return { value: 1, span: [index - 1, index + 3] };
    const value = numberValue(words[index]);
    if (value === undefined || value < 1 || value > 50) continue;
    if (/^(19|20)\d\d$/.test(word) || timeUnits.has(next)) continue;
    if (notBefore.has(previous)) continue;
    // "my top 3 westerns are…" ranks the user's own favourites.
    if (previous === 'top' && possessives.has(words[index - 2]?.norm ?? '')) continue;
    if (answersHowMany(words, index, value)) return { value, span: [index, index + 1] };
    const noun =
      quantityNouns.has(next) ||
      (quantityNouns.has(afterNext) && !timeUnits.has(afterNext) && /^[a-z-]+$/.test(next)) ||
      countedAfter(words, index, taken, countable);
    // "a top 5 of the best westerns", "top 3 pixar?" count; "my top three", "a top 10 for me" rank.
    const ranked =
      previous === 'top' &&
      (next === 'of' || (!possessives.has(words[index - 2]?.norm ?? '') && words[index - 2]?.norm !== 'a'));
    const cue =
      ranked ||
      quantityCues.has(previous) ||
      noun ||
      (next === 'more' && !words[index + 1]!.barrier && !timeUnits.has(afterNext));
    if (!cue) continue;
    if (notCounted.has(afterNext)) continue;
    if (
      word === 'one' &&
      !['just', 'only', 'me', 'exactly'].includes(previous) &&
      !quantityNouns.has(next) &&
      next !== 'more'
    )
      continue;
    // "the one that…" points at an item; "just one that you think is best" counts.
    if (
      word === 'one' &&
      ['of', 'where', 'that', 'like', 'with', 'for', 'about', 'i', 'you'].includes(next) &&
      !(['just', 'only'].includes(previous) && next === 'that')
    )
      continue;
    return { value, span: [index, index + 1] };
  }
  return undefined;
}

/** A bare number that answers "how many?": "five is good", "maybe 3", "4 please". */
function answersHowMany(words: Word[], index: number, value: number): boolean {
  if (value === 1) return false;
  const before = words.slice(0, index).map((word) => word.norm);
  if (!before.every((word) => answerOpeners.has(word))) return false;
  const tail = words
    .slice(index + 1)
    .map((word) => word.norm)
    .join(' ');
  return answerTails.includes(tail);
}
