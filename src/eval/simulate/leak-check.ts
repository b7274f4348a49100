import type { CatalogItem } from '../../catalog/index.js';
import { isStopword } from '../../text/tokenize.js';
import { titleBase, titleKey, type TitleResolver } from '../../titles/index.js';

/** A fuzzy match at least this confident, on a span as long as the title, names it. */
const fuzzyConfidence = 0.75;

/** Words of a title that carry it: not stopwords, two letters or more. */
function telling(words: string[]): string[] {
  return words.filter((word) => word.length > 1 && !isStopword(word));
}

/**
 * Whether a message names the target: the title resolver finds it in the text, its title's key
 * appears word for word, or a span of the title's length fuzzily resolves to it ("the godfathr 2").
 * Titles made only of stopwords ("It", "Up") count only when the resolver finds them.
 */
export function namesTarget(text: string, target: CatalogItem, titles: TitleResolver): boolean {
  const key = titleKey(titleBase(target));
  // Another item of the same title ("It" for the 1990 "It") names the target's title all the same.
  if (
    titles
      .findMentions(text)
      .some((mention) => mention.item.id === target.id || titleKey(titleBase(mention.item)) === key)
  )
    return true;
  const keyWords = key.split(' ').filter(Boolean);
  const significant = telling(keyWords);
  if (significant.length === 0) return false;
  const textWords = titleKey(text, { keepArticle: true }).split(' ').filter(Boolean);
  if (` ${textWords.join(' ')} `.includes(` ${key} `)) return true;
  // Only spans sharing a word's first four letters with the title are resolved (typos included).
  const stem = (word: string) => word.slice(0, 4);
  const shared = new Set(significant.map(stem));
  const length = keyWords.length;
  for (let start = 0; start + length <= textWords.length; start++) {
    const span = textWords.slice(start, start + length);
    if (!span.some((word) => shared.has(stem(word)))) continue;
    const matches = titles.resolve(span.join(' '), 3);
    if (matches.some((match) => match.item.id === target.id && match.confidence >= fuzzyConfidence))
      return true;
  }
  return false;
}
