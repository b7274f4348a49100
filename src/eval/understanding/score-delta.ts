import type { ExpectedDelta } from './benchmark-file.js';

/** The fields the benchmark scores, in report order. */
export const scoredFields = [
  'intent',
  'newRequest',
  'titles',
  'unknownTitles',
  'years',
  'genres',
  'excludeGenres',
  'people',
  'excludePeople',
  'preferredGenres',
  'preferredPeople',
  'qualities',
  'audiences',
  'relax',
  'yearDirection',
  'quantity',
  'shownFeedback',
  'rejectsShown',
  'referencedPosition',
] as const;

export type ScoredField = (typeof scoredFields)[number];

/** A field that differs, with both values as text. */
export interface FieldMiss {
  field: ScoredField;
  expected: string;
  actual: string;
}

const fold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function setText(values: string[]): string {
  return [...new Set(values)].sort().join(' | ') || '—';
}

/**
 * Compares a reader's delta (normalised to the benchmark's form) with the label, field by field.
 * Lists are compared as sets; names case- and punctuation-insensitively.
 */
export function scoreDelta(expected: ExpectedDelta, actual: ExpectedDelta): FieldMiss[] {
  const misses: FieldMiss[] = [];
  const compare = (field: ScoredField, left: string, right: string) => {
    if (left !== right) misses.push({ field, expected: left, actual: right });
  };
  const names = (values: string[]) => setText(values.map(fold));
  compare('intent', expected.intent, actual.intent);
  compare('newRequest', String(expected.newRequest), String(actual.newRequest));
  compare(
    'titles',
    setText(expected.titles.map((title) => `${title.title}: ${title.sentiment}`)),
    setText(actual.titles.map((title) => `${title.title}: ${title.sentiment}`)),
  );
  compare('unknownTitles', names(expected.unknownTitles), names(actual.unknownTitles));
  const years = (delta: ExpectedDelta) =>
    `${delta.constraints.yearFrom ?? '…'}–${delta.constraints.yearTo ?? '…'}`;
  compare('years', years(expected), years(actual));
  compare('genres', names(expected.constraints.genres), names(actual.constraints.genres));
  compare(
    'excludeGenres',
    names(expected.constraints.excludeGenres),
    names(actual.constraints.excludeGenres),
  );
  compare('people', names(expected.constraints.people), names(actual.constraints.people));
  compare(
    'excludePeople',
    names(expected.constraints.excludePeople),
    names(actual.constraints.excludePeople),
  );
  compare('preferredGenres', names(expected.preferences.genres), names(actual.preferences.genres));
  compare('preferredPeople', names(expected.preferences.people), names(actual.preferences.people));
  compare(
    'qualities',
    setText(expected.qualities.map((quality) => `${quality.id} ${quality.polarity}`)),
    setText(actual.qualities.map((quality) => `${quality.id} ${quality.polarity}`)),
  );
  compare('audiences', setText(expected.audiences), setText(actual.audiences));
  const relax = (delta: ExpectedDelta) =>
    [
      delta.relax.years ? 'years' : '',
      delta.relax.genres ? 'genres' : '',
      ...delta.relax.excludeGenres.map((genre) => `genre ${fold(genre)}`),
      ...delta.relax.excludePeople.map((person) => `person ${fold(person)}`),
      ...delta.relax.qualities.map((quality) => `quality ${quality}`),
    ]
      .filter(Boolean)
      .sort()
      .join(' | ') || '—';
  compare('relax', relax(expected), relax(actual));
  compare('yearDirection', String(expected.yearDirection), String(actual.yearDirection));
  compare('quantity', String(expected.quantity), String(actual.quantity));
  compare(
    'shownFeedback',
    setText(expected.shownFeedback.map((entry) => `${entry.position} ${entry.sentiment}`)),
    setText(actual.shownFeedback.map((entry) => `${entry.position} ${entry.sentiment}`)),
  );
  compare('rejectsShown', String(expected.rejectsShown), String(actual.rejectsShown));
  compare('referencedPosition', String(expected.referencedPosition), String(actual.referencedPosition));
  return misses;
}
