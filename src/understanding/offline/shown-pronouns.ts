import type { CatalogItem } from '../../catalog/index.js';
import type { Word } from '../../nlp/index.js';
import { itemDescription } from '../../ranking/candidate-cards.js';
import { isStopword, tokenize } from '../../text/tokenize.js';
import type { Understanding } from '../understanding-schema.js';
import type { CatalogVocabulary } from './catalog-vocabulary.js';
import type { Cue, TasteCue } from './cues.js';
import { listOrdinals } from './list-ordinals.js';

const describing = /^(about|with|where|that|set|starring|featuring|in|from)$/;
const itemNouns = new Set(['one', 'movie', 'film', 'flick', 'pick']);
/** Words before "one" that point by place or by being new, not by what the film is: "the other one". */
const notDescriptive = new Set([
  ...Object.keys(listOrdinals),
  'other',
  'same',
  'last',
  'final',
  'next',
  'previous',
  'new',
  'only',
  'latter',
  'former',
  'right',
  'wrong',
  'this',
  'that',
  'these',
  'those',
  'which',
  'every',
  'each',
  'any',
  'middle',
]);

/** Words that end a description and begin what is said about it. */
const clauseEnds = new Set([
  'but',
  'and',
  'or',
  'though',
  'less',
  'more',
  'is',
  'was',
  'looks',
  'sounds',
  'seems',
  'please',
  'pls',
]);

/** A shown item pointed at by what it is: its 1-based position and the words that point at it. */
export interface DescribedReference {
  position: number;
  start: number;
  end: number;
}

/**
 * "More like the one about the climber", "the bruce willis one", "the time travel one": the shown
 * item whose title, description or people share the most words with the description, when one item
 * clearly does. Places in the list ("the middle one", "the last one") are the shown list's to read.
 */
export function describedReference(
  words: Word[],
  shown: CatalogItem[],
  vocabulary: CatalogVocabulary,
): DescribedReference | null {
  if (shown.length === 0) return null;
  for (let index = 0; index + 1 < words.length; index++) {
    if (words[index]!.norm !== 'the') continue;
    // "the one about the climber"
    if (itemNouns.has(words[index + 1]!.norm) && describing.test(words[index + 2]?.norm ?? '')) {
      // The description ends with its clause: "the one with the shark but less gory".
      let end = index + 3;
      while (
        end < Math.min(words.length, index + 10) &&
        !words[end]!.barrier &&
        !clauseEnds.has(words[end]!.norm)
      )
        end += 1;
      const position = bestMatch(words.slice(index + 3, end), shown, vocabulary);
      return position === null ? null : { position, start: index, end };
    }
    // "the bruce willis one": up to four words, then the noun, within one clause.
    for (let length = 1; length <= 4; length++) {
      const noun = words[index + 1 + length];
      if (!noun || !itemNouns.has(noun.norm)) continue;
      const between = words.slice(index + 1, index + 1 + length);
      if (between.some((word, at) => word.barrier || (at === 0 && notDescriptive.has(word.norm)))) break;
      if (between.some((word) => notDescriptive.has(word.norm) || itemNouns.has(word.norm))) break;
      const position = bestMatch(between, shown, vocabulary);
      if (position !== null) return { position, start: index, end: index + 2 + length };
      break;
    }
  }
  return null;
}

/** The one shown item that shares the most of these words (title, people, genres, description). */
function bestMatch(described: Word[], shown: CatalogItem[], vocabulary: CatalogVocabulary): number | null {
  const wanted = new Set(
    described
      .map((word) => word.lemma)
      .filter((word) => (word.length >= 3 || /^\d0s$/.test(word)) && !isStopword(word)),
  );
  // "the cartoon one": a genre's everyday word stands for the genre.
  for (const match of vocabulary.lexicon.matcher.match(described))
    for (const value of match.values) if (value.kind === 'genre') wanted.add(value.genre);
  if (wanted.size === 0) return null;
  const scores = shown.map((item) => {
    // "the 90s one": an item's decade is part of what describes it.
    const decade = item.year === undefined ? '' : `${String(Math.floor(item.year / 10) * 10).slice(2)}s`;
    const text = new Set(
      tokenize(
        `${item.title} ${item.people.join(' ')} ${item.genres.join(' ')} ${decade} ${itemDescription(item, vocabulary.catalog)}`,
      ),
    );
    let score = 0;
    for (const word of wanted) if ([...text].some((other) => other.startsWith(word.slice(0, 5)))) score += 1;
    return score;
  });
  let best = 0;
  for (const score of scores) if (score > best) best = score;
  if (best > 0 && scores.filter((score) => score === best).length === 1) return scores.indexOf(best) + 1;
  return null;
}

