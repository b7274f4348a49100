const stopwords = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its me my no not of on or ' +
    'our she so than that the their them then there these they this to too us was we were what when which who will ' +
    'with you your im ive id dont do does did just like really also very can could would should some any something ' +
    'movie movies film films watch watched seen see want looking recommend recommendation suggestions suggest good ' +
    'great love loved hi hello thanks thank yes yeah ok okay one ones kind sort type maybe about more most much ' +
    'know think well get got all been being how out up am lot'
  ).split(' '),
);

/** Lowercases and strips diacritics so "Amélie" and "amelie" match. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Word tokens of a text: folded, split on anything not a letter or digit, stopwords and 1-letter tokens removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldText(text)
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2 || stopwords.has(raw)) continue;
    out.push(raw);
  }
  return out;
}

/** Whether a folded token is a stopword. */
export function isStopword(token: string): boolean {
  return stopwords.has(token);
}
