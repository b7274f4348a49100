import type { CatalogItem } from '../catalog/index.js';
import { isEnglishWord, type Analysis } from '../nlp/index.js';
import { foundTitle, withSeriesNoun, type FoundTitle, type TitleMatch } from './found-title.js';
import { titleKey } from './normalize-title.js';
import { anaphorAt } from './series-anaphora.js';
import type { SeriesIndex } from './series-index.js';
import { partsAt } from './series-parts.js';
import { titleEvidence, type TitleEvidence } from './title-evidence.js';
import type { TitlePlausibility } from './title-plausibility.js';
import type { TitleResolver } from './title-resolver.js';
import type { Unit } from './title-words.js';

/** A series named at a position: by its name ("toy story"), its plural ("paddingtons"), a shared ending ("spider verse") or its initials ("lotr"). */
interface SeriesName {
  key: string;
  items: CatalogItem[];
  kind: 'name' | 'plural' | 'ending' | 'initials';
  /** Units the name takes. */
  length: number;
}

/** Words before a noun that cannot open a title's first words as a series ("that franchise"). */
const determiners = new Set([
  'the',
  'a',
  'an',
  'that',
  'this',
  'these',
  'those',
  'whole',
  'entire',
  'my',
  'your',
  'his',
  'her',
  'our',
  'their',
  'any',
  'every',
  'each',
  'same',
  'other',
]);
/** Nouns that make a title's first words a series: "the before trilogy". */
const collectionNouns = new Set(['trilogy', 'quadrilogy', 'duology', 'saga', 'franchise']);
const sequelWords: Record<string, number> = { sequel: 1, prequel: -1 };
const pluralDeterminers = new Set(['the', 'both', 'all', 'those', 'these', 'two', 'three', 'my', 'our']);

/**
 * Finds the films of a series a message names: numbered parts ("godfather 1 and 2 but never 3", each
 * part its own mention), plurals ("both Paddingtons", "the last two godfathers"), a shared ending with
 * a cue ("both spider verse movies"), initials ("the lotr trilogy", "lotr two towers"), a title's first
 * words with "trilogy" ("the before trilogy"), "the first matrix", and a film of a series named just
 * before ("blade runner … the sequel", "… not the new one", "… but not the first").
 */
export class SeriesFinder {
  constructor(
    private readonly series: SeriesIndex,
    private readonly resolver: TitleResolver,
    private readonly judge: TitlePlausibility,
  ) {}

  at(
    analysis: Analysis,
    units: Unit[],
    index: number,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    const anaphor = anaphorAt(this.series, this.resolver, analysis, units, index, previous);
    if (anaphor) return anaphor;
    // Only spans that start some name, ending, subtitle or title (or may be initials) can be one.
    const keys: string[] = [];
    for (let length = 1; length <= Math.min(6, units.length - index); length++) {
      const key = titleKey(
        units
          .slice(index, index + length)
          .map((unit) => unit.key)
          .join(' '),
      );
      // An article alone ("the") starts nothing yet: "the blade runner sequel".
      const article = length === 1 && ['the', 'a', 'an'].includes(units[index]!.key);
      if (key && !article && !this.series.mayStart(key) && !(length === 1 && !this.judge.knownWord(key)))
        break;
      keys.push(key);
    }
    for (let length = keys.length; length >= 1; length--) {
      const key = keys[length - 1]!;
      const name = this.nameAt(analysis, units, index, length, key);
      // The longest name is the one meant: "back to the future" is no "back to the" + "future".
      if (name) return this.namedAt(analysis, units, index, name, previous);
      const match =
        this.subtitleAt(analysis, units, index, length, key, previous) ??
        this.firstWordsAt(analysis, units, index, length, key, previous);
      if (match) return match;
    }
    return undefined;
  }

