import type { Word } from '../../nlp/index.js';

/** How far back from the end an ordinal counts: "second to last" is one before the last. */
const backOrdinals: Record<string, number> = {
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
};

/**
 * "the second to last one", "third from the end", "next to last": a position counted back from the
 * end of the list, and the word after the phrase.
 */
export function countedFromLast(
  words: Word[],
  index: number,
  shownCount: number,
): { position: number; end: number } | undefined {
  const word = words[index]!.norm;
  const back = word === 'next' ? 2 : backOrdinals[word];
  if (back === undefined || back < 2 || !['to', 'from'].includes(words[index + 1]?.norm ?? ''))
    return undefined;
  let at = index + 2;
  if (words[at]?.norm === 'the') at += 1;
  if (!['last', 'end', 'bottom'].includes(words[at]?.norm ?? '')) return undefined;
  const position = shownCount - back + 1;
  return position >= 1 ? { position, end: at + 1 } : undefined;
}
