import type { Analysis } from '../nlp/index.js';
import { foundTitle, type FoundTitle, type TitleMatch } from './found-title.js';
import type { SeriesIndex } from './series-index.js';
import type { TitleResolver } from './title-resolver.js';
import type { Unit } from './title-words.js';

/** Words for a film of a series named just before: "loved blade runner but the sequel bored me". */
const anaphors: Record<string, number | 'next' | 'previous' | 'latest'> = {
  sequel: 'next',
  prequel: 'previous',
  original: 1,
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  new: 'latest',
  newer: 'latest',
  newest: 'latest',
  latest: 'latest',
  recent: 'latest',
};
const anaphorNouns = new Set(['one', 'film', 'movie', 'part', 'installment', 'entry']);
/** Words after "the second one" that point at a shown list: "the second one you showed", "the first of those". */
const listWords = new Set(['you', 'u', 'ya', 'of', 'from', 'on', 'in', 'here', 'there']);
const contrastWords = new Set(['but', 'not', 'never', 'than', 'unlike', 'over', 'except', 'prefer', 'only']);

/**
 * A film of the series named just before, by its place: "loved blade runner but the sequel bored me",
 * "the first blade runner, not the new one", "the last two godfathers but not the first". A bare
 * ordinal after a single film ("I loved Toy Story, the second one…") may point at a shown list, so it
 * counts only after a series or a contrast ("Toy Story 2 but not the first").
 */
export function anaphorAt(
  series: SeriesIndex,
  resolver: TitleResolver,
  analysis: Analysis,
  units: Unit[],
  index: number,
  previous: FoundTitle | undefined,
): TitleMatch | undefined {
  const { tokens } = analysis;
  const article = units[index]!;
  const word = units[index + 1];
  const position = word ? anaphors[word.key] : undefined;
  if (!previous || !word || position === undefined || !['the', 'its', 'their'].includes(article.key))
    return undefined;
  if (article.token - previous.tokenEnd > 12) return undefined;
  let length = 2;
  if (anaphorNouns.has(units[index + 2]?.key ?? '')) length = 3;
  // "the new" alone is no film: "the new one" is.
  else if (position === 'latest') return undefined;
  const endToken = units[index + length - 1]!.last + 1;
  const after = tokens[endToken];
  if (after && (['NOUN', 'PROPN', 'NUM', 'ADJ'].includes(after.pos) || resolver.startsTitle(after.norm)))
    return undefined;
  if (after && listWords.has(after.norm)) return undefined;
  const contrast = tokens
    .slice(previous.tokenEnd, article.token)
    .some((token) => contrastWords.has(token.lemma));
  if (typeof position === 'number' && previous.items.length === 1 && !contrast) return undefined;
  const group = series.groupOf(previous.items);
  if (!group) return undefined;
  const [only] = previous.items.length === 1 ? previous.items : [];
  const at = only ? group.indexOf(only) : -1;
  const item =
    position === 'next'
      ? only && group[at + 1]
      : position === 'previous'
        ? only && at > 0 && group[at - 1]
        : position === 'latest'
          ? group[group.length - 1]
          : group[position - 1];
  // "both Paddingtons are lovely, the second one even more": a film of the series just named adds nothing.
  if (!item || previous.items.includes(item)) return undefined;
  return { titles: [foundTitle(analysis, article.token, endToken, [item])], length };
}
