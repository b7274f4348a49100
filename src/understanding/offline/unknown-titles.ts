import { isEnglishWord, type Analysis, type Word } from '../../nlp/index.js';
import { personNouns, titleConnectors, type FoundTitle } from '../../titles/index.js';
import { clauseBreak, isListWord, type Cue, type TasteCue } from './cues.js';
import type { Mention } from './mentions.js';
import { smallTalkWords } from './small-talk-words.js';

/** Lowercase words a capitalised title may hold: "Lord of the Rings", "Cast Away". */
const innerWords = titleConnectors;
/**
 * Before a name, these say it is a person or a place, not a title: "starring Laura", "driving to
 * Fargo" (with the relation words of `personNouns`: "my friend Laura").
 */
const notTitleBefore = new Set([
  ...personNouns,
  'with',
  'starring',
  'by',
  'to',
  'in',
  'from',
  'at',
  'near',
  'visit',
  'visiting',
  'on',
  'director',
  'actor',
  'actress',
]);
/** Capitalised words that are never titles on their own. */
const notTitles = new Set([
  'i',
  'im',
  "i'm",
  'ive',
  "i've",
  'id',
  "i'd",
  'ok',
  'okay',
  'lol',
  'imax',
  'tv',
  'dvd',
  'netflix',
  'hbo',
  'disney',
  'pixar',
  'marvel',
  'dc',
  'oscar',
  'oscars',
]);
const smallTalk = new Set(smallTalkWords);
/** Between titles of one list: "Heat or The Town", "Alien and Aliens, not Prometheus". */
const listJoiners = new Set(['not', 'but', 'also', 'plus', 'nor', 'either', 'neither']);

/**
 * Titles the catalog lacks, as title mentions without items: a run of capitalised words that is no
 * known title, person or concept, and has the evidence of a title — listed with known titles
 * ("Whiplash, Drive and Nightcrawler"), after a verdict or an anchor ("loved Ponyo", "like Primer"),
 * quoted, or several capitalised words inside a sentence ("Glass Onion less so"). A lone dictionary
 * word needs more than its capital ("Tenet lost me" does not count, "like Tenet" does).
 */
export function findUnknownTitles(
  analysis: Analysis,
  words: Word[],
  mentions: Mention[],
  tasteAt: Map<number, Cue<TasteCue>>,
  cueAt: (index: number) => boolean,
): Extract<Mention, { kind: 'title' }>[] {
  // A second pass finds the titles listed with the first ones: "like Primer or Coherence".
  const first = unknownTitlesOnce(analysis, words, mentions, tasteAt, cueAt);
  if (first.length === 0) return first;
  return unknownTitlesOnce(analysis, words, [...mentions, ...first], tasteAt, cueAt)
    .concat(first)
    .filter((title, index, all) => all.findIndex((other) => other.start === title.start) === index)
    .sort((left, right) => left.start - right.start);
}

