import { genreHints } from '../dialogue/genre-hints.js';
import { foldText } from '../text/tokenize.js';
import type { Understanding } from './understanding-schema.js';

export type Constraints = Understanding['constraints'];

/** What the offline reader knows about the catalog's vocabulary. */
export interface ConstraintVocabulary {
  genres: ReadonlySet<string>;
  findPeople: (text: string) => string[];
}

const negation =
  /\b(no|not|don'?t want|dont want|nothing|without|except|avoid|skip|no more|rather not have|rather not|hate)\b/g;
const negationWord = new RegExp(negation.source);

/** Splits a text into clauses so "no horror, something with Tom Hanks" keeps its two halves apart. */
function clauses(text: string): string[] {
  return foldText(text)
    .split(/[.!?;,]|\bbut\b|\band\b/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

/**
 * Hard constraints a message states explicitly: "after 2000", "before 1990", "from the 90s", "no
 * horror", "nothing scary", "without Tom Cruise", "only comedies". Soft wishes ("something funny")
 * are not constraints; the retrieval request carries those as preferences.
 */
export function hardConstraints(text: string, vocabulary: ConstraintVocabulary): Constraints {
  const constraints: Constraints = {
    yearFrom: null,
    yearTo: null,
    genres: [],
    excludeGenres: [],
    people: [],
    excludePeople: [],
  };
  const folded = foldText(text);
  const after =
    /\b(?:after|since|newer than|later than|from)\s+(?:the\s+year\s+)?((?:19|20)\d\d)\b(?!s)/.exec(folded);
  if (after?.[1]) constraints.yearFrom = Number(after[1]) + (/^(from|since)\b/.test(after[0]) ? 0 : 1);
  const before = /\b(?:before|older than|earlier than|prior to)\s+((?:19|20)\d\d)\b(?!s)/.exec(folded);
  if (before?.[1]) constraints.yearTo = Number(before[1]) - 1;
  const decade = /\b(?:from|in|of)\s+the\s+((?:19|20)?\d0)'?s\b/.exec(folded);
  const negatedDecade =
    decade && negationWord.test(folded.slice(Math.max(0, decade.index - 25), decade.index));
  if (decade?.[1] && !negatedDecade && constraints.yearFrom === null && constraints.yearTo === null) {
    const digits = decade[1];
    const start =
      digits.length === 4 ? Number(digits) : (Number(digits) <= 20 ? 2000 : 1900) + Number(digits);
    constraints.yearFrom = start;
    constraints.yearTo = start + 9;
  }
  for (const clause of clauses(text)) {
    // A negation rules out only what follows it closely: "no horror", "without Tom Cruise", "not too
    // scary" — not "not very funny though" or "does not need to be a musical".
    for (const match of clause.matchAll(negation)) {
      const after = clause
        .slice(match.index + match[0].length)
        .trim()
        .split(/\s+/);
      if (/^(very|that|as|so|really|sure|need|needed|have|a fan|seen|bad)$/.test(after[0] ?? '')) continue;
      const window = after.slice(0, 3).join(' ');
      constraints.excludeGenres.push(...genreHints(window, vocabulary.genres));
      constraints.excludePeople.push(...vocabulary.findPeople(window));
    }
    if (/\b(only|just|must be|has to be|strictly)\b/.test(clause) && !negationWord.test(clause)) {
      constraints.genres.push(...genreHints(clause, vocabulary.genres));
      constraints.people.push(...vocabulary.findPeople(clause));
    }
  }
  constraints.excludeGenres = [...new Set(constraints.excludeGenres)];
  constraints.excludePeople = [...new Set(constraints.excludePeople)];
  constraints.genres = [...new Set(constraints.genres)].filter(
    (genre) => !constraints.excludeGenres.includes(genre),
  );
  constraints.people = [...new Set(constraints.people)].filter(
    (person) => !constraints.excludePeople.includes(person),
  );
  return constraints;
}

/** Later constraints override earlier ones field by field; lists are merged. */
export function mergeConstraints(earlier: Constraints, later: Constraints): Constraints {
  const union = (left: string[], right: string[]) => [...new Set([...left, ...right])];
  const excludeGenres = union(earlier.excludeGenres, later.excludeGenres).filter(
    (genre) => !later.genres.includes(genre),
  );
  const excludePeople = union(earlier.excludePeople, later.excludePeople).filter(
    (person) => !later.people.includes(person),
  );
  return {
    yearFrom: later.yearFrom ?? earlier.yearFrom,
    yearTo: later.yearTo ?? earlier.yearTo,
    genres: union(earlier.genres, later.genres).filter((genre) => !excludeGenres.includes(genre)),
    excludeGenres,
    people: union(earlier.people, later.people).filter((person) => !excludePeople.includes(person)),
    excludePeople,
  };
}

/** True when a constraints object constrains nothing. */
export function noConstraints(constraints: Constraints): boolean {
  return (
    constraints.yearFrom === null &&
    constraints.yearTo === null &&
    constraints.genres.length === 0 &&
    constraints.excludeGenres.length === 0 &&
    constraints.people.length === 0 &&
    constraints.excludePeople.length === 0
  );
}

const anyYear =
  /\b(any (year|decade|era|time period)|(year|decade|era|age|date) (doesn'?t|does not|don'?t) matter|no matter (when|the year)|(older|newer|old|new) (ones|films|movies)? ?(are|is) (fine|ok|okay|good)( too)?|forget (about )?the (year|date|decade)s?)\b/;
const anyGenre = /\b(any genre|genre (doesn'?t|does not) matter|(the )?genre is (fine|ok|okay))\b/;
const fine = /\b(is|are) (fine|ok|okay|alright)( now| after all| too)?\b|\bafter all\b/;

/** "Any year is fine", "the decade doesn't matter". */
export function relaxesYears(text: string): boolean {
  return anyYear.test(foldText(text));
}

/**
 * Constraints in force, loosened by what the user just said: "any year is fine" drops the years,
 * "any genre" the required genres, "horror is fine after all" lifts that exclusion, "Tom Cruise is
 * ok" lifts his. Without such words the constraints stay as they were.
 */
export function relaxConstraints(active: Constraints, text: string): Constraints {
  const folded = foldText(text);
  const relaxed: Constraints = { ...active };
  if (relaxesYears(text)) {
    relaxed.yearFrom = null;
    relaxed.yearTo = null;
  }
  if (anyGenre.test(folded)) relaxed.genres = [];
  if (fine.test(folded)) {
    relaxed.excludeGenres = active.excludeGenres.filter((genre) => !folded.includes(foldText(genre)));
    relaxed.excludePeople = active.excludePeople.filter((person) => !folded.includes(foldText(person)));
  }
  return relaxed;
}
