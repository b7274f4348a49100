import type { Catalog, CatalogItem } from '../catalog/index.js';
import { isEnglishForm, isEnglishWord, type Analysis, type Token } from '../nlp/index.js';
import { isStopword } from '../text/tokenize.js';
import { CastSeries } from './cast-series.js';
import { foundTitle, withSeriesNoun, type FoundTitle, type TitleMatch } from './found-title.js';
import { FuzzyTitleIndex } from './fuzzy-title-index.js';
import { titleBase, titleKey } from './normalize-title.js';
import { SeriesFinder } from './series-finder.js';
import { SeriesIndex } from './series-index.js';
import { fanNouns, seriesNouns, titleEvidence } from './title-evidence.js';
import { describesKind, TitlePlausibility } from './title-plausibility.js';
import type { TitleResolver } from './title-resolver.js';
import { tasteListTitles } from './taste-list.js';
import { TitleWords, type Unit } from './title-words.js';

/** Words between the titles of one list. */
const listWords = new Set([',', 'and', 'or', '&', 'nor', 'plus']);

export interface TitleFinderOptions {
  /** How many catalog items use a word (the lexical index's document frequency). */
  documentFrequency?: (word: string) => number;
  documentCount?: number;
}

/**
 * Finds catalog titles in an analysed message, including misspelled ones ("the shawshenk
 * redemption", "pulp fction") and whole series ("all the Godfather films", "the second Toy Story").
 * A span that spells a title counts only with evidence in proportion to how common its words are:
 * capitals, quotes, a year, a word of taste before it ("loved", "like"), a list of titles, a title's
 * own "the". So "cheer me up" or "turn up the heat" name no film, while "I loved Up" does.
 */
export class TitleFinder {
  private readonly words: TitleWords;
  private readonly series: SeriesIndex;
  private readonly fuzzy: FuzzyTitleIndex;
  private readonly judge: TitlePlausibility;
  private readonly seriesFinder: SeriesFinder;
  /** Word prefixes of every title, series and head key: a span that is none cannot grow into a title. */
  private readonly prefixes = new Set<string>();
  private readonly cache = new Map<string, FoundTitle[]>();
  /** Words no dictionary has that only one title uses: "totoro", "shawshank". */
  private readonly ownWords = new Map<string, CatalogItem>();
  /** Titles of three content words or more by those words alone: "indiana jones last crusade". */
  private readonly contentKeys = new Map<string, CatalogItem[]>();
  private readonly castSeries: CastSeries;

  constructor(
    catalog: Catalog,
    private readonly resolver: TitleResolver,
    options: TitleFinderOptions = {},
  ) {
    const documentFrequency = options.documentFrequency ?? (() => 0);
    const documentCount = Math.max(1, options.documentCount ?? catalog.items.length);
    this.words = new TitleWords(
      catalog.items.map((item) => titleKey(titleBase(item))),
      documentFrequency,
    );
    this.series = new SeriesIndex(catalog.items);
    this.castSeries = new CastSeries(catalog.items);
    this.judge = new TitlePlausibility(resolver, this.words, documentFrequency, documentCount);
    this.seriesFinder = new SeriesFinder(this.series, resolver, this.judge);
    const addPrefixes = (key: string) => {
      const words = key.split(' ');
      for (let length = 1; length <= words.length; length++)
        this.prefixes.add(words.slice(0, length).join(' '));
    };
    for (const [key] of resolver.titleEntries()) addPrefixes(key);
    for (const item of catalog.items) addPrefixes(titleKey(titleBase(item), { keepArticle: true }));
    for (const key of this.series.keys()) addPrefixes(key);
    const users = new Map<string, CatalogItem[]>();
    for (const item of catalog.items)
      for (const word of new Set(titleKey(titleBase(item)).split(' ')))
        users.set(word, [...(users.get(word) ?? []), item]);
    for (const [word, items] of users)
      if (items.length === 1 && word.length >= 5 && /^\p{L}+$/u.test(word) && !isEnglishWord(word))
        this.ownWords.set(word, items[0]!);
    const byContent = new Map<string, CatalogItem[] | null>();
    for (const [key, items] of resolver.titleEntries()) {
      const content = contentKey(key);
      if (content === key || content.split(' ').length < 3) continue;
      const known = byContent.get(content);
      byContent.set(content, known === undefined || known?.[0] === items[0] ? items : null);
    }
    for (const [content, items] of byContent) if (items) this.contentKeys.set(content, items);
    this.fuzzy = new FuzzyTitleIndex([
      ...resolver.titleEntries(),
      ...[...this.series.heads()].map(([key, item]) => [key, [item]] as [string, CatalogItem[]]),
    ]);
  }

