import type { Analysis, Word } from '../../nlp/index.js';
import type { Understanding } from '../understanding-schema.js';
import { clauseBreak, type Cue, type ScopeCue, type TasteCue } from './cues.js';
import { countedFromLast } from './counted-from-last.js';
import { listOrdinals } from './list-ordinals.js';
import { numberValue, type Mention } from './mentions.js';
import { openers } from './title-question.js';

/** A reference to positions of the shown list, over words [start, end). */
export interface ShownReference {
  positions: number[];
  start: number;
  end: number;
  /** "The other two": how many the rest must be, when the words say. */
  count?: number;
}

export interface ShownListReading {
  references: ShownReference[];
  feedback: Understanding['shownFeedback'];
  /** The position the message points at to ask about it or for more like it. */
  referencedPosition: number | null;
}

const notAfterOrdinal = new Set([
  'time',
  'times',
  'date',
  'half',
  'place',
  'season',
  'episode',
  'night',
  'week',
  'weekend',
  'year',
  'month',
  'summer',
  'winter',
  'of',
  'thing',
  'things',
  'day',
  'minutes',
  'hour',
  'act',
  'movie i',
  'step',
  'sight',
  'person',
  'people',
  'guy',
  'girl',
  'man',
  'woman',
  'to',
  'few',
  'couple',
  'part',
  'installment',
]);
const pointerWords = new Set(['#', 'number', 'no', 'no.', 'option', 'item', 'pick', 'nr', 'num']);
const nounAfterNumber = new Set([
  'movie',
  'movies',
  'film',
  'films',
  'years',
  'year',
  'stars',
  'star',
  'times',
  'hours',
  'hour',
  'minutes',
  'min',
  'mins',
  'episodes',
  'seasons',
  'kids',
  'people',
  'of',
  'more',
  'suggestions',
  'picks',
  'options',
  'days',
  'weeks',
  'yr',
  'yrs',
  'yo',
  'ideas',
  'titles',
  'things',
  'recommendations',
  'others',
]);
const rest = new Set(['others', 'rest', 'remaining']);
const exceptWords = new Set(['except', 'but', 'besides', 'apart', 'excluding', 'other', 'than']);
const yes = new Set(['yes', 'yeah', 'yep', 'yup', 'sure', 'definitely', 'absolutely']);
const no = new Set(['no', 'nope', 'nah', 'pass', 'skip', 'meh', 'nay', 'never']);
const neighbour =
  /\b(more like|similar|something like|anything like|same as|(?<!(?:n't|not|dont|i|we|you|they) )like (the|that|this|#|number)|in the vein|along the lines|in (that|this|the same) direction|closer to|closest to|nearest to|vibes?|style of|(?:\w+er|more \w+|less \w+) than (it|that|this|that one|this one)|but (newer|older|funnier|darker|shorter|with|without|from|after|before|more|less))\b/;
const question =
  /\?|^\s*(and )?(why|what|whats|who|whos|when|where|how|is|was|does|did|tell me|can you tell|explain)\b|[,.;:!]\s*(and |so |but |ok |okay )?(why|what|whats|who|whos|when|where|how|tell me|can you tell|explain)\b/;

/** Positions a message points at: "the second one", "#3", "the last one", "1 and 3", "the first two", "the middle ones", "the others". */
export function shownReferences(
  analysis: Analysis,
  words: Word[],
  shownCount: number,
  mentions: Mention[],
  quantitySpan?: [number, number],
  verdicts: { ends: ReadonlySet<number>; starts: ReadonlySet<number> } = {
    ends: new Set(),
    starts: new Set(),
  },
): ShownReference[] {
  if (shownCount === 0) return [];
  const out: ShownReference[] = [];
  const titleAt = (index: number) =>
    mentions.some(
      (mention) => mention.kind === 'title' && mention.start >= index && mention.start <= index + 2,
    );
  const valid = (position: number) => position >= 1 && position <= shownCount;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!.norm;
    const next = words[index + 1]?.norm ?? '';
    const previous = words[index - 1]?.norm ?? '';
    if (quantitySpan && index >= quantitySpan[0] && index < quantitySpan[1]) continue;
    let positions: number[] | undefined;
    let end = index + 1;
    const count = numberValue(words[index + 1]);
    const fromLast = countedFromLast(words, index, shownCount);
    if ((word === 'top' || word === 'bottom') && ['one', 'pick', 'movie', 'film'].includes(next)) {
      positions = [word === 'top' ? 1 : shownCount];
      end = index + 2;
    } else if (fromLast) {
      positions = [fromLast.position];
      end = fromLast.end;
      if (['one', 'movie', 'film', 'pick', 'suggestion', 'title', 'option'].includes(words[end]?.norm ?? ''))
        end += 1;
    } else if (
      listOrdinals[word] !== undefined ||
      word === 'last' ||
      word === 'final' ||
      word === 'penultimate' ||
      word === 'middle'
    ) {
      if (
        notAfterOrdinal.has(next) ||
        titleAt(index + 1) ||
        (word === 'first' && (previous === 'at' || next === 'of'))
      )
        continue;
      // "the last 10 years", "the first two hours": a span of time, not items of the list.
      if (count !== undefined && timeNouns.has(words[index + 2]?.norm ?? '')) continue;
      if (
        word === 'last' &&
        (previous === 'at' ||
          (!['the', 'that', 'this', 'and', 'n', '&', 'or'].includes(previous) &&
            !['one', 'two', 'three', 'movie', 'film', 'pick', 'suggestion'].includes(next)))
      )
        continue;
      if (word === 'middle') {
        // "The middle one" is the centre of an odd list; "the middle ones" everything between the ends.
        positions =
          shownCount < 3
            ? []
            : next === 'one' && shownCount % 2 === 1
              ? [(shownCount + 1) / 2]
              : range(2, shownCount - 1);
      } else if (
        (word === 'first' || word === 'last') &&
        count !== undefined &&
        count > 1 &&
        count < shownCount
      ) {
        positions = word === 'first' ? range(1, count) : range(shownCount - count + 1, shownCount);
        end = index + 2;
      } else {
        positions = [
          word === 'last' || word === 'final'
            ? shownCount
            : word === 'penultimate'
              ? shownCount - 1
              : listOrdinals[word]!,
        ];
      }
      if (
        ['one', 'ones', 'movie', 'film', 'pick', 'suggestion', 'title', 'option'].includes(
          words[end]?.norm ?? '',
        )
      )
        end += 1;
    } else if (
      pointerWords.has(word) &&
      numberValue(words[index + 1]) !== undefined &&
      (word !== 'no' || /^\d+$/.test(next))
    ) {
      positions = [numberValue(words[index + 1])!];
      end = index + 2;
    } else if (/^#?\d{1,2}$/.test(word) && previous !== 'top') {
      // A bare number is a position when it sits next to another position or a verdict: "2 and 4 ive seen".
      const value = Number(word.replace('#', ''));
      if (nounAfterNumber.has(next) || analysis.tokens[words[index]!.token - 1]?.text === '#') {
        if (analysis.tokens[words[index]!.token - 1]?.text !== '#') continue;
      }
      // A number before a noun counts things: "watched 3 horror films", "2 hours" — not "2 boring".
      if (countsNoun(analysis, words, index)) continue;
      positions = [value];
    } else if (word === 'other' && previous === 'the' && count !== undefined && count > 1) {
      // "The other two": every position no other reference names, like "the others".
      end = index + 2;
      if (['ones', 'movies', 'films', 'picks'].includes(words[end]?.norm ?? '')) end += 1;
      out.push({ positions: [-1], start: index - 1, end, count });
      index = end - 1;
      continue;
    } else if (rest.has(word) && ['the', 'other'].includes(previous)) {
      positions = [];
      end = index + 1;
      out.push({ positions: [-1], start: index - 1, end });
      continue;
    }
    if (!positions) continue;
    const kept = positions.filter(valid);
    if (kept.length === 0) continue;
    out.push({ positions: kept, start: index, end });
    index = end - 1;
  }
  // Bare numbers count only in company: beside another reference, a list word or a verdict.
  const filtered = out.filter((reference) => {
    const word = words[reference.start]!.norm;
    if (!/^\d{1,2}$/.test(word)) return true;
    if (analysis.tokens[words[reference.start]!.token - 1]?.text === '#') return true;
    if (
      [
        'give',
        'me',
        'show',
        'top',
        'like',
        'about',
        'maybe',
        'just',
        'only',
        'another',
        'need',
        'want',
      ].includes(words[reference.start - 1]?.norm ?? '')
    )
      return false;
    // "Watched 3 already, wasn't my thing", "2 looks sick": a number right next to a verdict is the item it judges.
    const start = reference.start;
    const judged =
      verdicts.ends.has(start) ||
      ((start === 0 || words[start]!.barrier) &&
        (verdicts.starts.has(start + 1) ||
          (['is', 'was', "'s"].includes(words[start + 1]?.norm ?? '') && verdicts.starts.has(start + 2))));
    if (judged && reference.end === start + 1) return true;
    return out.filter((other) => other !== reference).length > 0;
  });
  // "The others": every position no other reference names.
  const named = new Set(
    filtered.flatMap((reference) => reference.positions).filter((position) => position > 0),
  );
  for (const reference of filtered) {
    if (reference.positions[0] === -1) {
      reference.positions = range(1, shownCount).filter((position) => !named.has(position));
      // "The other two" of four with none named first: which two is not said.
      if (reference.count !== undefined && reference.positions.length !== reference.count)
        reference.positions = [];
    }
  }
  return filtered.filter((reference) => reference.positions.length > 0);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let value = from; value <= to; value++) out.push(value);
  return out;
}

/**
 * What the user says about the positions they point at: "loved the first, seen the third", "first
 * one yes, second one no", "2 and 4 ive seen, 1 looks great", "not into the middle ones". Each
 * reference takes the nearest verdict before it (up to a comma or the previous reference), else the
 * first after it (up to the next reference that is not part of a list with it).
 */
export function readShownList(
  analysis: Analysis,
  words: Word[],
  shownCount: number,
  mentions: Mention[],
  tasteCues: Cue<TasteCue>[],
  scopeCues: Cue<ScopeCue>[],
  options: { askedIfSeen?: boolean; quantitySpan?: [number, number] } = {},
): ShownListReading {
  const { quantitySpan } = options;
  const judging = tasteCues.filter((cue) => cue.type !== 'anchor');
  const references = shownReferences(analysis, words, shownCount, mentions, quantitySpan, {
    ends: new Set(judging.map((cue) => cue.end)),
    starts: new Set(judging.map((cue) => cue.start)),
  });
  const cueEnd = new Map<number, number>();
  for (const cue of tasteCues)
    for (let index = cue.start; index < cue.end; index++) cueEnd.set(index, cue.end);
  const tasteAt = new Map<number, TasteCue>();
  const anchorAt = new Set<number>();
  // "More like the second one" asks for neighbours: no verdict on the item.
  for (const cue of tasteCues) {
    for (let index = cue.start; index < cue.end; index++) {
      if (cue.type === 'anchor') anchorAt.add(index);
      else tasteAt.set(index, cue.type);
    }
  }
  const scopeAt = new Map<number, ScopeCue>();
  for (const cue of scopeCues)
    for (let index = cue.start; index < cue.end; index++) scopeAt.set(index, cue.type);
  // "Have you seen any of these?" — "2 and 4 yes": the question makes the answer about seeing.
  const aboutSeeing =
    options.askedIfSeen === true || tasteCues.some((cue) => cue.type === 'seen' || cue.type === 'unseen');
  // "Wait, is the 3rd one the one where…?": a question gives no verdict.
  const questionAt = (index: number) => {
    const sentence = analysis.tokens[words[index]!.token]!.sentence;
    const range = analysis.sentences[sentence];
    if (!range) return false;
    const text = analysis.text.slice(analysis.tokens[range[0]]!.start, analysis.tokens[range[1]]!.end);
    return (
      /\?\s*$/.test(text) &&
      question.test(text.toLowerCase().replace(/^\s*(wait|so|ok|okay|hmm|and),?\s+/, ''))
    );
  };
  const verdictAt = (index: number): TasteCue | undefined => {
    const taste = tasteAt.get(index);
    if (taste) return taste;
    const word = words[index]!.norm;
    // "3 and 5 we haven't seen, the rest yes": a yes in a message about seeing says seen.
    if (yes.has(word)) return aboutSeeing ? 'seen' : 'liked';
    if (no.has(word)) return 'disliked';
    const scope = scopeAt.get(index);
    if (scope === 'exclude') return 'disliked';
    if (scope === 'soften' && word === 'too') return 'disliked';
    return undefined;
  };
  /** The strongest verdict in words [from, to): a liking or dislike beats "seen" ("seen them, loved them"). */
  const strongest = (from: number, to: number): TasteCue | undefined => {
    let found: TasteCue | undefined;
    for (let index = Math.max(0, from); index < Math.min(words.length, to); index++) {
      const cue = verdictAt(index);
      if (cue === 'liked' || cue === 'disliked') return cue;
      found ??= cue;
    }
    return found;
  };
  const strongestExcept = (from: number, to: number, skip: Set<string>): TasteCue | undefined => {
    let found: TasteCue | undefined;
    for (let index = Math.max(0, from); index < Math.min(words.length, to); index++) {
      if (skip.has(words[index]!.norm)) continue;
      const cue = verdictAt(index);
      if (cue === 'liked' || cue === 'disliked') return cue;
      found ??= cue;
    }
    return found;
  };
  const verdicts: (TasteCue | undefined)[] = references.map((reference, order) => {
    // Pointed at to ask for neighbours ("similar to the 2nd") or asked about: no verdict.
    if (anchorAt.has(reference.start - 1) || anchorAt.has(reference.start - 2)) return undefined;
    if (questionAt(reference.start)) return undefined;
    const previousEnd = references[order - 1]?.end ?? 0;
    let before: TasteCue | undefined;
    for (let index = reference.start - 1; index >= previousEnd; index--) {
      if (clauseBreak(analysis, words, index) || words[index + 1]!.barrier) break;
      // "Ok so the last one, but…": an "ok" that opens the message is an interjection, no verdict.
      if (
        interjections.has(words[index]!.norm) &&
        words.slice(0, index).every((word) => openers.has(word.norm))
      )
        break;
      before = verdictAt(index);
      if (before) break;
    }
    if (before && before !== 'seen') return before;
    // "Watched the second one and didn't like it": a liking or dislike after "seen" is the verdict.
    // One that opens the next reference is that one's ("seen 1 and 3, loved 2").
    const opensNext = (index: number) => {
      const end = cueEnd.get(index) ?? index + 1;
      return references.some(
        (other) =>
          other !== reference &&
          (other.start === end || (other.start === end + 1 && words[end]!.norm === 'the')) &&
          !words[end]!.barrier,
      );
    };
    let found: TasteCue | undefined = before;
    for (let index = reference.end; index < words.length; index++) {
      if (clauseBreak(analysis, words, index - 1)) break;
      const next = references.find((other) => other.start === index);
      if (next) {
        // "seen 1 and 3, the 2nd looks meh": after a verdict said before them, a comma ends the list.
        const closed =
          words.slice(reference.end, index + 1).some((word) => word.barrier) &&
          strongest(0, reference.start) !== undefined;
        const joined =
          !closed &&
          words
            .slice(reference.end, index)
            .every((word) => ['and', 'or', 'n', '&', 'the'].includes(word.norm));
        if (!joined || found) break;
        index = next.end - 1;
        continue;
      }
      if (words[index]!.barrier && found && found !== 'seen') break;
      const cue = verdictAt(index);
      if ((cue === 'liked' || cue === 'disliked') && opensNext(index)) break;
      if (cue === 'liked' || cue === 'disliked') return cue;
      if (cue && !found) found = cue;
    }
    return found;
  });
  // A reference joined to the previous one by "and" shares its verdict: "the first two and the last one".
  verdicts.forEach((verdict, order) => {
    const previous = references[order - 1];
    if (verdict || !previous) return;
    const between = words.slice(previous.end, references[order]!.start);
    // "Seen 1 2 n 4": numbers side by side are a list too.
    if (between.every((word) => ['and', 'or', 'n', '&', 'the', ','].includes(word.norm)))
      verdicts[order] = verdicts[order - 1];
  });
  // "Both great", "they're all great", "loved em all" after the references: a verdict on each of them.
  const last = references[references.length - 1];
  if (last) {
    const collective = strongest(last.end, words.length);
    const together = words
      .slice(last.end)
      .some((word) => ['both', 'all', 'them', 'em', 'each'].includes(word.norm));
    if (together && (collective === 'liked' || collective === 'disliked'))
      references.forEach((_, order) => {
        if (verdicts[order] !== 'disliked') verdicts[order] = collective;
      });
  }
  const feedback: Understanding['shownFeedback'] = [];
  const add = (position: number, verdict: TasteCue) => {
    if (verdict === 'unseen' || verdict === 'anchor' || feedback.some((entry) => entry.position === position))
      return;
    feedback.push({
      position,
      sentiment: verdict === 'liked' ? 'liked' : verdict === 'disliked' ? 'disliked' : 'seen',
    });
  };
  // "All of them except the 3rd, seen", "all good except number 2": the verdict of the rest.
  const allBut = words.findIndex(
    (word, index) =>
      word.norm === 'all' &&
      ['except', 'but', 'besides', 'apart'].some((cue) =>
        words.slice(index + 1, index + 4).some((near) => near.norm === cue),
      ),
  );
  if (allBut >= 0 && references.length > 0 && references.every((reference) => reference.start > allBut)) {
    // The "except" itself is no verdict on the rest.
    const verdict = strongestExcept(0, words.length, exceptWords);
    const excepted = new Set(references.flatMap((reference) => reference.positions));
    if (verdict)
      for (let position = 1; position <= shownCount; position++)
        if (!excepted.has(position)) add(position, verdict);
    references.forEach((reference, order) => {
      // The "except" before a reference is no verdict on it; one said after it is ("all good except
      // number 2, hated that one").
      const excepted = [1, 2].some((back) => exceptWords.has(words[reference.start - back]?.norm ?? ''));
      const after = strongest(reference.end, references[order + 1]?.start ?? words.length);
      const own = excepted
        ? after === 'liked' || after === 'disliked'
          ? after
          : undefined
        : verdicts[order];
      if (own && own !== verdict) for (const position of reference.positions) add(position, own);
    });
  } else {
    references.forEach((reference, order) => {
      let verdict = verdicts[order];
      if (!verdict) return;
      if (verdict === 'liked' && analysis.tokens[words[reference.start]!.token]!.negated)
        verdict = 'disliked';
      for (const position of reference.positions) add(position, verdict);
    });
  }
  const text = analysis.text.toLowerCase();
  const asks = neighbour.test(text) || question.test(text);
  // The item asked about is the one nearest before "more like that", else the first named.
  const neighbourAt = words.findIndex(
    (word, index) => word.norm === 'like' && ['that', 'this', 'it'].includes(words[index + 1]?.norm ?? ''),
  );
  const pointed =
    neighbourAt >= 0
      ? [...references].reverse().find((reference) => reference.end <= neighbourAt)
      : undefined;
  const first = pointed ?? references[0];
  // "more like those" after "the last two" points at several: no one item.
  const referencedPosition = asks && first && first.positions.length === 1 ? first.positions[0]! : null;
  return { references, feedback, referencedPosition };
}

/** Nouns of time a count before them measures: "the last 10 years". */
const timeNouns = new Set([
  'year',
  'years',
  'decade',
  'decades',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'minute',
  'minutes',
]);

/** Words of assent that open a message as interjections ("ok so…") and elsewhere may say "seen, it was ok". */
const interjections = new Set(['ok', 'okay', 'alright', 'right', 'fine']);

/** Whether an assistant's message asks if the user has seen something: "Have you seen any of these?". */
export function asksIfSeen(text: string): boolean {
  return /\b(?:have|did|had)\s+(?:you|u|ya)\s+(?:ever\s+|already\s+)?(?:seen|see|watched|watch|caught)\b|\b(?:seen|watched)\s+(?:any|it|them|those|these|either|one)\b[^.!]*\?/i.test(
    text,
  );
}

/** Whether the number at `index` counts the noun after it (maybe after an adjective): "3 horror films". */
function countsNoun(analysis: Analysis, words: Word[], index: number): boolean {
  const pos = (at: number) => (words[at] ? analysis.tokens[words[at]!.token]!.pos : '');
  if (analysis.tokens[words[index]!.token - 1]?.text === '#') return false;
  // "1 3 n 4": a list of positions, whatever the tagger makes of "n".
  if (['n', 'and', 'or', 'nd', '&'].includes(words[index + 1]?.norm ?? '')) return false;
  // "2 looks sick": a noun-looking verb before a predicate adjective judges the item.
  if (['NOUN', 'PROPN'].includes(pos(index + 1))) return pos(index + 2) !== 'ADJ';
  return pos(index + 1) === 'ADJ' && pos(index + 2) === 'NOUN';
}
