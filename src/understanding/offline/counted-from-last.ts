import type { Word } from '../../nlp/index.js';
import { listOrdinals } from './list-ordinals.js';

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
  // How far back from the end: "second to last" is one before the last (second to fifth, as read so far).
  const back = word === 'next' ? 2 : listOrdinals[word];
  if (back === undefined || back < 2 || back > 5 || !['to', 'from'].includes(words[index + 1]?.norm ?? ''))
    return undefined;
  let at = index + 2;
  if (words[at]?.norm === 'the') at += 1;
  if (!['last', 'end', 'bottom'].includes(words[at]?.norm ?? '')) return undefined;
  const position = shownCount - back + 1;
  return position >= 1 ? { position, end: at + 1 } : undefined;
}