  /** Titles in the message, in order, non-overlapping (read-only: results are cached by text). */
  find(analysis: Analysis): FoundTitle[] {
    const cached = this.cache.get(analysis.text);
    if (cached) return cached;
    const found = this.scan(analysis);
    this.cache.set(analysis.text, found);
    if (this.cache.size > 5_000) this.cache.delete(this.cache.keys().next().value!);
    return found;
  }

  private scan(analysis: Analysis): FoundTitle[] {
    const units = this.words.units(analysis);
    const found: FoundTitle[] = [];
    let index = 0;
    while (index < units.length) {
      const previous = found[found.length - 1];
      const series = this.seriesFinder.at(analysis, units, index, previous);
      // "some scary movie", "scary movies": a kind of film, not the series named so.
      const kind = series?.titles.some((title) =>
        describesKind(analysis.tokens, title.tokenStart, title.tokenEnd),
      );
      const match = this.withCastSeries(
        analysis,
        (kind ? undefined : series) ?? this.matchAt(analysis, units, index, previous),
      );
      if (match) {
        found.push(...match.titles);
        index += match.length;
      } else {
        index += 1;
      }
    }
    const listed = found.length > 0 ? this.listedBefore(analysis, units, found) : found;
    // "seen up, coco and soul already": a list of titles after a verb of taste or viewing.
    const rare = (text: string) =>
      titleKey(text)
        .split(' ')
        .some((word) => !isStopword(word) && this.judge.uncommon(word));
    const more = tasteListTitles(analysis, listed, (text) => this.resolver.exactItems(text), rare);
    return more.length > 0 ? [...listed, ...more].sort((left, right) => left.start - right.start) : listed;
  }

  /**
   * "The star wars movies", "the Dark Knight trilogy", "every star wars movie": one film and a word
   * for a series is its series by cast.
   */
  private withCastSeries(analysis: Analysis, match: TitleMatch | undefined): TitleMatch | undefined {
    const title = match?.titles.length === 1 ? match.titles[0] : undefined;
    const [item, ...others] = title?.items ?? [];
    if (!match || !title || !item || others.length > 0 || title.series) return match;
    if (!namesSeries(analysis.tokens, title.tokenStart, title.tokenEnd) || this.series.groupOf([item]))
      return match;
    const series = this.castSeries.of(item);
    return series
      ? withSeriesNoun(analysis, {
          titles: [{ ...title, items: series, series: true }],
          length: match.length,
        })
      : match;
  }

  /**
   * Titles listed right before a found one, which only that one makes plausible: "Up, Her and
   * Moon" finds Moon first, then Her and Up as the titles before it in the same list.
   */
  private listedBefore(analysis: Analysis, units: Unit[], found: FoundTitle[]): FoundTitle[] {
    const out = [...found];
    for (let at = 0; at < out.length; at++) {
      const next = out[at]!;
      const joiner = analysis.tokens[next.tokenStart - 1];
      if (!joiner || !listWords.has(joiner.norm)) continue;
      const floor = at > 0 ? out[at - 1]!.tokenEnd : 0;
      const nextUnit = units.findIndex((unit) => unit.token >= next.tokenStart);
      for (let index = Math.max(0, nextUnit - 4); index < nextUnit; index++) {
        if (units[index]!.token < floor) continue;
        const match = this.matchAt(analysis, units, index, next);
        const title = match?.titles[0];
        if (!match || !title || title.tokenEnd > next.tokenStart || match.titles.length !== 1) continue;
        const between = analysis.tokens.slice(title.tokenEnd, next.tokenStart);
        if (!between.every((token) => listWords.has(token.norm))) continue;
        out.splice(at, 0, title);
        at -= 1;
        break;
      }
    }
    return out;
  }

