import type { LexiconEntry } from '../../lexicon/index.js';
import type { Analysis, Word } from '../../nlp/index.js';
import type { FoundTitle } from '../../titles/index.js';
import { ageRanges } from './age-range.js';
import { findDurations } from './durations.js';
import type { CatalogVocabulary } from './catalog-vocabulary.js';
import { findPeople } from './people-finder.js';

/** Something the reader recognised in a message, over words [start, end). */
export type Mention =
  | { kind: 'title'; start: number; end: number; title: FoundTitle }
  | { kind: 'person'; start: number; end: number; name: string }
  | { kind: 'genre'; start: number; end: number; genre: string; weak: boolean }
  | {
      kind: 'concept';
      start: number;
      end: number;
      id: string;
      conceptKind: 'quality' | 'audience';
      opposite: boolean;
      weak: boolean;
      /** An audience read from someone's age ("my 6 year old"). */
      fromAge?: boolean;
    };

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/** A number written as digits or as a word ("6", "six"). */
export function numberValue(word: Word | undefined): number | undefined {
  if (!word) return undefined;
  if (/^\d{1,3}$/.test(word.norm)) return Number(word.norm);
  return numberWords[word.norm];
}

const personWords = new Set([
  'kid',
  'kids',
  'child',
  'children',
  'son',
  'daughter',
  'boy',
  'girl',
  'niece',
  'nephew',
  'grandson',
  'granddaughter',
  'grandkid',
  'toddler',
  'baby',
  'little',
  'brother',
  'sister',
  'cousin',
  'students',
  'class',
  'mum',
  'mom',
  'mother',
  'dad',
  'father',
  'parent',
  'parents',
  'grandma',
  'grandpa',
  'grandmother',
  'grandfather',
  'law',
  'laws',
  'aunt',
  'uncle',
  'he',
  'she',
  'they',
  'who',
  'both',
  'twins',
  'nan',
  'gran',
]);
const possessives = new Set(['their', 'his', 'her', 'my', 'our', 'your']);
/** After "her 40th" these say it is no birthday. */
const notBirthdays = new Set(['anniversary', 'time', 'movie', 'film', 'century', 'street', 'floor', 'place']);

/** "my dad's 75th", "my daughter's 13th": the age of a birthday, else undefined. */
function birthdayAt(words: Word[], index: number): number | undefined {
  const birthday = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(words[index]?.norm ?? '');
  if (
    birthday?.[1] &&
    ["'s", 's'].includes(words[index - 1]?.norm ?? '') &&
    personWords.has(words[index - 2]?.norm ?? '') &&
    !notBirthdays.has(words[index + 1]?.norm ?? '')
  )
    return Number(birthday[1]);
  return undefined;
}

/**
 * Words like "70s" that are ages, not decades, by index with the words they take: "in their 70s",
 * "in their late 70s", and a second one joined to it ("in our 50s and 60s").
 */
