import { foldText } from '../text/tokenize.js';

const romanNumerals: Record<string, string> = {
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
};
const numberWords: Record<string, string> = { two: '2', three: '3', four: '4', five: '5', six: '6' };

/** Splits a "(1995)" year suffix off a title. */
export function splitYear(title: string): { base: string; year?: number } {
  const match = /^(.*?)[\s,]*\(?\b((?:19|20)\d{2})\)?\s*$/.exec(title.trim());
  if (match?.[1] && match[2] && match[1].trim()) return { base: match[1].trim(), year: Number(match[2]) };
  return { base: title.trim() };
}

/**
 * The matching key of a title: folded, punctuation removed, "&" as "and", sequel numbers unified
 * ("Part II", "part 2", "2"), a leading article dropped. "The Godfather: Part II" → "godfather 2".
 */
export function titleKey(title: string, options: { keepArticle?: boolean } = {}): string {
  const words = foldText(title)
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => romanNumerals[word] ?? numberWords[word] ?? word);
  const out: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if ((word === 'part' || word === 'chapter' || word === 'episode') && /^\d+$/.test(words[index + 1] ?? ''))
      continue;
    out.push(word);
  }
  if (!options.keepArticle && out.length > 1 && (out[0] === 'the' || out[0] === 'a' || out[0] === 'an'))
    out.shift();
  return out.join(' ');
}
