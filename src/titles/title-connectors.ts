/** Small lower-case words inside titles: "Lord of the Rings", "Pride and Prejudice", "Alien vs Predator". */
export const titleConnectors: ReadonlySet<string> = new Set([
  'of',
  'the',
  'a',
  'an',
  'and',
  'in',
  'on',
  'to',
  'for',
  'with',
  'at',
  'from',
  'by',
  'vs',
]);
