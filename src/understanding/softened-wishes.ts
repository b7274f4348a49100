import { foldText } from '../text/tokenize.js';

/**
 * Words that describe the same quality, for "less violent" / "not too scary": an item whose text
 * uses any of them has what the user wants less of. Stems, matched at word starts.
 */
const families: string[][] = [
  ['violen', 'brutal', 'blood', 'gory', 'gore', 'gruesome', 'savage', 'carnage', 'massacre'],
  ['scary', 'scare', 'terrif', 'frighten', 'creep', 'horrif', 'disturbing', 'nightmar', 'gruesome'],
  ['dark', 'bleak', 'grim', 'depress', 'harrowing', 'tragic', 'devastating', 'melanchol'],
  ['sad', 'tearjerk', 'heartbreak', 'tragic', 'devastating', 'melanchol'],
  ['long', 'slow', 'epic', 'sprawling', 'meditative'],
  ['intense', 'relentless', 'harrowing', 'tense', 'gripping'],
  ['profan', 'vulgar', 'crude', 'explicit', 'raunch'],
  ['weird', 'strange', 'surreal', 'bizarre'],
];

const softened =
  /\b(?:less|fewer|not (?:too|so|as|that|very|overly)|nothing too|without (?:too much|much|so much))\s+(\p{L}+)/gu;

export interface SoftenedWishes {
  /** The user's own words ("violent"). */
  words: string[];
  /** Stems of those words and of words for the same quality. */
  stems: string[];
}

/** What the user wants less of: "less violent, not too long" → violence words, length words. */
export function softenedWishes(text: string): SoftenedWishes {
  const words: string[] = [];
  const stems = new Set<string>();
  for (const match of foldText(text).matchAll(softened)) {
    const word = match[1]!;
    if (word.length < 4) continue;
    words.push(word);
    const family = families.find((stemsOf) => stemsOf.some((stem) => word.startsWith(stem)));
    for (const stem of family ?? [word.slice(0, Math.max(4, word.length - 2))]) stems.add(stem);
  }
  return { words, stems: [...stems] };
}

/** Whether an item's text has what the user wants less of. */
export function hasSoftened(text: string, stems: string[]): boolean {
  if (stems.length === 0) return false;
  const words = foldText(text).split(/[^\p{L}]+/u);
  return words.some((word) => stems.some((stem) => word.startsWith(stem)));
}
