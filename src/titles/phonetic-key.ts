/**
 * A rough English sound key for words typed by ear: "insepshun" and "inception" both key to
 * "anspXn", "casablanka" and "casablanca" to "ksblnk". Spellings of one sound become one letter
 * ("tion", "sion" and "shun"; "c", "k" and "q"; "ph" and "f"), doubled letters one, and vowels after
 * the first letter go: vowels are what people misspell most.
 */
const rules: [RegExp, string][] = [
  [/[^a-z]/g, ''],
  [/^kn/, 'n'],
  [/^wr/, 'r'],
  [/^ps/, 's'],
  [/(?:ssion|tion|sion|cion|tian|cian|shun|shon)/g, 'Xn'],
  [/sch/g, 'sk'],
  [/(?:sh|ch)/g, 'X'],
  [/ph/g, 'f'],
  [/gh/g, ''],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/[cq]/g, 'k'],
  [/x/g, 'ks'],
  [/z/g, 's'],
  [/dg/g, 'j'],
  [/wh/g, 'w'],
  [/th/g, '0'],
  [/(.)\1+/g, '$1'],
];

/** The sound key of a lower-case word (letters only are kept). */
export function phoneticKey(word: string): string {
  let key = word.toLowerCase();
  for (const [pattern, replacement] of rules) key = key.replace(pattern, replacement);
  if (key.length === 0) return key;
  const first = /[aeiouy]/.test(key[0]!) ? 'a' : key[0]!;
  return (
    first +
    key
      .slice(1)
      .replace(/[aeiouyhw]/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}
