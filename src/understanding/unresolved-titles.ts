const leadIn =
  /\b(?:like|similar to|such as|loved|enjoyed|liked|love|enjoy|watched|seen)\s+["“']?((?:[A-Z0-9][\w'’:&-]*)(?:\s+(?:[A-Z0-9][\w'’:&-]*|of|the|a|an|and|in|on|to|for|at))*)/g;
const quoted = /["“]([^"”]{2,60})["”]/g;
const notTitles = new Set(['i', 'a', 'the', 'it', 'that', 'this', 'them', 'those', 'something', 'anything']);

/**
 * Titles a message seems to name that the catalog does not have: a capitalised phrase after "like",
 * "similar to", "loved"…, or a quoted phrase, that no resolved mention or known person covers.
 */
export function unresolvedTitles(
  text: string,
  mentions: readonly { start: number; end: number }[],
  isPerson: (phrase: string) => boolean,
): string[] {
  const out: string[] = [];
  const covered = (start: number, end: number) =>
    mentions.some((mention) => mention.start < end && mention.end > start);
  const consider = (phrase: string, start: number) => {
    const trimmed = phrase.replace(/\s+(of|the|a|an|and|in|on|to|for|at)$/i, '').trim();
    if (trimmed.length < 3 || notTitles.has(trimmed.toLowerCase())) return;
    // A decade or a number ("90s", "80's", "2000") is no title.
    if (/^'?\d+'?s?$/.test(trimmed)) return;
    if (covered(start, start + trimmed.length) || isPerson(trimmed)) return;
    if (!out.includes(trimmed)) out.push(trimmed);
  };
  for (const match of text.matchAll(leadIn)) {
    const phrase = match[1]!;
    consider(phrase, match.index + match[0].length - phrase.length);
  }
  for (const match of text.matchAll(quoted)) consider(match[1]!, match.index + 1);
  return out;
}