/** How picks not yet watched are praised: "these look great", "those sound nice", "these are great". */
const praiseVerbs = new Set(['look', 'looks', 'sound', 'sounds', 'seem', 'seems', 'are', 're', "'re", 'r']);

const pluralObjects = new Set(['them', 'those', 'these', 'both', 'em', 'every', 'each', 'they', 'theyre']);
const singleObjects = new Set(['it', 'that', 'this']);

const rank = (type: TasteCue) => (type === 'liked' || type === 'disliked' ? 0 : 1);

/** "Seen them all", "loved it", "those look great": a verdict on the shown list without a position. */
export function pronounFeedback(
  words: Word[],
  tasteCues: Cue<TasteCue>[],
  shownCount: number,
): Understanding['shownFeedback'] {
  // A liking or dislike beats "seen": "seen em all, loved em all", "seen it, never again".
  const ordered = [...tasteCues].sort((left, right) => rank(left.type) - rank(right.type));
  for (const cue of ordered) {
    if (cue.type === 'unseen') return [];
    if (cue.type === 'anchor') continue;
    if (['fine', 'ok', 'okay', 'alright', 'cool', 'nice', 'perfect'].includes(words[cue.start]!.norm))
      continue;
    // The pronoun is the verdict's object ("seen them all") or its subject ("those look great").
    const object = (words[cue.end]?.barrier ? [] : words.slice(cue.end, cue.end + 4)).map(
      (word) => word.norm,
    );
    const subject = words.slice(Math.max(0, cue.start - 3), cue.start).map((word) => word.norm);
    // The cue may hold its own pronoun: "seen it", "seen them".
    const own = words.slice(cue.start, cue.end).map((word) => word.norm);
    const near = [...object, ...subject, ...own];
    const plural = near.some((word) => pluralObjects.has(word)) || object[0] === 'all';
    const single = near.some((word) => singleObjects.has(word));
    if (!plural && !single) continue;
    if (single && !plural && shownCount !== 1) continue;
    // "These are great, thank you!", "those look interesting": praise of picks not yet watched is no
    // verdict on each ("loved them all" is; so is "seen them all, they're all great").
    const praisedAsSubject =
      cue.type === 'liked' &&
      object[0] !== 'all' &&
      !object.some((word) => pluralObjects.has(word) || singleObjects.has(word)) &&
      !own.some((word) => pluralObjects.has(word) || singleObjects.has(word)) &&
      subject.some((word) => word === 'these' || word === 'those') &&
      [...subject, ...own].some((word) => praiseVerbs.has(word));
    if (praisedAsSubject && !tasteCues.some((other) => other.type === 'seen')) continue;
    const sentiment = cue.type === 'liked' ? 'liked' : cue.type === 'disliked' ? 'disliked' : 'seen';
    return Array.from({ length: shownCount }, (_, index) => ({ position: index + 1, sentiment }));
  }
  return [];
}

/** Words a question about a film's facts opens with: "who directed it?", "is that one scary?" — not "have you seen it?". */
const questionOpeners = new Set([
  'who',
  'whos',
  'what',
  'whats',
  'when',
  'how',
  'why',
  'which',
  'is',
  'was',
  'does',
  'tell',
]);
const fillers = new Set(['so', 'and', 'ok', 'okay', 'oh', 'wait', 'hmm', 'also', 'but']);

/**
 * "who directed it?", "how long is that one?": after a single pick, a question about its facts whose
 * object is "it", "that (one)" or "this (one)" asks about that pick. The word index of the pronoun,
 * else null; with several shown the pronoun points at none of them in particular, and a question to
 * the listener ("have you seen it?", "did you like it?") is no question about the film.
 */
export function soleShownPronoun(words: Word[], shownCount: number, askedPosition?: number): number | null {
  // With several shown, "it" is the one the last question was about ("why the first?" → "who's in it?").
  if (shownCount !== 1 && askedPosition === undefined) return null;
  // A clause opens on a question word: "who directed it?", "i haven't seen it, is it scary?".
  const asks = words.some((word, index) => {
    if (index > 0 && !word.barrier) return false;
    let at = index;
    while (fillers.has(words[at]?.norm ?? '')) at++;
    return questionOpeners.has(words[at]?.norm ?? '');
  });
  if (!asks) return null;
  // The pronoun ends its clause ("who directed it?"), names the pick ("that one") or is the subject of
  // the question ("is it long?"); not "that" opening a clause.
  const at = words.findIndex(
    (word, index) =>
      singleObjects.has(word.norm) &&
      (index === words.length - 1 ||
        words[index + 1]!.barrier ||
        words[index + 1]!.norm === 'one' ||
        // "is it long?", "does it have subtitles?": the pronoun as the question's subject.
        ['is', 'was', 'does'].includes(words[index - 1]?.norm ?? '')),
  );
  return at >= 0 ? at : null;
}
