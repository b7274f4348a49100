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

/** How many items the user asks for: "just one", "a couple", "three films", "give me 10", "a dozen". */
export function readQuantity(
  words: Word[],
  taken: Set<number>,
): { value: number; span: [number, number] } | undefined {
  for (let index = 0; index < words.length; index++) {
    if (taken.has(index)) continue;
    const word = words[index]!.norm;
    const next = words[index + 1]?.norm ?? '';
    const afterNext = words[index + 2]?.norm ?? '';
    const previous = words[index - 1]?.norm ?? '';
    if (word === 'couple' && (previous === 'a' || next === 'of'))
      return { value: 2, span: [index - (previous === 'a' ? 1 : 0), index + 1] };
    // "A few films", "a few more", "a few sci-fi films please" — not "a few friends over".
    const filmSoon =
      words.slice(index + 1, index + 4).some((entry) => quantityNouns.has(entry.norm)) ||
      next === 'more' ||
      next === '' ||
      next === 'please';
    if (word === 'few' && previous === 'a' && filmSoon && !(next === 'more' && timeUnits.has(afterNext)))
      return { value: 3, span: [index - 1, index + 1] };
    if (word === 'handful' && previous === 'a') return { value: 5, span: [index - 1, index + 1] };
    if (word === 'dozen' && (previous === 'a' || previous === 'one'))
      return { value: 12, span: [index - 1, index + 1] };
    if (word === 'single' && previous === 'a' && quantityNouns.has(next))
      return { value: 1, span: [index - 1, index + 2] };
    const value = numberValue(words[index]);
    if (value === undefined || value < 1 || value > 50) continue;
    if (/^(19|20)\d\d$/.test(word) || timeUnits.has(next)) continue;
    if (
      [
        'the',
        'that',
        'this',
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
      ].includes(previous)
    )
      continue;
    const noun =
      quantityNouns.has(next) ||
      (quantityNouns.has(afterNext) && !timeUnits.has(afterNext) && /^[a-z-]+$/.test(next));
    const cue =
      quantityCues.has(previous) || noun || (value === 1 && next === 'more' && !words[index + 1]!.barrier);
    if (!cue) continue;
    if (word === 'one' && !['just', 'only', 'me', 'exactly'].includes(previous) && !quantityNouns.has(next))
      continue;
    if (word === 'one' && ['of', 'where', 'that', 'like', 'with', 'for', 'about', 'i', 'you'].includes(next))
      continue;
    return { value, span: [index, index + 1] };
  }
  return undefined;
}
