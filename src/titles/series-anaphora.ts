import type { Analysis } from '../nlp/index.js';
import { foundTitle, type FoundTitle, type TitleMatch } from './found-title.js';
import type { SeriesIndex } from './series-index.js';
import type { TitleResolver } from './title-resolver.js';
import type { Unit } from './title-words.js';

/** Words for a film of a series named just before: "loved blade runner but the sequel bored me". */
const anaphors: Record<string, number | 'next' | 'previous' | 'latest' | 'later' | 'earlier'> = {
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
  later: 'later',
  subsequent: 'later',
  earlier: 'earlier',
  older: 'earlier',
  previous: 'earlier',
};
const anaphorNouns = new Set(['one', 'film', 'movie', 'part', 'installment', 'entry']);
/** "The later ones", "the earlier films": every film of the series on that side of the one named. */
const pluralNouns = new Set(['ones', 'films', 'movies', 'parts', 'installments', 'entries', 'sequels']);
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
  const noun = units[index + 2]?.key ?? '';
  const plural = pluralNouns.has(noun) && (position === 'later' || position === 'earlier');
  if (anaphorNouns.has(noun) || plural) length = 3;
  // "the new" alone is no film: "the new one" is.
  else if (position === 'latest' || position === 'later' || position === 'earlier') return undefined;
  const endToken = units[index + length - 1]!.last + 1;
  const after = tokens[endToken];
  if (after && (['NOUN', 'PROPN', 'NUM', 'ADJ'].includes(after.pos) || resolver.startsTitle(after.norm)))
    return undefined;
  if (after && listWords.has(after.norm)) return undefined;
  const contrast = tokens
    .slice(previous.tokenEnd, article.token)
    .some((token) => contrastWords.has(token.lemma));
  // "Loved Toy Story, the second one…" may point at a shown list: the reader drops a title a list
  // reference covers, so only a verb-less aside is left out here.
  if (
    typeof position === 'number' &&
    previous.items.length === 1 &&
    !contrast &&
    !numberedBefore(analysis, previous)
  )
    return undefined;
  const group = series.groupOf(previous.items);
  if (!group) return undefined;
  const [only] = previous.items.length === 1 ? previous.items : [];
  const at = only ? group.indexOf(only) : -1;
  // "Watched the first godfather, haven't got to the later ones": the films after (or before) it.
  if (plural) {
    const side = only ? (position === 'later' ? group.slice(at + 1) : group.slice(0, Math.max(0, at))) : [];
    if (side.length === 0) return undefined;
    return { titles: [foundTitle(analysis, article.token, endToken, side)], length };
  }
  const relative = position === 'later' ? 'next' : position === 'earlier' ? 'previous' : position;
  // After a whole series of three or more, "the sequel" or "the earlier one" names none of them.
  if (!only && (relative === 'next' || relative === 'previous') && group.length > 2) return undefined;
  const item =
    relative === 'next'
      ? only
        ? group[at + 1]
        : group[group.length - 1]
      : relative === 'previous'
        ? only
          ? at > 0 && group[at - 1]
          : group[0]
        : relative === 'latest'
          ? group[group.length - 1]
          : group[relative - 1];
  if (!item) return undefined;
  // "Both Paddingtons are lovely, the second one even more" adds nothing; "saw both blade runners,
  // only liked the later one" gives one of them a verdict of its own.
  if (previous.items.includes(item) && (only || typeof position === 'number')) return undefined;
  return { titles: [foundTitle(analysis, article.token, endToken, [item])], length };
}

/** "godfather 1 and 2, the third one…": the film before was named by its number, so its series is in play. */
function numberedBefore(analysis: Analysis, previous: FoundTitle): boolean {
  const last = analysis.tokens[previous.tokenEnd - 1];
  return last !== undefined && (last.kind === 'number' || /^(?:ii|iii|iv|two|three)$/.test(last.norm));
}
