import type { Catalog, CatalogItem } from '../catalog/index.js';
import { isEnglishWord, type Analysis, type Token } from '../nlp/index.js';
import { isStopword } from '../text/tokenize.js';
import { titleBase, titleKey } from './normalize-title.js';
import type { TitleResolver } from './title-resolver.js';
import { editDistance, FuzzyTitleIndex, type FuzzyMatch } from './fuzzy-title-index.js';

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

export interface TitleFinderOptions {
  /** How many catalog items use a word (the lexical index's document frequency). */
  documentFrequency?: (word: string) => number;
  documentCount?: number;
}

/** Words after which a phrase is likely a title: "something like star wars", "loved the godfather". */
const tasteLemmas = new Set([
  'like',
  'love',
  'enjoy',
  'adore',
  'watch',
  'rewatch',
  'see',
  'saw',
  'hate',
  'dislike',
  'prefer',
  'than',
  'as',
  'favorite',
  'favourite',
  'recommend',
  'mention',
  'include',
  'besides',
  'except',
  'but',
]);
/** Words that, after a title, make it a series: "the Toy Story movies", "the Godfather trilogy". */
const seriesNouns = new Set([
  'films',
  'movies',
  'ones',
  'trilogy',
  'series',
  'franchise',
  'saga',
  'sequels',
  'installments',
  'flicks',
  'quadrilogy',
  'collection',
  'entries',
  'parts',
]);
const listJoiners = new Set(['and', 'or', 'nor', 'plus', '&', ',', 'also', 'as well as']);
const ordinals: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  last: -1,
  latest: -1,
};
const articles = new Set(['the', 'a', 'an']);
const counts: Record<string, number> = { two: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };
/** A verdict right after a span says it names something: "Her is one of my favourite films", "Us freaked me out". */
const praiseAfter =
  /^\s*(?:(?:is|was|'s|are|were)\s+(?:one of|my|so|such|great|amazing|awesome|brilliant|fantastic|incredible|the best|a masterpiece|a classic|really|an? (?:great|amazing|awesome|excellent|fun|good|brilliant))|(?:freaked|scared|blew|made|creeped|terrified|wrecked)\s+(?:me|us))/i;
const quoteMarks = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);
const clauseWords = new Set(['VERB', 'ADV', 'ADP', 'AUX', 'PRON', 'DET', 'SCONJ', 'CCONJ', 'PART', 'INTJ']);

interface Unit {
  /** Index of the unit's first token. */
  token: number;
  /** Index of its last token ("Can't" is "Ca" + "n't", one unit). */
  last: number;
  key: string;
  /** The catalog title word a misspelled word most likely is. */
  corrected?: string;
  /** The misspelling is itself a word of the catalog's text ("forest" for "Forrest"). */
  known?: boolean;
  /** Edits between the typed word and the correction. */
  edits?: number;
  /** Neither an English word nor a word of the catalog's text: likely a misspelling or a name. */
  misspelled: boolean;
}

function seriesPrefixes(key: string): string[] {
  const words = key.split(' ');
  const out: string[] = [];
  for (let length = 1; length < Math.min(words.length, 5); length++)
    out.push(words.slice(0, length).join(' '));
  return out;
}

/**
 * Finds catalog titles in an analysed message, including misspelled ones ("the shawshenk
 * redemption", "pulp fction") and whole series ("all the Godfather films", "the second Toy Story").
 * A span that spells a title counts only with evidence in proportion to how common its words are:
 * capitals, quotes, a year, a word of taste before it ("loved", "like"), a list of titles, a title's
 * own "the". So "cheer me up" or "turn up the heat" name no film, while "I loved Up" does.
 */
export class TitleFinder {
  /** Title word → how many titles use it; misspellings are corrected towards these words. */
  private readonly titleWords = new Map<string, number>();
  /** First letter + length → title words, for bounded edit-distance search. */
  private readonly buckets = new Map<string, string[]>();
  /** Key prefix (1–4 words) shared by two or more titles → those items, oldest first. */
  private readonly series = new Map<string, CatalogItem[]>();
  /** The head of a title before its subtitle ("Harry Potter" of "Harry Potter and the…", "Pirates of the Caribbean" of "…: The Curse…"). */
  private readonly heads = new Map<string, CatalogItem>();
  private readonly documentFrequency: (word: string) => number;
  private readonly documentCount: number;
  private readonly fuzzy: FuzzyTitleIndex;
  /** Word prefixes of every title, series and head key: a span that is none cannot grow into a title. */
  private readonly prefixes = new Set<string>();

  constructor(
    catalog: Catalog,
    private readonly resolver: TitleResolver,
    options: TitleFinderOptions = {},
  ) {
    this.documentFrequency = options.documentFrequency ?? (() => 0);
    this.documentCount = Math.max(1, options.documentCount ?? catalog.items.length);
    const byPrefix = new Map<string, CatalogItem[]>();
    for (const item of catalog.items) {
      const base = titleBase(item);
      const key = titleKey(base);
      for (const word of key.split(' ')) this.titleWords.set(word, (this.titleWords.get(word) ?? 0) + 1);
      const head = titleKey(base.split(/\s*[:–—]\s*|\s+-\s+/)[0] ?? base).replace(/\s+\d+$/, '');
      const beforeAnd = titleKey(base.split(/\s+and\s+the\s+/i)[0] ?? base);
      for (const short of [head, beforeAnd]) {
        if (short && short !== key && short.split(' ').length >= 2 && !this.heads.has(short))
          this.heads.set(short, item);
      }
      for (const prefix of new Set([head, ...seriesPrefixes(key)])) {
        if (!prefix) continue;
        const list = byPrefix.get(prefix);
        if (list) list.push(item);
        else byPrefix.set(prefix, [item]);
      }
    }
    for (const [prefix, items] of byPrefix) {
      if (items.length < 2 || !this.distinctivePrefix(prefix)) continue;
      this.series.set(
        prefix,
        [...items].sort((left, right) => (left.year ?? 0) - (right.year ?? 0)),
      );
    }
    const addPrefixes = (key: string) => {
      const words = key.split(' ');
      for (let length = 1; length <= words.length; length++)
        this.prefixes.add(words.slice(0, length).join(' '));
    };
    for (const [key] of resolver.titleEntries()) addPrefixes(key);
    for (const item of catalog.items) addPrefixes(titleKey(titleBase(item), { keepArticle: true }));
    for (const key of this.series.keys()) addPrefixes(key);
    for (const key of this.heads.keys()) addPrefixes(key);
    this.fuzzy = new FuzzyTitleIndex([
      ...resolver.titleEntries(),
      ...[...this.heads.entries()].map(([key, item]) => [key, [item]] as [string, CatalogItem[]]),
    ]);
    for (const word of this.titleWords.keys()) {
      if (word.length < 3 || !/^\p{L}+$/u.test(word)) continue;
      const bucket = `${word[0]}${word.length}`;
      const list = this.buckets.get(bucket);
      if (list) list.push(word);
      else this.buckets.set(bucket, [word]);
    }
  }

  private readonly cache = new Map<string, FoundTitle[]>();

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
    const { tokens } = analysis;
    const units: Unit[] = [];
    tokens.forEach((token, index) => {
      if (token.kind === 'punctuation' || token.kind === 'symbol') return;
      // Tokens typed without a space between are one word: "Can't", "Ocean's".
      const previous = units[units.length - 1];
      if (
        previous &&
        previous.last === index - 1 &&
        tokens[index - 1]!.end === token.start &&
        token.kind !== 'number'
      ) {
        const glued = titleKey(analysis.text.slice(tokens[previous.token]!.start, token.end));
        if (glued && !glued.includes(' ')) {
          previous.key = glued;
          previous.last = index;
          return;
        }
      }
      const key = titleKey(token.text);
      if (!key) return;
      const misspelled =
        key.length >= 3 &&
        token.kind !== 'number' &&
        !isStopword(key) &&
        !isEnglishWord(token.norm, token.lemma) &&
        this.documentFrequency(key) === 0;
      const unit: Unit = { token: index, last: index, key, misspelled };
      if (token.kind === 'number') {
        units.push(unit);
        return;
      }
      if (!misspelled && this.titleWords.has(key)) {
        units.push(unit);
        return;
      }
      const corrected = this.correction(key, token.lemma);
      if (corrected) {
        unit.corrected = corrected.word;
        unit.edits = corrected.edits;
        // A word the NLP library knows an inflection of ("confusing" → "confuse") is no misspelling.
        if (corrected.known || token.lemma !== token.norm) unit.known = true;
      }
      units.push(unit);
    });
    const found: FoundTitle[] = [];
    let index = 0;
    while (index < units.length) {
      const match = this.matchAt(analysis, units, index, found[found.length - 1]);
      if (match) {
        found.push(match.title);
        index += match.length;
      } else {
        index += 1;
      }
    }
    return found;
  }

  private matchAt(
    analysis: Analysis,
    units: Unit[],
    index: number,
    previous: FoundTitle | undefined,
  ): { title: FoundTitle; length: number } | undefined {
    const { tokens, text } = analysis;
    const first = units[index]!;
    const startable = (unit: Unit) =>
      this.resolver.startsTitle(unit.key) ||
      (unit.corrected !== undefined && this.resolver.startsTitle(unit.corrected)) ||
      this.series.has(unit.key);
    if (!startable(first))
      return first.key.length >= 4 && !isStopword(first.key)
        ? this.fuzzyAt(analysis, units, index, previous)
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
      const evidence = this.evidence(analysis, startToken, endToken, previous);
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
      const group = commonName && !(noun && (capitalizedMid || !bare)) ? undefined : this.series.get(key);
      if (group && (!bare || (!this.resolver.exactItems(typed) && key.includes(' ')))) {
        if (evidence.ordinal !== undefined && evidence.count > 1) {
          const members =
            evidence.ordinal === -1 ? group.slice(-evidence.count) : group.slice(0, evidence.count);
          return { title: at(members, true, false), length };
        } else if (evidence.ordinal !== undefined) {
          const item = evidence.ordinal === -1 ? group[group.length - 1] : group[evidence.ordinal - 1];
          if (item) return { title: at([item], false, false), length };
        } else if (evidence.seriesCue || this.plausible(tokens, startToken, endToken, key, evidence, false)) {
          return { title: at(group, true, false), length };
        }
      }
      const exact = this.resolver.exactItems(typed, year);
      if (
        exact &&
        (year !== undefined || this.plausible(tokens, startToken, endToken, key, evidence, false))
      ) {
        return { title: at(exact.slice(0, 1), false, false), length };
      }
      const head = this.heads.get(key);
      if (head && !group && this.plausible(tokens, startToken, endToken, key, evidence, false)) {
        return { title: at([head], false, false), length };
      }
      if (span.some((unit) => unit.corrected !== undefined)) {
        const corrected = span.map((unit) => unit.corrected ?? unit.key).join(' ');
        const fuzzy = this.resolver.exactItems(corrected, year);
        if (
          fuzzy &&
          this.plausibleCorrection(tokens, span, startToken, endToken, titleKey(corrected), evidence)
        ) {
          return { title: at(fuzzy.slice(0, 1), false, true), length };
        }
        const fuzzyGroup = this.series.get(titleKey(corrected));
        if (fuzzyGroup && evidence.seriesCue) return { title: at(fuzzyGroup, true, true), length };
      }
    }
    return this.fuzzyAt(analysis, units, index, previous);
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
  ): { title: FoundTitle; length: number } | undefined {
    const { tokens, text } = analysis;
    if (isStopword(units[index]!.key) && units[index]!.key !== 'the' && units[index]!.key !== 'no')
      return undefined;
    const longest = Math.min(this.resolver.longestTitle + 1, 7, units.length - index);
    for (let length = longest; length >= 1; length--) {
      const span = units.slice(index, index + length);
      const startToken = span[0]!.token;
      const endToken = span[span.length - 1]!.last + 1;
      if (analysis.tokens[startToken]!.sentence !== analysis.tokens[endToken - 1]!.sentence) continue;
      // An edit-distance search only for spans that could pass `plausibleFuzzy`: with a misspelled
      // word, or with evidence of a title around them.
      if (!span.some((unit) => unit.misspelled)) {
        if (length < 2) continue;
        const around = this.evidence(analysis, startToken, endToken, previous);
        const capitalized = /^\p{Lu}/u.test(tokens[startToken]!.text) && !around.sentenceStart;
        const strong =
          around.taste ||
          around.listed ||
          around.praised ||
          around.quoted ||
          capitalized ||
          tokens[startToken]!.norm === 'the';
        if (!strong && !(length >= 3 && span.every((unit) => this.titleWords.has(unit.key)))) continue;
      }
      const key = titleKey(text.slice(tokens[startToken]!.start, tokens[endToken - 1]!.end));
      if (key.length < (length === 1 ? 8 : 6) || span.every((unit) => isStopword(unit.key))) continue;
      const match = this.fuzzy.closest(key);
      if (!match) continue;
      const evidence = this.evidence(analysis, startToken, endToken, previous);
      if (!this.plausibleFuzzy(tokens, span, startToken, evidence, match)) continue;
      const end = tokens[endToken - 1]!.end;
      return {
        title: {
          items: match.items.slice(0, 1),
          series: false,
          tokenStart: startToken,
          tokenEnd: endToken,
          start: tokens[startToken]!.start,
          end,
          text: text.slice(tokens[startToken]!.start, end),
          fuzzy: true,
        },
        length,
      };
    }
    return undefined;
  }

  /**
   * Whether a span a few edits off a title means it: one of its words is no English word and not in
   * the catalog's text (a misspelling), or, when every word is English ("the dark night"), the span
   * has the usual evidence of a title and is one edit off.
   */
  private plausibleFuzzy(
    tokens: Token[],
    span: Unit[],
    start: number,
    evidence: ReturnType<TitleFinder['evidence']>,
    match: FuzzyMatch,
  ): boolean {
    const misspelled = span.some((unit) => unit.misspelled);
    if (misspelled) return span.length >= 2 || span[0]!.key.length >= 8;
    if (span.length < 2 || match.edits > 1) return false;
    const capitalized = /^\p{Lu}/u.test(tokens[start]!.text) && !evidence.sentenceStart;
    // "the shinning": typed with the title's own article.
    const ownArticle =
      tokens[start]!.norm === 'the' && [...match.items].some((item) => /^the\s/i.test(item.title));
    return (
      evidence.taste ||
      evidence.listed ||
      evidence.praised ||
      evidence.quoted ||
      capitalized ||
      ownArticle ||
      span.length >= 3
    );
  }

  private tokenAt(tokens: Token[], end: number, from: number): number {
    let index = from;
    while (index < tokens.length && tokens[index]!.start < end) index++;
    return index;
  }

  /** What around a span says it is a title. */
  private evidence(analysis: Analysis, start: number, end: number, previous: FoundTitle | undefined) {
    const { tokens } = analysis;
    let before = start - 1;
    while (before >= 0 && articles.has(tokens[before]!.norm)) before--;
    const beforeToken = tokens[before];
    const after = tokens[end];
    const quoted =
      quoteMarks.has(tokens[start - 1]?.text ?? '') && quoteMarks.has(after?.text ?? '') && start > 0;
    let taste = beforeToken !== undefined && tasteLemmas.has(beforeToken.lemma);
    // "similar to X", "such as X", "fan of X".
    if (beforeToken && ['to', 'of'].includes(beforeToken.norm)) {
      const word = tokens[before - 1]?.lemma;
      taste = word === 'similar' || word === 'fan' || word === 'such' || word === 'sequel';
    }
    // A list of titles: "loved Heat and pulp fiction".
    let listed = false;
    if (previous) {
      const between = tokens.slice(previous.tokenEnd, start).filter((token) => !articles.has(token.norm));
      listed = between.length <= 2 && between.every((token) => listJoiners.has(token.norm));
    }
    const afterNorm = after?.norm ?? '';
    const seriesCue =
      seriesNouns.has(afterNorm) ||
      (beforeToken?.norm === 'all' && tokens[start - 1]?.norm === 'the') ||
      tokens.slice(Math.max(0, start - 3), start).some((token) => token.norm === 'all');
    // "The second Godfather", "the first two Toy Story movies".
    const countWord = counts[tokens[start - 1]?.norm ?? ''];
    const ordinalWord = tokens[start - (countWord ? 2 : 1)]?.norm ?? '';
    const ordinal = ordinals[ordinalWord];
    const count = ordinal !== undefined && countWord ? countWord : 1;
    const praised = praiseAfter.test(analysis.text.slice(tokens[end - 1]!.end, tokens[end - 1]!.end + 40));
    return {
      quoted,
      taste,
      listed,
      seriesCue,
      ordinal,
      count,
      praised,
      sentenceStart: this.sentenceStart(tokens, start),
    };
  }

  private sentenceStart(tokens: Token[], start: number): boolean {
    let index = start - 1;
    while (index >= 0 && (tokens[index]!.kind === 'punctuation' || quoteMarks.has(tokens[index]!.text))) {
      if (/[.!?]/.test(tokens[index]!.text)) return true;
      index--;
    }
    return index < 0 || tokens[index]!.sentence !== tokens[start]!.sentence;
  }

  /** Whether a span that spells a title is meant as one, by how common its words are and its evidence. */
  private plausible(
    tokens: Token[],
    start: number,
    end: number,
    key: string,
    evidence: ReturnType<TitleFinder['evidence']>,
    fuzzy: boolean,
  ): boolean {
    if (evidence.quoted) return true;
    // Numbers alone ("1 2", "1917") are a title only in capitals, quotes or with a cue.
    if (!/\p{L}/u.test(key) && !evidence.taste && !evidence.listed) return false;
    const words = key.split(' ');
    const cue = evidence.taste || evidence.listed || evidence.praised;
    const distinctive = words.filter((word) => this.distinctive(word));
    const firstToken = tokens[start]!;
    const capitalized = /^[\p{Lu}\p{N}]/u.test(firstToken.text);
    if (capitalized) {
      if (words.length === 1) {
        const word = words[0]!;
        if (fuzzy)
          return (
            tokens.slice(start, end).some((token) => token.norm.length >= 6) &&
            (cue || !evidence.sentenceStart)
          );
        if (cue) return !articles.has(word);
        if (word.length < 4 || isStopword(word)) return false;
        // "Drive me home" is a verb at the start of a sentence, not the film.
        if (evidence.sentenceStart && clauseWords.has(firstToken.pos)) return false;
        return true;
      }
      return distinctive.length > 0 || cue || !words.every((word) => isStopword(word));
    }
    // Lower case: the words themselves must be unlikely together by chance. A word no dictionary has
    // ("strangelove", "totoro") is enough.
    const foreign = tokens
      .slice(start, end)
      .some(
        (token) =>
          token.norm.length >= 5 && !isStopword(token.norm) && !isEnglishWord(token.norm, token.lemma),
      );
    if (words.length >= 2 && foreign) return true;
    if (words.length >= 3) return distinctive.length >= 2 || cue || key.length >= 18;
    if (words.length === 2) {
      const [first, second] = words as [string, string];
      if (!this.distinctive(first) && !cue) return false;
      const fullKey = titleKey(
        tokens
          .slice(start, end)
          .map((token) => token.text)
          .join(' '),
        {
          keepArticle: true,
        },
      );
      const typedArticle = articles.has(tokens[start]!.norm);
      if (typedArticle && !this.resolver.exactItems(fullKey) && !fuzzy) return false;
      if (/^\d+$/.test(second)) return true;
      if (!this.distinctive(second) && !cue) return false;
      // The title's own "the": "the dark knight" — not "a date night".
      return (
        fullKey.startsWith('the ') ||
        (tokens[start - 1]?.norm === 'the' && this.resolver.exactItems(`the ${key}`) !== undefined) ||
        cue
      );
    }
    const word = words[0]!;
    const typed = tokens[start]!;
    // "seen jurassic park and jaws": the next of a list of titles.
    if (evidence.listed && word.length >= 4 && !isStopword(word)) return true;
    return (
      cue && word.length >= (fuzzy ? 6 : 5) && this.uncommon(word) && !isEnglishWord(typed.norm, typed.lemma)
    );
  }

  /** Four letters or more, no stopword, not a number. */
  private distinctive(word: string): boolean {
    return word.length >= 4 && !isStopword(word) && /\p{L}/u.test(word);
  }

  /** Rare enough in the catalog's text (beyond the titles that use it) that a lower-case use is likely the title. */
  private uncommon(word: string): boolean {
    const own = this.titleWords.get(word) ?? 0;
    return this.documentFrequency(word) - own <= Math.max(2, this.documentCount * 0.003);
  }

  private distinctivePrefix(prefix: string): boolean {
    const words = prefix.split(' ');
    if (words.every((word) => isStopword(word) || /^\d+$/.test(word))) return false;
    return words.length >= 2 || (words[0]!.length >= 5 && !isStopword(words[0]!));
  }

  /**
   * The catalog title word a misspelled message word most likely is: within one edit (two for words
   * of six letters or more), same first letter. A word of the catalog's own text ("forest") may be a
   * misspelling too, but only counts inside a longer title (see `plausibleCorrection`).
   */
  private readonly corrections = new Map<
    string,
    { word: string; known: boolean; edits: number } | undefined
  >();

  private correction(
    key: string,
    lemma: string,
  ): { word: string; known: boolean; edits: number } | undefined {
    if (this.corrections.has(key)) return this.corrections.get(key);
    const found = this.findCorrection(key, lemma);
    if (this.corrections.size > 20_000) this.corrections.clear();
    this.corrections.set(key, found);
    return found;
  }

  private findCorrection(
    key: string,
    lemma: string,
  ): { word: string; known: boolean; edits: number } | undefined {
    if (key.includes(' ') || key.length < 3 || !/^\p{L}+$/u.test(key)) return undefined;
    if (this.titleWords.has(key) || isStopword(key)) return undefined;
    const known = this.documentFrequency(key) > 0 || isEnglishWord(key, lemma);
    const limit = key.length >= 6 && !known ? 2 : 1;
    let best: string | undefined;
    let bestDistance = limit + 1;
    let bestCount = 0;
    for (let length = key.length - limit; length <= key.length + limit; length++) {
      for (const word of this.buckets.get(`${key[0]}${length}`) ?? []) {
        const edits = editDistance(key, word, limit);
        const count = this.titleWords.get(word) ?? 0;
        if (edits < bestDistance || (edits === bestDistance && count > bestCount)) {
          best = word;
          bestDistance = edits;
          bestCount = count;
        }
      }
    }
    return best !== undefined && bestDistance <= limit
      ? { word: best, known, edits: bestDistance }
      : undefined;
  }

  /**
   * Whether a title found through corrected words is meant: a word that is not in the catalog's text
   * next to an exact title word ("pulp fctoin", "shawshenk redemption"), a long unknown word
   * ("ratatoullie"), or the usual evidence; a corrected common word only inside three words or more.
   */
  private plausibleCorrection(
    tokens: Token[],
    span: Unit[],
    start: number,
    end: number,
    key: string,
    evidence: ReturnType<TitleFinder['evidence']>,
  ): boolean {
    const corrected = span.filter((unit) => unit.corrected !== undefined);
    const exact = span.filter((unit) => unit.corrected === undefined && this.distinctive(unit.key));
    if (
      corrected.some((unit) => unit.known || unit.key.length < 4) &&
      (exact.length === 0 || span.length < 2)
    )
      return false;
    if (span.length >= 2 && exact.length >= 1) return true;
    const only = span[0]!;
    if (span.length === 1 && only.key.length >= 8 && (only.edits ?? 0) / only.key.length <= 0.2) return true;
    return this.plausible(tokens, start, end, key, evidence, true);
  }
}
