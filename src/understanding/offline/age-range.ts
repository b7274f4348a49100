import type { Word } from '../../nlp/index.js';

/** An age found in a message (see `agesIn`). */
export interface FoundAge {
  start: number;
  end: number;
  age: number;
}

/** Words that join two ages into a range: "7 to 70", "ages 5-95", "from 8 through 80". */
const rangeWords = new Set(['to', '-', 'through', 'thru', 'till', 'until']);

/**
 * "ages 7 to 70", "from 4 to 84": a range of ages from a child to an adult is everyone, the family
 * audience, rather than its two ends. Returns the ranges found and the ages left.
 */
export function ageRanges(
  words: Word[],
  ages: FoundAge[],
): { ranges: { start: number; end: number }[]; rest: FoundAge[] } {
  const ranges: { start: number; end: number }[] = [];
  const rest: FoundAge[] = [];
  for (let index = 0; index < ages.length; index++) {
    const low = ages[index]!;
    const high = ages[index + 1];
    const between = high ? words.slice(low.end, high.start) : [];
    if (high && between.length === 1 && rangeWords.has(between[0]!.norm) && low.age <= 12 && high.age >= 18) {
      ranges.push({ start: low.start, end: high.end });
      index += 1;
    } else rest.push(low);
  }
  return { ranges, rest };
}
