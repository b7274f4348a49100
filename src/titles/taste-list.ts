import type { CatalogItem } from '../catalog/index.js';
import type { Analysis } from '../nlp/index.js';
import { foundTitle, type FoundTitle } from './found-title.js';

/** Verbs whose object may be a list of films: "seen up, coco and soul", "loved up and soul". */
const listVerbs = new Set([
  'see',
  'saw',
  'watch',
  'rewatch',
  'love',
  'like',
  'enjoy',
  'adore',
  'hate',
  'dislike',
]);
const joiners = new Set([',', 'and', 'or', '&', 'plus']);
/** Words after the last film of the list that are no part of it: "…and soul already". */
const trailers = new Set(['already', 'too', 'both', 'again', 'twice', 'recently', 'lol', 'all', 'yesterday']);
/** Longest element looked at, in tokens. */
const longestElement = 5;

/**
 * Films listed after a verb of taste or viewing, each one a catalog title as typed: "seen up, coco
 * and soul already", "loved up and soul". Alone, a common word is no title ("cheer me up"); a list
 * of two or more that are all titles, at least one of them rare in the catalog's text, is. Only
 * spans no other title already holds are returned.
 */
export function tasteListTitles(
  analysis: Analysis,
  found: readonly FoundTitle[],
  exactItems: (text: string) => CatalogItem[] | undefined,
  rare: (text: string) => boolean,
): FoundTitle[] {
  const { tokens } = analysis;
  const out: FoundTitle[] = [];
  tokens.forEach((verb, at) => {
    if (!listVerbs.has(verb.lemma) && !listVerbs.has(verb.norm)) return;
    const elements: [number, number][] = [];
    let start = at + 1;
    let index = start;
    const close = (end: number) => {
      if (end > start) elements.push([start, end]);
    };
    for (; index < tokens.length; index++) {
      const token = tokens[index]!;
      if (token.sentence !== verb.sentence) break;
      if (joiners.has(token.norm)) {
        close(index);
        start = index + 1;
        continue;
      }
      if (token.kind === 'punctuation') break;
    }
    close(index);
    // An element may end in words that are no part of a title: "soul already".
    for (const element of elements)
      while (element[1] > element[0] && trailers.has(tokens[element[1] - 1]!.norm)) element[1]--;
    const text = ([from, to]: [number, number]) =>
      analysis.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
    // The list is its titles up to the first element that is none ("up and soul, more pixar stuff").
    const items: CatalogItem[][] = [];
    for (const [from, to] of elements) {
      const match = to > from && to - from <= longestElement ? exactItems(text([from, to])) : undefined;
      if (!match || match.length === 0) break;
      items.push(match);
    }
    const titles = elements.slice(0, items.length);
    if (titles.length < 2 || !titles.some((element) => rare(text(element)))) return;
    titles.forEach(([from, to], order) => {
      const taken = [...found, ...out].some((title) => title.tokenStart < to && from < title.tokenEnd);
      if (!taken) out.push(foundTitle(analysis, from, to, items[order]!.slice(0, 1)));
    });
  });
  return out;
}
