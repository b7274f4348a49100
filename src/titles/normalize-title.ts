import { foldText } from '../text/tokenize.js';
import { applyRules } from '../untrusted/index.js';

const romanNumerals: Record<string, string> = {
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
};
const numberWords: Record<string, string> = {
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
};

/** Splits a "(1995)" year suffix off a title. */
export function splitYear(title: string): { base: string; year?: number } {
  const match = /^(.*?)[\s,]*\(?\b((?:19|20)\d{2})\)?\s*$/.exec(title.trim());
  if (match?.[1] && match[2] && match[1].trim()) return { base: match[1].trim(), year: Number(match[2]) };
  return { base: title.trim() };
}

/**
 * A catalog item's title without its year suffix. A trailing number is a year only when it is the
 * item's own year or in parentheses: "Heat (1995)" is "Heat", "Blade Runner 2049" stays whole.
 */
export function titleBase(item: { title: string; year?: number | undefined }): string {
  const { base, year } = splitYear(item.title);
  if (year === undefined) return base;
  if (/\(\s*\d{4}\s*\)\s*$/.test(item.title) || year === item.year) return base;
  return item.title.trim();
}

/**
 * The matching key of a title: folded, punctuation removed, "&" as "and", sequel numbers unified
 * ("Part II", "part 2", "2"), a leading article dropped. "The Godfather: Part II" → "godfather 2".
 * Escape sequences and invisible characters go first (see `applyRules`), so "Vault ESC]0;x BEL
 * Heist" is "vault heist".
 */
export function titleKey(title: string, options: { keepArticle?: boolean } = {}): string {
  const words = foldText(applyRules(title, ' '))
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => romanNumerals[word] ?? numberWords[word] ?? word);
  const out: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (
      (word === 'part' ||
        word === 'pt' ||
        word === 'chapter' ||
        word === 'episode' ||
        word === 'vol' ||
        word === 'volume') &&
      /^\d+$/.test(words[index + 1] ?? '')
    )
      continue;
    out.push(word);
  }
  if (!options.keepArticle && out.length > 1 && (out[0] === 'the' || out[0] === 'a' || out[0] === 'an'))
    out.shift();
  return out.join(' ');
}
