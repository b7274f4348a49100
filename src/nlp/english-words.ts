import dictionary from 'dictionary-en';

let words: Set<string> | undefined;

/**
 * Whether a folded word (or its lemma) is an English dictionary word: Hunspell's en_US list (SCOWL,
 * about 49,000 stems), read once on first use. Tells "thing" or "drive" (words that may be titles by
 * chance) from "shawshank" or "fction" (names and misspellings).
 */
export function isEnglishWord(word: string, lemma?: string): boolean {
  words ??= new Set(
    new TextDecoder()
      .decode(dictionary.dic)
      .split('\n')
      .slice(1)
      .map((line) => line.split('/')[0]!.toLowerCase())
      .filter(Boolean),
  );
  return words.has(word) || (lemma !== undefined && words.has(lemma));
}