function unknownTitlesOnce(
  analysis: Analysis,
  words: Word[],
  mentions: Mention[],
  tasteAt: Map<number, Cue<TasteCue>>,
  cueAt: (index: number) => boolean,
): Extract<Mention, { kind: 'title' }>[] {
  const taken = new Set<number>();
  for (const mention of mentions)
    for (let index = mention.start; index < mention.end; index++) taken.add(index);
  const capital = (index: number) => {
    const token = analysis.tokens[words[index]!.token]!;
    return /^[\p{Lu}\d]/u.test(token.text) && !notTitles.has(words[index]!.norm);
  };
  const found: Extract<Mention, { kind: 'title' }>[] = [];
  for (let start = 0; start < words.length; start++) {
    if (taken.has(start) || !capital(start)) continue;
    let end = start + 1;
    while (end < words.length && !taken.has(end) && !words[end]!.barrier) {
      if (capital(end)) end += 1;
      else if (
        innerWords.has(words[end]!.norm) &&
        end + 1 < words.length &&
        capital(end + 1) &&
        !taken.has(end + 1)
      )
        end += 2;
      else break;
    }
    // "Event Horizon and Pandorum": two titles listed, not one ("Thelma and Louise", "Sky Captain and
    // the World of Tomorrow" stay whole).
    const joiner = listJoinerIn(words, start, end);
    if (joiner !== undefined) end = joiner;
    const span = { start, end };
    start = end - 1;
    // "1983 to 1987" is no title: a title has a capitalised word.
    const lettered = (index: number) => /^\p{Lu}/u.test(analysis.tokens[words[index]!.token]!.text);
    if (!Array.from({ length: span.end - span.start }, (_, offset) => span.start + offset).some(lettered))
      continue;
    // "I've OD'd on him", "not into F1": letters and abbreviations are no title unless quoted.
    const short = Array.from(
      { length: span.end - span.start },
      (_, offset) => words[span.start + offset]!,
    ).every((word) => word.norm.replace(/'(?:d|s|ll|ve|re)$/, '').length <= 2);
    if (short && !quoted(analysis, words, span)) continue;
    const opensSentence = span.start === 0 || clauseBreak(analysis, words, span.start - 1);
    // "Seen Alien…", "Both films…", "Anything but…": a cue or a function word capitalised at the start.
    if (cueAt(span.start) && (opensSentence || span.end - span.start === 1)) continue;
    const before = words[span.start - 1];
    if (before && (notTitleBefore.has(before.norm) || notTitleBefore.has(before.lemma))) continue;
    const single = span.end - span.start === 1;
    // "…told things about it though Thanks for the suggestion!": small talk run on without a mark
    // ("loved Dope" still names a film).
    if (single && smallTalk.has(words[span.start]!.norm) && !tasteAt.has(span.start - 1)) continue;
    if (single && !['PROPN', 'NOUN', 'X', 'ADJ'].includes(analysis.tokens[words[span.start]!.token]!.pos))
      continue;
    // "the Irish one", "the best Christmas movie", "Other spy thrillers": a capitalised word before the
    // noun it qualifies is a name for a kind, not a title.
    if (single && qualifiesNext(analysis, words, span.end)) continue;
    const evidence =
      listedWithTitle(analysis, words, mentions, span) ||
      afterCue(words, tasteAt, span.start) ||
      quoted(analysis, words, span) ||
      // "Tenet lost me, but Memento…": a verdict right after it, in a message that names titles.
      (verdictAfter(tasteAt, span.end) && mentions.some((mention) => mention.kind === 'title')) ||
      (!single && !opensSentence) ||
      (single && !opensSentence && !isEnglishWord(words[span.start]!.norm, words[span.start]!.lemma));
    if (!evidence) continue;
    const first = analysis.tokens[words[span.start]!.token]!;
    const last = analysis.tokens[words[span.end - 1]!.token]!;
    const title: FoundTitle = {
      items: [],
      series: false,
      tokenStart: words[span.start]!.token,
      tokenEnd: words[span.end - 1]!.token + 1,
      start: first.start,
      end: last.end,
      text: analysis.text.slice(first.start, last.end),
      fuzzy: false,
    };
    found.push({ kind: 'title', start: span.start, end: span.end, title });
  }
  return found;
}

/**
 * Where a run of capitalised words is two titles joined by "and": one side has two words or more and
 * no article follows the "and". Single words on both sides ("Thelma and Louise") are one title.
 */
function listJoinerIn(words: Word[], start: number, end: number): number | undefined {
  for (let index = start + 1; index < end - 1; index++) {
    if (words[index]!.norm !== 'and' && words[index]!.norm !== '&') continue;
    if (['the', 'a', 'an', 'my', 'his', 'her'].includes(words[index + 1]!.norm)) continue;
    if (index - start >= 2 || end - index - 1 >= 2) return index;
  }
  return undefined;
}

/** A known title within a list of the span: only list words, commas and "not" between them. */
function listedWithTitle(
  analysis: Analysis,
  words: Word[],
  mentions: Mention[],
  span: { start: number; end: number },
): boolean {
  return mentions.some((mention) => {
    if (mention.kind !== 'title') return false;
    const [from, to] = mention.end <= span.start ? [mention.end, span.start] : [span.end, mention.start];
    if (to <= from && !words[Math.max(from, to)]?.barrier) return false;
    if (to < from || to - from > 3) return false;
    for (let index = from; index < to; index++) {
      const word = words[index]!;
      if (!isListWord(word) && !listJoiners.has(word.norm) && word.norm !== 'the') return false;
    }
    for (let index = Math.max(0, from - 1); index < to; index++)
      if (clauseBreak(analysis, words, index)) return false;
    return true;
  });
}

/** Right after a taste or anchor cue, in its clause: "loved Ponyo", "something like Primer". */
function afterCue(words: Word[], tasteAt: Map<number, Cue<TasteCue>>, start: number): boolean {
  return tasteAt.get(start - 1)?.end === start && !words[start]!.barrier;
}

/** A lower-case noun (or "one") right after, in the same clause: the word before it qualifies it. */
function qualifiesNext(analysis: Analysis, words: Word[], end: number): boolean {
  const next = words[end];
  if (!next || next.barrier) return false;
  const token = analysis.tokens[next.token]!;
  return /^\p{Ll}/u.test(token.text) && (token.pos === 'NOUN' || next.norm === 'one' || next.norm === 'ones');
}

function verdictAfter(tasteAt: Map<number, Cue<TasteCue>>, end: number): boolean {
  const cue = tasteAt.get(end);
  return cue !== undefined && cue.start === end && (cue.type === 'liked' || cue.type === 'disliked');
}

function quoted(analysis: Analysis, words: Word[], span: { start: number; end: number }): boolean {
  const before = analysis.tokens[words[span.start]!.token - 1]?.text ?? '';
  const after = analysis.tokens[words[span.end - 1]!.token + 1]?.text ?? '';
  return /^["“'‘]$/.test(before) && /^["”'’]$/.test(after);
}