  private matchAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    const { tokens, text } = analysis;
    const first = units[index]!;
    const startable = (unit: Unit) =>
      this.resolver.startsTitle(unit.key) ||
      (unit.corrected !== undefined && this.resolver.startsTitle(unit.corrected)) ||
      this.series.group(unit.key) !== undefined;
    if (!startable(first))
      return (first.key.length >= 4 || this.splitWord(units, index)) && !isStopword(first.key)
        ? (this.ownWordAt(analysis, units, index, previous) ?? this.fuzzyAt(analysis, units, index, previous))
        : undefined;
    // Grow the span while it (as typed, or as corrected) is still the start of some title.
    let longest = 0;
    for (let length = 1; length <= Math.min(this.resolver.longestTitle, units.length - index); length++) {
      const typedKey = this.quickKey(analysis, units, index, length, false);
      const correctedKey = this.quickKey(analysis, units, index, length, true);
      if (
        !this.prefixes.has(typedKey) &&
        !this.prefixes.has(correctedKey) &&
        !this.prefixes.has(typedKey.replace(/^(the|a|an) /, ''))
      )
        break;
      longest = length;
    }
    for (let length = longest; length >= 1; length--) {
      const span = units.slice(index, index + length);
      const startToken = span[0]!.token;
      const endToken = span[span.length - 1]!.last + 1;
      const typed = text.slice(tokens[startToken]!.start, tokens[endToken - 1]!.end);
      if (describesKind(tokens, startToken, endToken)) continue;
      const evidence = titleEvidence(analysis, startToken, endToken, previous);
      const yearAfter = /^\s*\(?((?:19|20)\d\d)\)/.exec(text.slice(tokens[endToken - 1]!.end));
      const year = yearAfter?.[1] ? Number(yearAfter[1]) : undefined;
      const end = yearAfter ? tokens[endToken - 1]!.end + yearAfter[0].length : tokens[endToken - 1]!.end;
      const at = (items: CatalogItem[], series: boolean, fuzzy: boolean): FoundTitle => ({
        items,
        series,
        tokenStart: startToken,
        tokenEnd: yearAfter ? this.tokenAt(tokens, end, endToken) : endToken,
        start: tokens[startToken]!.start,
        end,
        text: text.slice(tokens[startToken]!.start, end),
        fuzzy,
      });
      const key = titleKey(typed);
      // A series: "all the Godfather films", "the Toy Story movies", "the second Godfather".
      // A one-word series name that is also an English word ("other", "star") must be capitalised.
      // Without a cue ("films", "all the", "the second") a series name must be two words or more.
      const bare = !evidence.seriesCue && evidence.ordinal === undefined;
      const nameToken = tokens[endToken - 1]!;
      // A one-word series name that is a common word ("other", "star") needs capitals, or at least a
      // noun in a series cue ("all the godfather films", not "any other ones").
      const commonName = !key.includes(' ') && isEnglishWord(key);
      const capitalizedMid = /^\p{Lu}/u.test(nameToken.text) && !evidence.sentenceStart;
      const noun = ['NOUN', 'PROPN'].includes(nameToken.pos);
      // An ordinal alone makes a common word a series only if the catalog's text rarely uses it: "the
      // second godfather", not "the last night".
      const cued = evidence.seriesCue || (evidence.ordinal !== undefined && this.judge.uncommon(key));
      const group = commonName && !(noun && (capitalizedMid || cued)) ? undefined : this.series.group(key);
      if (group && (!bare || (!this.resolver.exactItems(typed) && key.includes(' ')))) {
        if (evidence.ordinal !== undefined && evidence.count > 1) {
          const members =
            evidence.ordinal === -1 ? group.slice(-evidence.count) : group.slice(0, evidence.count);
          return withSeriesNoun(analysis, { titles: [at(members, true, false)], length });
        } else if (evidence.ordinal !== undefined) {
          const item = evidence.ordinal === -1 ? group[group.length - 1] : group[evidence.ordinal - 1];
          if (item) return { titles: [at([item], false, false)], length };
        } else if (
          evidence.seriesCue ||
          this.judge.plausible(tokens, startToken, endToken, key, evidence, false)
        ) {
          return withSeriesNoun(analysis, { titles: [at(group, true, false)], length });
        }
      }
      const exact = this.resolver.exactItems(typed, year);
      if (
        exact &&
        (year !== undefined || this.judge.plausible(tokens, startToken, endToken, key, evidence, false))
      ) {
        return { titles: [at(exact.slice(0, 1), false, false)], length };
      }
      const head = this.series.head(key);
      if (head && !group && this.judge.plausible(tokens, startToken, endToken, key, evidence, false)) {
        return { titles: [at([head], false, false)], length };
      }
      if (span.some((unit) => unit.corrected !== undefined)) {
        const corrected = span.map((unit) => unit.corrected ?? unit.key).join(' ');
        const fuzzy = this.resolver.exactItems(corrected, year);
        if (
          fuzzy &&
          this.judge.plausibleCorrection(tokens, span, startToken, endToken, titleKey(corrected), evidence)
        ) {
          return { titles: [at(fuzzy.slice(0, 1), false, true)], length };
        }
        const fuzzyGroup = this.series.group(titleKey(corrected));
        if (fuzzyGroup && evidence.seriesCue)
          return withSeriesNoun(analysis, { titles: [at(fuzzyGroup, true, true)], length });
      }
    }
    return this.ownWordAt(analysis, units, index, previous) ?? this.fuzzyAt(analysis, units, index, previous);
  }

  /**
   * A title called by the one word of it no dictionary has and no other title uses ("loved
   * shawshank", "kiki's delivery service and totoro"), with the usual evidence of a title.
   */
  private ownWordAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    const unit = units[index]!;
    const item = this.ownWords.get(unit.key);
    if (!item || unit.last !== unit.token) return undefined;
    const evidence = titleEvidence(analysis, unit.token, unit.token + 1, previous);
    const capitalized = /^\p{Lu}/u.test(analysis.tokens[unit.token]!.text) && !evidence.sentenceStart;
    const token = analysis.tokens[unit.token]!;
    // Said alone ("totoro!"), it must be no inflection of an English word either ("later").
    const alone = evidence.alone && !isEnglishWord(token.norm, token.lemma) && !isEnglishForm(token.norm);
    // "one of my favorite actors": after an adjective of taste, an English word is the noun it
    // qualifies ("loved gremlins" is a verb's object: an inflected form is no plain adjective).
    const before = analysis.tokens[unit.token - 1];
    const qualified =
      evidence.taste &&
      before?.pos === 'ADJ' &&
      before.lemma === before.norm &&
      isEnglishForm(token.norm) &&
      !capitalized &&
      !evidence.quoted;
    if (qualified) return undefined;
    // "Step Brothers" is not The Blues Brothers: an English word of a title, capitalised beside another
    // capitalised word that is not the title's, names something else.
    const after = analysis.tokens[unit.token + 1];
    const namedBeside = (other: Token | undefined) => other?.kind === 'word' && /^\p{Lu}/u.test(other.text);
    if (
      isEnglishForm(token.norm) &&
      ((namedBeside(before) && !evidence.sentenceStart && before?.sentence === token.sentence) ||
        (namedBeside(after) && after?.sentence === token.sentence))
    )
      return undefined;
    const cued = evidence.taste || evidence.listed || evidence.praised || evidence.quoted || evidence.asked;
    if (!(cued || alone || capitalized)) return undefined;
    return { titles: [foundTitle(analysis, unit.token, unit.token + 1, [item])], length: 1 };
  }

  /** A one-word title typed as two words: "old boy" (Oldboy), "sea biscuit". */
  private splitWord(units: Unit[], index: number): boolean {
    const next = units[index + 1];
    return next !== undefined && this.prefixes.has(units[index]!.key + next.key);
  }

  /** The key of a span from its words' keys (words typed without a space between are one: "ocean's"). */
  private quickKey(
    analysis: Analysis,
    units: Unit[],
    index: number,
    length: number,
    corrected: boolean,
  ): string {
    let key = '';
    for (let offset = 0; offset < length; offset++) {
      const unit = units[index + offset]!;
      const word = corrected ? (unit.corrected ?? unit.key) : unit.key;
      const glued =
        offset > 0 &&
        analysis.tokens[unit.token]!.start === analysis.tokens[units[index + offset - 1]!.last]!.end;
      key += offset === 0 ? word : glued ? word : ` ${word}`;
    }
    return key.replace(/\b(part|pt|chapter|episode|vol|volume) (?=\d)/g, '');
  }

  /** A span a few edits off a title ("the dark night", "jurassicpark", "monster inc"), longest first. */
  private fuzzyAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    previous: FoundTitle | undefined,
  ): TitleMatch | undefined {
    const { tokens, text } = analysis;
    if (isStopword(units[index]!.key) && units[index]!.key !== 'the' && units[index]!.key !== 'no')
      return undefined;
    const longest = Math.min(this.resolver.longestTitle + 1, 7, units.length - index);
    for (let length = longest; length >= 1; length--) {
      const span = units.slice(index, index + length);
      const startToken = span[0]!.token;
      const endToken = span[span.length - 1]!.last + 1;
      if (analysis.tokens[startToken]!.sentence !== analysis.tokens[endToken - 1]!.sentence) continue;
      if (describesKind(tokens, startToken, endToken)) continue;
      // An edit-distance search only for spans that could pass `plausibleFuzzy`: with a misspelled
      // word, or with evidence of a title around them.
      if (!span.some((unit) => unit.misspelled)) {
        if (length < 2) continue;
        const around = titleEvidence(analysis, startToken, endToken, previous);
        const capitalized = /^\p{Lu}/u.test(tokens[startToken]!.text) && !around.sentenceStart;
        const strong =
          around.taste ||
          around.listed ||
          around.praised ||
          around.quoted ||
          capitalized ||
          tokens[startToken]!.norm === 'the';
        if (!strong && !(length >= 3 && span.every((unit) => this.words.has(unit.key)))) continue;
      }
      const key = titleKey(text.slice(tokens[startToken]!.start, tokens[endToken - 1]!.end));
      if (key.length < (length === 1 ? 8 : 6) || span.every((unit) => isStopword(unit.key))) continue;
      const byContent = length >= 3 ? this.contentKeys.get(key) : undefined;
      const match = byContent ? { key, items: byContent, edits: 0 } : this.fuzzy.closest(key);
      if (!match) continue;
      const evidence = titleEvidence(analysis, startToken, endToken, previous);
      if (!this.judge.plausibleFuzzy(tokens, span, startToken, evidence, match)) continue;
      const end = tokens[endToken - 1]!.end;
      return {
        titles: [
          {
            items: match.items.slice(0, 1),
            series: false,
            tokenStart: startToken,
            tokenEnd: endToken,
            start: tokens[startToken]!.start,
            end,
            text: text.slice(tokens[startToken]!.start, end),
            fuzzy: true,
          },
        ],
        length,
      };
    }
    return undefined;
  }

  private tokenAt(tokens: Token[], end: number, from: number): number {
    let index = from;
    while (index < tokens.length && tokens[index]!.start < end) index++;
    return index;
  }
}

/** A title key without its function words ("indiana jones last crusade"). */
function contentKey(key: string): string {
  return key
    .split(' ')
    .filter((word) => !isStopword(word))
    .join(' ');
}

/** "Every star wars movie", "any alien film": a singular media noun after a quantifier over films. */
const everyWords = new Set(['every', 'each', 'any']);
const singularMediaNouns = new Set(['movie', 'film', 'flick', 'one', 'installment', 'entry', 'part']);

/** A word for a series (or a fan) after a title, or a quantifier before it and a singular noun after it. */
function namesSeries(tokens: Token[], start: number, end: number): boolean {
  const after = tokens[end]?.norm ?? '';
  // "big indiana jones fan here": a fan of the films.
  if (seriesNouns.has(after) || (fanNouns.has(after) && tokens[end + 1]?.norm !== 'of')) return true;
  return (
    singularMediaNouns.has(after) &&
    tokens.slice(Math.max(0, start - 2), start).some((token) => everyWords.has(token.norm))
  );
}
