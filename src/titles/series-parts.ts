import type { CatalogItem } from '../catalog/index.js';
import type { Analysis, Token } from '../nlp/index.js';
import { foundTitle, type FoundTitle, type TitleMatch } from './found-title.js';
import type { SeriesIndex } from './series-index.js';
import type { Unit } from './title-words.js';

/** Words before a part number: "godfather part 2", "kill bill vol 1". */
const partWords = new Set([
  'part',
  'parts',
  'pt',
  'pts',
  'chapter',
  'episode',
  'vol',
  'volume',
  'no',
  'number',
]);
/** Words between the numbers of a list of parts: "1 and 2 but never 3", "1, 2 but not 3 yet". */
const partJoiners = new Set(
  'and or nor but not never also plus then yet still only even just n havent didnt dont hasnt seen watched'.split(
    ' ',
  ),
);
/** Words between the ends of a range of parts: "toy story 1 to 3". */
const rangeWords = new Set(['to', 'through', 'thru', 'till', 'until']);
/** Nouns after a number that make it a count, an age or a rating, not a part: "2 times", "3 year olds". */
const countNouns = new Set(
  'times time x hours hrs hour minutes mins stars star out years year yrs yr yo months weeks days kids people'.split(
    ' ',
  ),
);

interface Part {
  items: CatalogItem[];
  /** The unit after the part. */
  next: number;
}

/**
 * The films of a series named by part numbers after its name, each part its own mention so that each
 * can have its own verdict: "godfather 1 and 2 but never 3", "godfather pt 2", "toy story 1-3",
 * "terminator 2 judgment day"; or one film by the rest of its title: "lotr two towers".
 */
export function partsAt(
  series: SeriesIndex,
  analysis: Analysis,
  units: Unit[],
  index: number,
  name: { key: string; length: number },
): TitleMatch | undefined {
  const { tokens } = analysis;
  const startToken = units[index]!.token;
  let cursor = index + name.length;
  const first = partAt(series, tokens, units, cursor, name.key, true);
  // "toy story 4" with no fourth film: no title, rather than the nearest one ("toy story 2").
  if (first === 'missing') return { titles: [], length: cursor + 1 - index };
  if (!first) {
    const bySubtitle = subtitleAfter(series, units, cursor, name.key);
    if (!bySubtitle) return undefined;
    const end = units[bySubtitle.next - 1]!.last + 1;
    return {
      titles: [foundTitle(analysis, startToken, end, bySubtitle.items)],
      length: bySubtitle.next - index,
    };
  }
  cursor = restOf(series, units, first.next, name.key, first.items);
  const titles: FoundTitle[] = [
    foundTitle(analysis, startToken, units[cursor - 1]!.last + 1, first.items, first.items.length > 1),
  ];
  // The next parts of a list: "… and 2 but never 3", "… 1 to 3".
  for (;;) {
    let next = cursor;
    while (next < units.length && next - cursor < 3 && partJoiners.has(units[next]!.key)) next++;
    const range = next === cursor && rangeWords.has(units[next]?.key ?? '');
    if (range) next++;
    const comma = tokens
      .slice(units[cursor - 1]!.last + 1, units[next]?.token ?? tokens.length)
      .some((token) => [',', '/', '&', '+'].includes(token.text));
    if (next === cursor && !comma) break;
    const part = partAt(series, tokens, units, next, name.key, false);
    if (
      !part ||
      part === 'missing' ||
      titles.some((title) => part.items.some((item) => title.items.includes(item)))
    )
      break;
    if (tokens[units[cursor - 1]!.last]!.sentence !== tokens[units[next]!.token]!.sentence) break;
    let items = part.items;
    if (range) {
      const group = series.group(name.key)!;
      const from = group.indexOf(titles[titles.length - 1]!.items.at(-1)!);
      const to = group.indexOf(part.items[0]!);
      if (from < 0 || to <= from) break;
      items = group.slice(from + 1, to + 1);
    }
    const start = units[range ? next - 1 : next]!.token;
    titles.push(foundTitle(analysis, start, units[part.next - 1]!.last + 1, items, items.length > 1));
    cursor = part.next;
  }
  return { titles, length: cursor - index };
}

/** A part number at `index` ("2", "ii", "part 2", "1-3") and the films it is in the series. */
function partAt(
  series: SeriesIndex,
  tokens: Token[],
  units: Unit[],
  index: number,
  name: string,
  first: boolean,
): Part | 'missing' | undefined {
  let cursor = index;
  if (partWords.has(units[cursor]?.key ?? '') && units[cursor + 1]) cursor++;
  const unit = units[cursor];
  if (!unit || unit.token !== unit.last) return undefined;
  const after = tokens[unit.last + 1];
  if (after && (countNouns.has(after.norm) || after.pos === 'NOUN' || after.pos === 'NUM')) return undefined;
  if (after && after.start === tokens[unit.last]!.end && /^\p{L}/u.test(after.text)) return undefined;
  // "toy story 1-3": a range typed as one token.
  const range = /^(\d) (\d)$/.exec(unit.key);
  if (range && /^\d-\d$/.test(tokens[unit.token]!.text)) {
    const from = series.member(name, Number(range[1]));
    const to = series.member(name, Number(range[2]));
    const group = series.group(name)!;
    if (!from || !to || group.indexOf(to) <= group.indexOf(from)) return undefined;
    return { items: group.slice(group.indexOf(from), group.indexOf(to) + 1), next: cursor + 1 };
  }
  // "Godfather I and II": a lone "I" is a part only before the next one.
  const roman = first && tokens[unit.token]!.text === 'I' && partJoiners.has(units[cursor + 1]?.key ?? '');
  const number = roman && units[cursor + 2]?.key === '2' ? '1' : unit.key;
  if (!/^\d{1,2}$/.test(number)) return undefined;
  const item = series.member(name, Number(number));
  // A sequel number the catalog lacks; a larger number may be a year or a title ("blade runner 2049").
  if (!item) return Number(number) <= 9 && first ? 'missing' : undefined;
  return { items: [item], next: cursor + 1 };
}

/** Past the rest of a numbered title typed in full: "terminator 2 judgment day". */
function restOf(
  series: SeriesIndex,
  units: Unit[],
  index: number,
  name: string,
  items: CatalogItem[],
): number {
  const [item] = items;
  const key = item && items.length === 1 ? series.key(item) : '';
  const rest = key.startsWith(`${name} `)
    ? key
        .slice(name.length + 1)
        .split(' ')
        .slice(1)
    : [];
  if (rest.length === 0) return index;
  const typed = units.slice(index, index + rest.length);
  const same =
    typed.length === rest.length &&
    typed.every((unit, at) => unit.key === rest[at] || unit.corrected === rest[at]);
  return same ? index + rest.length : index;
}

/** "lotr two towers", "mad max fury road": a film of the series by the rest of its title. */
function subtitleAfter(series: SeriesIndex, units: Unit[], index: number, name: string): Part | undefined {
  let best: Part | undefined;
  for (const item of series.group(name) ?? []) {
    const key = series.key(item);
    if (!key.startsWith(`${name} `)) continue;
    const rest = key.slice(name.length + 1).split(' ');
    if (rest[0] === 'the' && units[index]?.key !== 'the') rest.shift();
    if (rest.length === 0 || rest.every((word) => /^\d+$/.test(word))) continue;
    const typed = units.slice(index, index + rest.length);
    if (typed.length === rest.length && typed.every((unit, at) => unit.key === rest[at]))
      if (!best || index + rest.length > best.next) best = { items: [item], next: index + rest.length };
  }
  return best;
}
