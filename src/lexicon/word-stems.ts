/**
 * Endings a short stem may take and still be the same word: "war" → "wars", "fun" → "funny",
 * "scar" → "scary", "love" → "loving". A stem of five letters or more is distinctive enough to match
 * any word it starts ("hilar" → "hilarious", "comed" → "comedian"); a shorter one matches only with
 * these endings, so "war" is not "warm", "fun" is not "funeral" and "sad" is not "saddle".
 */
const endings = [
  '',
  's',
  'es',
  'ed',
  'd',
  'ing',
  'er',
  'ers',
  'est',
  'y',
  'ies',
  'ier',
  'iest',
  'ily',
  'ly',
  'ful',
  'ness',
  'ous',
  'e',
  'en',
  'ity',
  'th',
];
const afterDoubled = new Set(['y', 'ier', 'iest', 'ily', 'ing', 'ed', 'er', 'ers', 'est']);
const afterSilentE = new Set(['ing', 'ed', 'er', 'ers', 'y']);

/** Shortest stem that matches any word it begins. */
const openStem = 5;

/** Whether `word` (folded) is a form of the lexicon stem `stem` (folded). */
export function matchesStem(word: string, stem: string): boolean {
  if (!word.startsWith(stem)) {
    // "love" → "loving", "race" → "racing": a silent e dropped before the ending.
    if (!stem.endsWith('e') || stem.length >= openStem + 1) return false;
    const base = stem.slice(0, -1);
    return word.startsWith(base) && afterSilentE.has(word.slice(base.length));
  }
  if (stem.length >= openStem) return true;
  const rest = word.slice(stem.length);
  if (endings.includes(rest)) return true;
  // "fun" → "funny", "grip" → "gripping": the last consonant doubled before the ending.
  const last = stem[stem.length - 1]!;
  return rest[0] === last && !/[aeiou]/.test(last) && afterDoubled.has(rest.slice(1));
}

/** Whether any of `words` is a form of any of `stems`. */
export function hasStem(words: readonly string[], stems: readonly string[]): boolean {
  return stems.some((stem) => words.some((word) => matchesStem(word, stem)));
}
