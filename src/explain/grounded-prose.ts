import type { CatalogItem } from '../catalog/index.js';
import { isEnglishWord } from '../nlp/index.js';
import { foldText, isStopword } from '../text/tokenize.js';
import { titleBase, titleKey } from '../titles/normalize-title.js';
import { titleConnectors } from '../titles/title-connectors.js';

/** What prose may name: the items it may talk about, and the words it may echo. */
export interface GroundingContext {
  /** This turn's picks and the items the dialogue named or liked. */
  allowed: readonly CatalogItem[];
  /** Other text whose words the prose may repeat (the user's own messages). */
  texts?: readonly string[];
  /** Catalog items titled exactly `text` (a title resolver's `exactItems`). */
  catalogTitled?: (text: string) => readonly CatalogItem[] | undefined;
}

/** A title-like span of prose: quoted, a run of capitalised words, or one followed by "(1999)". */
interface Span {
  text: string;
  year?: number;
  /** One capitalised word, neither quoted nor dated: a name or a place as often as a title. */
  single?: boolean;
}

const connectors = titleConnectors;

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const quotedPattern = /"([^"\n]{1,80})"|“([^”\n]{1,80})”|«([^»\n]{1,80})»|\*([^*\n]{1,80})\*/g;

/** Folded words of a text, possessives dropped ("Pacino's" → "pacino"). */
function foldedWords(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? []).map((word) =>
    word.replace(/['’]s$/, '').replace(/['’]/g, ''),
  );
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isNumber = (word: string) => /^(?:\d{1,4}|[IVX]{2,4})$/.test(word);
const isCommon = (word: string) => {
  const folded = foldText(word).replace(/['’].*$/, '');
  return isStopword(folded) || isEnglishWord(folded);
};

/** Whether a word after `before` opens a sentence (or the text, or a line). */
function opensSentence(before: string): boolean {
  const tail = before.slice(-12);
  if (/\n[\s"'“‘(*_]*$/.test(tail)) return true;
  const trimmed = tail.replace(/[\s"'“‘(*_]+$/, '');
  return (trimmed === '' && before.length <= 12) || /[.!?:;]["'”’)*_]*$/.test(trimmed);
}

/**
 * Runs of capitalised words in prose, joined by spaces (with small title words, "&", ":" or "-"
 * between capitalised ones, numbers after them: "Toy Story 2"), and a "(1999)" right after them.
 * A common word opening a sentence ("You", "These") is not part of a run. Linear in the prose.
 */
function capitalisedRuns(prose: string): Span[] {
  const words = [...prose.matchAll(wordPattern)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const spans: Span[] = [];
  let index = 0;
  while (index < words.length) {
    const first = words[index]!;
    if (!isCapitalised(first.text)) {
      index++;
      continue;
    }
    const run = [first];
    let pending: typeof words = [];
    let next = index + 1;
    for (; next < words.length; next++) {
      const word = words[next]!;
      if (!/^[ \t]*[&:–-]?[ \t]*$/.test(prose.slice(words[next - 1]!.end, word.start))) break;
      if (isCapitalised(word.text) || isNumber(word.text)) {
        run.push(...pending, word);
        pending = [];
      } else if (connectors.has(word.text.toLowerCase()) && pending.length < 2) pending.push(word);
      else break;
    }
    const last = run.at(-1)!;
    const year = /^\s*\((\d{4})\)/.exec(prose.slice(last.end, last.end + 10));
    if (opensSentence(prose.slice(0, first.start)) && isCommon(first.text) && (run.length > 1 || !year)) {
      run.shift();
      // "Start with Heat (1995)": the small word after the dropped one is not part of the title.
      while (run.length > 1 && !isCapitalised(run[0]!.text)) run.shift();
    }
    if (run.length > 0) {
      const single = run.length === 1 && !year;
      spans.push({
        text: prose.slice(run[0]!.start, last.end),
        ...(year ? { year: Number(year[1]) } : {}),
        ...(single ? { single } : {}),
      });
    }
    index = next;
  }
  return spans;
}

/** Quoted spans with a capital letter in them: "Heat", “The Thing”, *Alien*. */
function quotedSpans(prose: string): Span[] {
  const spans: Span[] = [];
  for (const match of prose.matchAll(quotedPattern)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim();
    if (/\p{Lu}/u.test(text)) spans.push({ text });
  }
  return spans;
}

/** `whole` contains `part` as whole words. */
const containsWords = (whole: string, part: string) => part !== '' && ` ${whole} `.includes(` ${part} `);

/** What a context allows, worked out once per context. */
interface Prepared {
  allowedIds: Set<string>;
  allowedTitles: { key: string; year: number | undefined }[];
  vocabulary: Set<string>;
}

const prepared = new WeakMap<GroundingContext, Prepared>();

function prepare(context: GroundingContext): Prepared {
  const allowedIds = new Set(context.allowed.map((item) => item.id));
  const allowedTitles = context.allowed.map((item) => ({ key: titleKey(titleBase(item)), year: item.year }));
  const vocabulary = new Set<string>();
  const addWords = (text: string) => {
    for (const word of foldedWords(text)) vocabulary.add(word);
  };
  for (const item of context.allowed) {
    addWords(item.title);
    addWords(item.people.join(' '));
    addWords(item.genres.join(' '));
    for (const value of Object.values(item.fields))
      addWords(Array.isArray(value) ? value.join(' ') : String(value));
  }
  for (const text of context.texts ?? []) addWords(text);
  return { allowedIds, allowedTitles, vocabulary };
}

/**
 * The title-like spans of `prose` (quoted, runs of capitalised words, "Title (1999)") that name
 * something it may not: a catalog title that is not an allowed item's; a dated title that is not
 * an allowed one; or a quoted or multi-word span that is not part of an allowed title and has a
 * word that neither the allowed items (titles, people, genres, fields) nor `texts` use — an
 * invented title. A lone capitalised word counts only when it is a catalog title. Empty when the
 * prose is grounded.
 */
export function ungroundedTitles(prose: string, context: GroundingContext): string[] {
  let known = prepared.get(context);
  if (!known) prepared.set(context, (known = prepare(context)));
  const { allowedIds, allowedTitles, vocabulary } = known;
  const yearFits = (year: number | undefined, span: Span) =>
    span.year === undefined || year === undefined || year === span.year;

  const found = new Set<string>();
  for (const span of [...quotedSpans(prose), ...capitalisedRuns(prose)]) {
    const text = span.text.replace(/\s*\(\d{4}\)\s*$/, '');
    const key = titleKey(text);
    if (!key) continue;
    const echoed = foldedWords(text)
      .filter((word) => !connectors.has(word) && !/^\d+$/.test(word))
      .every((word) => vocabulary.has(word));
    const exact = context.catalogTitled?.(text) ?? [];
    if (exact.length > 0) {
      const allowed = exact.some((item) => allowedIds.has(item.id) && yearFits(item.year, span));
      if (!allowed && !(span.single && echoed)) found.add(span.text);
      continue;
    }
    if (allowedTitles.some((title) => containsWords(title.key, key) && yearFits(title.year, span))) continue;
    if (span.year !== undefined || (!span.single && !echoed)) found.add(span.text);
  }
  return [...found];
}

/** Where a sentence ends: ". ", "! ", "?\n" (closing quotes and brackets stay with it). */
const sentenceEnd = /[.!?…]["'”’)\]]*\s+/g;

/**
 * Streams prose a sentence at a time, each shown only once it names nothing it may not (see
 * `ungroundedTitles`): feed the deltas as they arrive, get back the text to show. After the first
 * ungrounded sentence nothing more is shown, and `rejected` says so.
 */
export class GroundedProseStream {
  private text = '';
  private checked = 0;
  /** The title-like spans that stopped the stream. */
  rejected: string[] = [];

  constructor(private readonly context: GroundingContext) {}

  /** Everything shown so far. */
  get shown(): string {
    return this.text.slice(0, this.checked);
  }

  /** Adds a delta; returns the complete sentences that may now be shown. */
  push(delta: string): string {
    this.text += delta;
    if (this.rejected.length > 0) return '';
    sentenceEnd.lastIndex = this.checked;
    let end = this.checked;
    for (let match = sentenceEnd.exec(this.text); match; match = sentenceEnd.exec(this.text))
      if (match.index + match[0].length < this.text.length) end = match.index + match[0].length;
    return this.release(end);
  }

  /** The stream has ended: returns the rest, if it may be shown. */
  end(): string {
    return this.rejected.length > 0 ? '' : this.release(this.text.length);
  }

  private release(end: number): string {
    if (end <= this.checked) return '';
    const piece = this.text.slice(this.checked, end);
    const found = ungroundedTitles(piece, this.context);
    if (found.length > 0) {
      this.rejected = found;
      return '';
    }
    this.checked = end;
    return piece;
  }
}
