import type { CatalogItem } from '../catalog/index.js';
import type { Analysis } from '../nlp/index.js';
import { seriesNouns } from './title-evidence.js';

/** A title found in a message: one catalog item, or every film of a series ("all the Alien films"). */
export interface FoundTitle {
  items: CatalogItem[];
  series: boolean;
  /** Token range [tokenStart, tokenEnd) and character range of the mention. */
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  /** A misspelled word was corrected to find it. */
  fuzzy: boolean;
}

/** Titles found from one position of a message, and how many of its words they took. */
export interface TitleMatch {
  titles: FoundTitle[];
  length: number;
}

/** A found title over the tokens [tokenStart, tokenEnd). */
export function foundTitle(
  analysis: Analysis,
  tokenStart: number,
  tokenEnd: number,
  items: CatalogItem[],
  series = false,
): FoundTitle {
  const start = analysis.tokens[tokenStart]!.start;
  const end = analysis.tokens[tokenEnd - 1]!.end;
  return {
    items,
    series,
    tokenStart,
    tokenEnd,
    start,
    end,
    text: analysis.text.slice(start, end),
    fuzzy: false,
  };
}

/** A series mention with the noun that names it as one: "the toy story trilogy", "both spider verse movies". */
export function withSeriesNoun(analysis: Analysis, match: TitleMatch): TitleMatch {
  const [title] = match.titles;
  const noun = title && match.titles.length === 1 ? analysis.tokens[title.tokenEnd] : undefined;
  if (!title || !noun || !seriesNouns.has(noun.norm)) return match;
  const extended = { ...title, tokenEnd: title.tokenEnd + 1, end: noun.end };
  extended.text = analysis.text.slice(extended.start, extended.end);
  return { titles: [extended], length: match.length + 1 };
}