export function decadeAgesIn(words: Word[]): Map<number, { start: number; end: number }> {
  const out = new Map<number, { start: number; end: number }>();
  words.forEach((word, index) => {
    if (!/^\d0'?s$/.test(word.norm)) return;
    const part = ['early', 'mid', 'late'].includes(words[index - 1]?.norm ?? '') ? 1 : 0;
    if (
      possessives.has(words[index - 1 - part]?.norm ?? '') &&
      ['in', 'into'].includes(words[index - 2 - part]?.norm ?? '')
    )
      out.set(index, { start: index - 2 - part, end: index + 1 });
    else if (['and', 'or', 'to'].includes(words[index - 1]?.norm ?? '') && out.has(index - 2))
      out.set(index, { start: index, end: index + 1 });
  });
  return out;
}

/**
 * Ages of children in a message: "my 6 year old", "a six-year-old", "my daughter who is 9", "kids
 * aged 8 and 10", "my 5yo". Returns the word range and the age of each.
 */
export function agesIn(words: Word[], analysis?: Analysis): { start: number; end: number; age: number }[] {
  const out: { start: number; end: number; age: number }[] = [];
  const decadeAges = decadeAgesIn(words);
  words.forEach((word, index) => {
    const decadeAge = decadeAges.get(index);
    if (decadeAge) {
      out.push({ ...decadeAge, age: Number(word.norm.slice(0, 1)) * 10 });
      return;
    }
    const birthday = birthdayAt(words, index);
    if (birthday !== undefined) {
      out.push({ start: index, end: index + 1, age: birthday });
      return;
    }
    const age = numberValue(word);
    if (age === undefined || age > 110) return;
    const next = words[index + 1]?.norm ?? '';
    const after = words[index + 2]?.norm ?? '';
    const before = words.slice(Math.max(0, index - 4), index).map((entry) => entry.norm);
    if (
      ['year', 'years', 'yr', 'yrs', 'yo', 'y'].includes(next) &&
      (after === 'old' || after === 'olds' || next === 'yo')
    ) {
      out.push({ start: index, end: index + (next === 'yo' ? 2 : 3), age });
    } else if (/^\d+yo$/.test(word.norm)) {
      out.push({ start: index, end: index + 1, age });
    } else if (
      (before.includes('aged') || before.includes('age') || before.includes('ages')) &&
      !['year', 'years'].includes(next)
    ) {
      out.push({ start: index, end: index + 1, age });
    } else if (
      ['is', "'s", 's', 'turning', 'turns', 'turned', 'are', "'re", 're', 'aged'].includes(
        before[before.length - 1] ?? '',
      ) &&
      before.some((entry) => personWords.has(entry)) &&
      // "She is 9" — not "he is one of my favourite actors".
      // "my dad turns 70 next month", "she just turned 13": turning an age says it whatever follows.
      (next === '' ||
        ['turns', 'turning', 'turned'].includes(before[before.length - 1] ?? '') ||
        words[index + 1]!.barrier ||
        ['and', 'years', 'yrs', 'yo', 'now', 'so', 'but', 'too', 'already', 'something', 'ish'].includes(
          next,
        ))
    ) {
      out.push({ start: index, end: index + 1, age });
    } else if (months(next, after)) {
      out.push({ start: index, end: index + 3, age: 0 });
    } else if (
      // "my nieces (4 and 6)", "the twins, 8 and 10": numbers right after a person word.
      before.slice(-2).some((entry) => personWords.has(entry)) &&
      (next === 'and' || before[before.length - 1] === 'and' || next === '') &&
      !['years', 'year', 'movies', 'films'].includes(next)
    ) {
      out.push({ start: index, end: index + 1, age });
    } else if (parenthesisedAfterPerson(words, index, analysis)) {
      out.push({ start: index, end: index + 1, age });
    }
  });
  // "7 and 9": the second of a pair of ages.
  for (const found of [...out]) {
    const and = words[found.end];
    const second = numberValue(words[found.end + 1]);
    if (
      and?.norm === 'and' &&
      second !== undefined &&
      second <= 110 &&
      !out.some((entry) => entry.start === found.end + 1)
    )
      out.push({ start: found.end + 1, end: found.end + 2, age: second });
  }
  return out;
}

/** Words besides numbers in a bracket of ages: "(4 and 6)", "(7, 9 yo)", "(ages 5 & 8)". */
const bracketAgeWords = new Set([
  'and',
  '&',
  ',',
  'yo',
  'y/o',
  'yrs',
  'years',
  'year',
  'old',
  'age',
  'ages',
  '+',
]);

/** "My nieces are coming tomorrow (4 and 6)": a number in brackets in the clause of a person word. */
function parenthesisedAfterPerson(words: Word[], index: number, analysis: Analysis | undefined): boolean {
  const token = words[index]!.token;
  if (!analysis || analysis.tokens[token - 1]?.text !== '(' || (numberValue(words[index]) ?? 99) > 17)
    return false;
  // Only ages inside: "(4 and 6)", "(7, 9 yo)" — not a score "(8/10)", a count "(2 of them)", or a
  // number a verb or an article asks for ("gave it a (7)").
  if (['DET', 'ADP', 'VERB', 'AUX', 'NUM'].includes(analysis.tokens[token - 2]?.pos ?? '')) return false;
  for (let at = token; at < analysis.tokens.length && analysis.tokens[at]!.text !== ')'; at++) {
    const inside = analysis.tokens[at]!;
    if (inside.pos !== 'NUM' && !bracketAgeWords.has(inside.norm)) return false;
  }
  const sentence = analysis.tokens[token]!.sentence;
  for (let back = index - 1; back >= Math.max(0, index - 7); back--) {
    const word = words[back]!;
    if (analysis.tokens[word.token]!.sentence !== sentence) return false;
    const person = personWords.has(word.norm) || personWords.has(word.lemma);
    if (person && !['he', 'she', 'they', 'who', 'both'].includes(word.norm)) return true;
  }
  return false;
}

function months(next: string, after: string): boolean {
  return (next === 'month' || next === 'months') && after === 'old';
}

/** Word index of the first word at or after a token index. */
function wordAt(words: Word[], token: number): number {
  const index = words.findIndex((word) => word.token >= token);
  return index < 0 ? words.length : index;
}

/**
 * Titles, people, genres and concepts in a message. Titles are found first and claim their words
 * ("The Thing" is a film, not the word "thing"); the lexicon and people are matched on what is left,
 * longest phrase first, so "action-packed" is a quality and not the genre "action".
 */
export function findMentions(analysis: Analysis, words: Word[], vocabulary: CatalogVocabulary): Mention[] {
  const mentions: Mention[] = [];
  const taken = new Set<number>();
  // Titles and people's full names may overlap ("Robin Williams" is no Robin Hood film, "Being John
  // Malkovich" is a film): the longer span wins, a tie goes to the person.
  const people = vocabulary.people.fullNames.match(words);
  const titles = vocabulary.titleFinder.find(analysis).flatMap((title) => {
    const start = wordAt(words, title.tokenStart);
    const end = wordAt(words, title.tokenEnd);
    return end > start ? [{ title, start, end }] : [];
  });
  const overlaps = (left: { start: number; end: number }, right: { start: number; end: number }) =>
    left.start < right.end && right.start < left.end;
  for (const found of titles) {
    // "my daughter's 13th" is a birthday, not the film 13th.
    if (found.end - found.start === 1 && birthdayAt(words, found.start) !== undefined) continue;
    if (
      people.some((person) => overlaps(person, found) && person.end - person.start >= found.end - found.start)
    )
      continue;
    mentions.push({ kind: 'title', start: found.start, end: found.end, title: found.title });
    for (let index = found.start; index < found.end; index++) taken.add(index);
  }
  for (const found of findPeople(analysis, words, vocabulary, people, (index) => taken.has(index))) {
    for (const name of found.names)
      mentions.push({ kind: 'person', start: found.start, end: found.end, name });
    for (let index = found.start; index < found.end; index++) taken.add(index);
  }
  const { ranges, rest } = ageRanges(words, agesIn(words, analysis));
  for (const range of ranges) {
    if ([...Array(range.end - range.start).keys()].some((offset) => taken.has(range.start + offset)))
      continue;
    mentions.push({
      ...range,
      kind: 'concept',
      id: 'family',
      conceptKind: 'audience',
      opposite: false,
      weak: false,
    });
    for (let index = range.start; index < range.end; index++) taken.add(index);
  }
  for (const age of rest) {
    if ([...Array(age.end - age.start).keys()].some((offset) => taken.has(age.start + offset))) continue;
    const audience = vocabulary.lexicon.audienceForAge(age.age);
    if (!audience) continue;
    mentions.push({
      kind: 'concept',
      start: age.start,
      end: age.end,
      id: audience,
      conceptKind: 'audience',
      opposite: false,
      weak: false,
      fromAge: true,
    });
    for (let index = age.start; index < age.end; index++) taken.add(index);
  }
  // "nothing over 2 hrs", "3 hour ones": a running time is a wish about length, when the lexicon has one.
  if (vocabulary.lexicon.kindOf('long') === 'quality')
    for (const duration of findDurations(words)) {
      if (
        [...Array(duration.end - duration.start).keys()].some((offset) => taken.has(duration.start + offset))
      )
        continue;
      mentions.push({
        kind: 'concept',
        start: duration.start,
        end: duration.end,
        id: 'long',
        conceptKind: 'quality',
        opposite: duration.polarity === 'less',
        weak: false,
      });
      for (let index = duration.start; index < duration.end; index++) taken.add(index);
    }
  for (const match of vocabulary.lexicon.matcher.match(words, (index) => taken.has(index))) {
    // A phrase that names nothing ("live action") still claims its words.
    if (match.values.some((value) => value.kind === 'ignore')) continue;
    for (const value of match.values)
      if (value.kind !== 'ignore') mentions.push(lexiconMention(value, match.start, match.end));
  }
  return mentions.sort((left, right) => left.start - right.start);
}

function lexiconMention(
  entry: Exclude<LexiconEntry, { kind: 'ignore' }>,
  start: number,
  end: number,
): Mention {
  return entry.kind === 'genre'
    ? { kind: 'genre', start, end, genre: entry.genre, weak: entry.weak }
    : {
        kind: 'concept',
        start,
        end,
        id: entry.id,
        conceptKind: entry.conceptKind,
        opposite: entry.opposite,
        weak: entry.weak,
      };
}