  /** "mad max 1 did nothing for me, fury road is the one": a film by its subtitle alone. */
  private subtitleAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    length: number,
    spanKey: string,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    if (length < 2) return undefined;
    const span = units.slice(index, index + length);
    const item = this.series.subtitle(spanKey);
    if (!item) return undefined;
    const { tokens } = analysis;
    const startToken = span[0]!.token;
    const endToken = span[length - 1]!.last + 1;
    const evidence = titleEvidence(analysis, startToken, endToken, previous);
    const key = titleKey(analysis.text.slice(tokens[startToken]!.start, tokens[endToken - 1]!.end));
    const sameSeries = previous !== undefined && this.series.groupOf([...previous.items, item]) !== undefined;
    if (!sameSeries && !this.judge.plausible(tokens, startToken, endToken, key, evidence, false))
      return undefined;
    return { titles: [foundTitle(analysis, startToken, endToken, [item])], length };
  }

  private nameAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    length: number,
    key: string,
  ): SeriesName | undefined {
    const span = units.slice(index, index + length);
    const { tokens } = analysis;
    if (tokens[span[0]!.token]!.sentence !== tokens[span[length - 1]!.last]!.sentence) return undefined;
    const group = this.series.group(key);
    if (group) return { key, items: group, kind: 'name', length };
    const ending = this.series.tail(key);
    if (ending) return { key, items: ending, kind: 'ending', length };
    const singular =
      /[^s]s$/.test(key) && !this.resolver.exactItems(key)
        ? key.replace(/ies$/, 'y').replace(/([^y])s$/, '$1')
        : undefined;
    const plural = singular ? (this.series.group(singular) ?? this.series.tail(singular)) : undefined;
    if (singular && plural) return { key: singular, items: plural, kind: 'plural', length };
    const typed = tokens[span[0]!.token]!.text;
    const initials =
      length === 1 && (key.length >= 4 || /^\p{Lu}{3}$/u.test(typed)) && !this.judge.knownWord(key);
    const expanded = initials ? this.series.expand(key) : undefined;
    if (!expanded) return undefined;
    const items = this.series.group(expanded) ?? this.resolver.exactItems(expanded)?.slice(0, 1);
    return items ? { key: expanded, items, kind: 'initials', length } : undefined;
  }

  /** Parts, a member by its subtitle, or the series as a whole after its name. */
  private namedAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    name: SeriesName,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    const { tokens } = analysis;
    const startToken = units[index]!.token;
    const endToken = units[index + name.length - 1]!.last + 1;
    const grouped = this.series.group(name.key) !== undefined;
    if (!this.series.isFullName(name.key) && name.kind !== 'ending' && grouped) return undefined;
    if (grouped && (name.kind === 'name' || name.kind === 'initials')) {
      const parts = partsAt(this.series, analysis, units, index, name);
      if (parts) return parts;
    }
    if (name.kind === 'name') return this.sequelOf(analysis, startToken, endToken, name);
    const evidence = titleEvidence(analysis, startToken, endToken, previous);
    const before = tokens[startToken - 1]?.norm ?? '';
    if (name.kind === 'ending' && !evidence.seriesCue && evidence.ordinal === undefined && before !== 'both')
      return undefined;
    if (name.kind === 'plural') {
      const capitalized = /^\p{Lu}/u.test(tokens[startToken]!.text);
      const common = name.length === 1 && isEnglishWord(name.key);
      if (common && !capitalized && !pluralDeterminers.has(before) && evidence.ordinal === undefined)
        return undefined;
    }
    const items = name.items.length > 1 ? this.select(name.items, evidence) : name.items;
    if (!items) return undefined;
    const series = items.length > 1;
    const match = {
      titles: [foundTitle(analysis, startToken, endToken, items, series)],
      length: name.length,
    };
    return series ? withSeriesNoun(analysis, match) : match;
  }

  /** "the sequel to blade runner", "the blade runner sequel": the film after (or before) the one named. */
  private sequelOf(
    analysis: Analysis,
    startToken: number,
    endToken: number,
    name: SeriesName,
  ): TitleMatch | undefined {
    const { tokens } = analysis;
    const before = ['to', 'of'].includes(tokens[startToken - 1]?.norm ?? '')
      ? tokens[startToken - 2]
      : undefined;
    const possessive = tokens[endToken]?.norm === "'s" ? 1 : 0;
    const after = tokens[endToken + possessive];
    const word = sequelWords[before?.lemma ?? ''] ?? sequelWords[after?.lemma ?? ''];
    const named = this.series.member(name.key, 1);
    if (word === undefined || !named) return undefined;
    const item = name.items[name.items.indexOf(named) + word];
    if (!item) return undefined;
    const end = sequelWords[before?.lemma ?? ''] === undefined ? endToken + possessive + 1 : endToken;
    return { titles: [foundTitle(analysis, startToken, end, [item])], length: name.length };
  }

  /** The films an ordinal or a count picks from a series ("the last two", "the second"), else all. */
  private select(group: CatalogItem[], evidence: TitleEvidence): CatalogItem[] | undefined {
    const { ordinal, count } = evidence;
    if (ordinal === undefined) return group;
    if (count > 1)
      return ordinal === -1 ? group.slice(-count) : group.slice(ordinal - 1, ordinal - 1 + count);
    const item = ordinal === -1 ? group[group.length - 1] : group[ordinal - 1];
    return item ? [item] : undefined;
  }

  /** "the before trilogy": a title's first words and a word for a series; "the first matrix". */
  private firstWordsAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    length: number,
    key: string,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    const { tokens } = analysis;
    const startToken = units[index]!.token;
    const endToken = units[index + length - 1]!.last + 1;
    const first = tokens[startToken]!;
    // "I loved that franchise", "the whole trilogy": a determiner, not a title's first word.
    if (first.sentence !== tokens[endToken - 1]!.sentence || determiners.has(first.norm)) return undefined;
    const after = tokens[endToken];
    if (after && collectionNouns.has(after.norm)) {
      const items = this.series.startingWith(key);
      const capitalized = /^\p{Lu}/u.test(first.text);
      const descriptive = ['ADJ', 'NOUN', 'NUM', 'DET', 'PRON', 'VERB'].includes(first.pos);
      if (!items || items.length > 4 || (descriptive && !capitalized && !this.resolver.exactItems(key)))
        return undefined;
      return { titles: [foundTitle(analysis, startToken, endToken, items, items.length > 1)], length };
    }
    // "only liked the first matrix": the first of a series of one.
    const evidence = titleEvidence(analysis, startToken, endToken, previous);
    if (evidence.ordinal !== 1 || evidence.count !== 1) return undefined;
    const exact = this.resolver.exactItems(key);
    if (!exact || this.series.group(key)) return undefined;
    const noun = ['NOUN', 'PROPN'].includes(tokens[endToken - 1]!.pos);
    const named =
      this.judge.plausible(tokens, startToken, endToken, key, evidence, false) ||
      (noun && key.length >= 5 && this.judge.uncommon(key) && !['NOUN', 'PROPN'].includes(after?.pos ?? ''));
    return named
      ? { titles: [foundTitle(analysis, startToken, endToken, exact.slice(0, 1))], length }
      : undefined;
  }
}
