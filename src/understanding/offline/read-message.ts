import type { CatalogItem } from '../../catalog/index.js';
import { messageWords, type Analysis, type SpellingCorrector, type Word } from '../../nlp/index.js';
import { titleWithYear } from '../../catalog/title-with-year.js';
import { isStopword, tokenize } from '../../text/tokenize.js';
import { cleanQuery } from '../clean-query.js';
import { emptyUnderstanding, type Understanding } from '../understanding-schema.js';
import type { CatalogVocabulary } from './catalog-vocabulary.js';
import { absentViewer } from './absent-viewers.js';
import { isContentFree } from './content-free.js';
import { clauseBreak, type CueMatchers, type Cue, type TasteCue } from './cues.js';
import { findMentions, type Mention } from './mentions.js';
import { holdsTitleVerdict } from './others-verdict.js';
import { isTasteStatement } from './intent.js';
import { polarityOf, scopeLookup, type Polarity } from './scope.js';
import { asksForSomething, descriptionAfter, readTitleVerdicts } from './title-verdicts.js';
import { listenerBefore } from './listener-question.js';
import { findUnknownTitles } from './unknown-titles.js';
import { correctedWords } from './corrected-words.js';
import { tasteCuesOf } from './verdict-words.js';
import { readShownList, shownReferences } from './shown-list.js';
import { combineYears, readYears } from './years.js';
import { readQuantity } from './quantity.js';
import { describedReference, pronounFeedback, soleShownPronoun } from './shown-pronouns.js';
import { personCued } from './people-finder.js';
import { readYearDirection } from './year-direction.js';
import { relaxedLimits } from './limit-words.js';
import { castOfTitle, pointsAtTitle } from './about-title.js';
import { fanVerdict } from './fan-of-title.js';

/** A negation earlier in the same stretch of words (no comma between): "rather not watch anything made …". */
function negatedInClause(words: Word[], start: number): boolean {
  for (let index = start - 1; index >= 0 && index >= start - 8; index--) {
    if (words[index + 1]!.barrier) return false;
    if (['not', "n't", 'nt', 'never', 'nothing', 'no'].includes(words[index]!.norm)) return true;
  }
  return false;
}

/** The token index of the "(" whose bracket holds this token, when only titles and commas come between. */
function openingBracketBefore(analysis: Analysis, token: number): number | undefined {
  for (let index = token - 1; index >= 0 && index >= token - 12; index--) {
    const text = analysis.tokens[index]!.text;
    if (text === '(') return index;
    if (text === ')' || /[.!?;:]/.test(text)) return undefined;
  }
  return undefined;
}

/** "Think Coco meets Once", "Alien meets Die Hard": two titles blended into what is wanted are anchors. */
function fondTitles(words: Word[], mentions: Mention[]): string[] {
  const titles = mentions.flatMap((mention) => (mention.kind === 'title' ? [mention] : []));
  const out: string[] = [];
  titles.forEach((left, index) => {
    const right = titles[index + 1];
    if (!right || right.start !== left.end + 1 || !['meets', 'meet'].includes(words[left.end]!.norm)) return;
    for (const item of [...left.title.items, ...right.title.items]) out.push(titleWithYear(item));
  });
  // "Her favorite is Wonder Woman and mine is Black Panther": "mine" stands for "my favourite".
  const favourite = words.some((word) => favouriteWords.has(word.norm));
  for (const title of titles) {
    const [before, verb] = [words[title.start - 2]?.norm, words[title.start - 1]?.norm];
    if (favourite && before === 'mine' && ['is', "'s", 's', 'was', 'has'].includes(verb ?? ''))
      for (const item of title.title.items) out.push(titleWithYear(item));
  }
  return out;
}

const favouriteWords = new Set(['favorite', 'favourite', 'fav', 'fave', 'favorites', 'favourites']);

/** One-word refusals that turn a list down only when the user is not saying they are done. */
const bareRefusals = new Set(['nah', 'nope', 'no']);

/** What the reader found in one message, before intent: the delta's fields plus what intent needs. */
export interface MessageReading {
  understanding: Understanding;
  analysis: Analysis;
  /** Content the message asks for on its own (titles liked, genres, people, qualities, audiences, years, plot words). */
  ownContent: boolean;
  /** A comparative or a relaxation that only makes sense against the current request. */
  adjusts: boolean;
  /** Words of the message that are about the topic (plot, mood), as a query. */
  query: string;
  mentions: Mention[];
  /** The user's own word for each quality ("gory" for violent), for replies. */
  qualityWords: Record<string, string>;
  /** The message states tastes ("I like comedies") rather than asking for something. */
  statement: boolean;
  /** Genres of the titles the message likes. */
  likedGenres: string[];
  /** The message asks for nothing at all: small talk (see `isContentFree`). */
  contentFree: boolean;
  /** Where "it" points at the single pick shown ("who directed it?"), as characters of the text. */
  pickPronoun?: { start: number; end: number };
  /** People the message asks for by a cue ("Kubrick's films", "more nolan", "with Tom Hanks"), not only likes. */
  askedPeople: string[];
  /** Topics the message rules out ("no zombies" → zombie): items about them go last. */
  avoidTopics: string[];
}

export interface ReadContext {
  vocabulary: CatalogVocabulary;
  cues: CueMatchers;
  /** Corrects misspelled cue and concept words. */
  speller?: SpellingCorrector;
  /** The list shown before this message, in order. */
  lastShown: CatalogItem[];
  /** The position of the item the last question was about ("why the first?"). */
  askedPosition?: number;
  currentYear: number;
  /** The assistant asked whether the user has seen what it listed: a bare "yes" says seen. */
  askedIfSeen?: boolean;
}

/** Removes character ranges from a text. */
function without(text: string, ranges: [number, number][]): string {
  let out = '';
  let cursor = 0;
  for (const [start, end] of [...ranges].sort((left, right) => left[0] - right[0])) {
    if (start < cursor) {
      cursor = Math.max(cursor, end);
      continue;
    }
    out += `${text.slice(cursor, start)} `;
    cursor = end;
  }
  return (out + text.slice(cursor)).replace(/\s+/g, ' ').trim();
}

/**
 * Reads one user message into a delta (without intent): titles with sentiment (misspelled and
 * series too), hard constraints, preferences, qualities, audiences, relaxations, years, shown-list
 * references and feedback, quantity, and the topic words as a query.
 */
export function readMessage(text: string, context: ReadContext): MessageReading {
  const { vocabulary, cues, lastShown } = context;
  const analysis = vocabulary.analyzer.analyze(text);
  const words = context.speller
    ? correctedWords(analysis, messageWords(analysis), context.speller)
    : messageWords(analysis);
  // A reference to the shown list ("the others", "the first") is no title ("The Others").
  const found = findMentions(analysis, words, vocabulary);
  const listReferences =
    lastShown.length > 0 ? shownReferences(analysis, words, lastShown.length, found) : [];
  // "the bruce willis one": words that describe a shown item point at it and ask for nothing.
  const described = describedReference(words, lastShown, vocabulary);
  const mentions = found.filter(
    (mention) =>
      (mention.kind !== 'title' ||
        !listReferences.some(
          (reference) => reference.start < mention.end && mention.start < reference.end,
        )) &&
      !(described && described.start <= mention.start && mention.end <= described.end),
  );
  const inMention = new Set<number>();
  for (const mention of mentions)
    for (let index = mention.start; index < mention.end; index++) inMention.add(index);
  const titleWords = new Set<number>();
  for (const mention of mentions)
    if (mention.kind === 'title')
      for (let index = mention.start; index < mention.end; index++) titleWords.add(index);
  const scopeCues = cues.find(cues.scope, words, (index) => inMention.has(index));
  // A weak concept word ("fun", "fine") may still be a verdict on a title: "Barbie was fun".
  const strongMention = new Set<number>();
  for (const mention of mentions)
    if (!('weak' in mention && mention.weak))
      for (let index = mention.start; index < mention.end; index++) strongMention.add(index);
  const tasteCues = tasteCuesOf(cues, analysis, words, (index) => strongMention.has(index));
  const tasteAt = new Map<number, Cue<TasteCue>>();
  for (const cue of tasteCues) for (let index = cue.start; index < cue.end; index++) tasteAt.set(index, cue);
  // Titles the catalog lacks take part in lists and verdicts like the others ("Glass Onion less so").
  const cueWords = new Set<number>();
  for (const cue of [...tasteCues, ...scopeCues])
    for (let index = cue.start; index < cue.end; index++) cueWords.add(index);
  const unknownTitles = findUnknownTitles(analysis, words, mentions, tasteAt, (index) =>
    cueWords.has(index),
  ).filter(
    (unknown) =>
      !listReferences.some((reference) => reference.start < unknown.end && unknown.start < reference.end),
  );
  const lookup = scopeLookup(analysis, words, scopeCues, [...mentions, ...unknownTitles]);
  const understanding = emptyUnderstanding();
  const { constraints, preferences, relax } = understanding;
  const askedPeople: string[] = [];
  const removeFromQuery: [number, number][] = [];
  const charRange = (start: number, end: number): [number, number] => [
    analysis.tokens[words[start]!.token]!.start,
    analysis.tokens[words[Math.max(start, end - 1)]!.token]!.end,
  ];
  let ownContent = false;
  let adjusts = false;
  const qualityWords: Record<string, string> = {};
  const cuedQualities = new Set<string>();
  const addUnique = <Value>(list: Value[], value: Value) => {
    if (!list.includes(value)) list.push(value);
  };

  // 1. Titles with sentiment; a series lists every film. A title named twice keeps its verdict.
  const tasteAll = new Map<number, Cue<TasteCue>>();
  for (const cue of tasteCuesOf(cues, analysis, words, (index) => titleWords.has(index)))
    for (let index = cue.start; index < cue.end; index++) tasteAll.set(index, cue);
  const titleMentions = [...mentions, ...unknownTitles].sort((left, right) => left.start - right.start);
  const backAnchors = cues.find(cues.backAnchor, words, (index) => inMention.has(index));
  // "Have you seen it?": a verdict word asked of the listener is no verdict of the user's.
  const ownVerdicts = (cues: Map<number, Cue<TasteCue>>) =>
    new Map([...cues].filter(([, cue]) => cue.type === 'anchor' || !listenerBefore(words, cue.start)));
  const verdicts = readTitleVerdicts(
    lookup,
    { strong: ownVerdicts(tasteAt), all: ownVerdicts(tasteAll), back: backAnchors },
    titleMentions,
  );
  for (const unknown of unknownTitles) {
    understanding.mentionedTitles.push({
      title: unknown.title.text,
      sentiment: verdicts.sentiments.get(unknown.start) ?? 'neutral',
    });
    removeFromQuery.push([unknown.title.start, unknown.title.end]);
    ownContent = true;
  }
  // "never got around to Casablanca but I adore Roman Holiday, more like that": unseen is no anchor.
  const unseenTitles = new Set<string>();
  for (const mention of mentions) {
    if (mention.kind !== 'title') continue;
    if (verdicts.unseen.has(mention.start))
      for (const item of mention.title.items) unseenTitles.add(titleWithYear(item));
    const said = verdicts.sentiments.get(mention.start) ?? 'neutral';
    const sentiment = said === 'neutral' ? (fanVerdict(words, mention.end, mention.start) ?? said) : said;
    for (const item of mention.title.items) {
      const title = titleWithYear(item);
      const existing = understanding.mentionedTitles.find((entry) => entry.title === title);
      if (!existing) understanding.mentionedTitles.push({ title, sentiment });
      else if (existing.sentiment === 'neutral' || (existing.sentiment === 'seen' && sentiment !== 'neutral'))
        existing.sentiment = sentiment;
    }
    if (sentiment === 'liked') ownContent = true;
    removeFromQuery.push([mention.title.start, mention.title.end]);
  }
  const asks = asksForSomething(lookup, verdicts.descriptions);
  const verdictWords = new Map([...tasteAll].filter(([, cue]) => cue.type !== 'anchor'));
  // What describes a shown item ("the first was too confusing") is feedback on it, even a complaint.
  const shownDescriptions = listReferences
    .map((reference) => descriptionAfter(lookup, tasteAt, reference))
    .filter((range): range is [number, number] => range !== undefined);
  const within = (ranges: [number, number][], mention: Mention) =>
    ranges.some(([start, end]) => mention.start >= start && mention.end <= end);
  const describesTitle = (mention: Mention, polarity: Polarity) =>
    (within(verdicts.descriptions, mention) && (polarity === 'positive' || polarity === 'more')) ||
    (within(shownDescriptions, mention) &&
      (polarity === 'positive' || polarity === 'more' || polarity === 'soften'));

  // Titles named in a message that asks for "something similar" are its anchors; "both great" after
  // a list of titles is a verdict on each.
  // "…, anything like that?", "war films like those", "more in that style": an anchor word pointing back.
  const demonstratives = new Set(['that', 'those', 'these', 'this', 'them', 'it', 'em']);
  const backAnchor =
    backAnchors.length > 0 ||
    tasteCues.some(
      (cue) =>
        cue.type === 'anchor' &&
        (demonstratives.has(words[cue.end]?.norm ?? '') ||
          demonstratives.has(words[cue.end - 1]?.norm ?? '') ||
          demonstratives.has(words[cue.start - 1]?.norm ?? '')) &&
        !mentions.some(
          (mention) => mention.kind === 'title' && mention.start >= cue.end && mention.start <= cue.end + 1,
        ),
    );
  // A message of titles and nothing else ("um the notebook and la la land") offers them as examples.
  const onlyTitles =
    understanding.mentionedTitles.length > 0 &&
    tasteCues.length === 0 &&
    scopeCues.every((cue) => cue.type === 'heads') &&
    !/\?\s*$/.test(text) &&
    mentions.every((mention) => mention.kind === 'title') &&
    topicWords(cleanQuery(without(text, removeFromQuery))) === 0;
  const lastTitle = Math.max(
    -1,
    ...mentions.filter((mention) => mention.kind === 'title').map((mention) => mention.end),
  );
  const collective = tasteCues.find((cue) => {
    if ((cue.type !== 'liked' && cue.type !== 'disliked') || cue.start < lastTitle) return false;
    const near = words.slice(Math.max(0, cue.start - 2), cue.end + 2);
    return near.some(
      (word, offset) =>
        ['both', 'them', 'they', 'each'].includes(word.norm) ||
        (word.norm === 'all' && near[offset - 1]?.norm !== 'at'),
    );
  });
  for (const title of understanding.mentionedTitles) {
    if (unseenTitles.has(title.title)) continue;
    if (collective && (title.sentiment === 'neutral' || title.sentiment === 'seen'))
      title.sentiment = collective.type === 'liked' ? 'liked' : 'disliked';
    else if ((backAnchor || onlyTitles) && (title.sentiment === 'neutral' || title.sentiment === 'seen'))
      title.sentiment = 'liked';
  }
  for (const title of fondTitles(words, mentions)) {
    const entry = understanding.mentionedTitles.find((other) => other.title === title);
    if (entry && (entry.sentiment === 'neutral' || entry.sentiment === 'seen')) entry.sentiment = 'liked';
  }

  // 2. People, genres, qualities and audiences, each with what governs it.
  for (const mention of mentions) {
    if (mention.kind === 'title') continue;
    const polarity = polarityOf(lookup, mention);
    const comparative = mention.kind === 'concept' && isComparative(analysis, words, mention.start);
    if ((mention.kind === 'concept' || mention.kind === 'genre') && mention.weak) {
      const cued =
        !qualifiesOtherNoun(analysis, words, mention, mentions) &&
        (polarity !== 'positive' || comparative || weakTermInContext(words, mention, mentions));
      if (!cued) continue;
    }
    const range = charRange(mention.start, mention.end);
    // "Roma was slow but gorgeous", "my favourite action series": words that describe a title ask for nothing.
    const describes =
      mention.kind === 'genre' || (mention.kind === 'concept' && mention.conceptKind === 'quality');
    if (describes && !comparative && describesTitle(mention, polarity)) {
      removeFromQuery.push(range);
      continue;
    }
    if (polarity === 'drop') {
      removeFromQuery.push(range);
      continue;
    }
    if (mention.kind === 'person') {
      // "Hero with Jet Li was stunning": the cast named after a title tells which film, unless the
      // message asks for more of them.
      if (!asks && castOfTitle(words, mentions, mention) && polarity === 'positive') {
        removeFromQuery.push(range);
        continue;
      }
      if (polarity === 'exclude') addUnique(constraints.excludePeople, mention.name);
      else if (polarity === 'require') addUnique(constraints.people, mention.name);
      else if (polarity === 'relax') addUnique(relax.excludePeople, mention.name);
      else if (polarity !== 'unrequire' && polarity !== 'soften') {
        addUnique(preferences.people, mention.name);
        if (askedByCue(words, mention.start, mention.end)) addUnique(askedPeople, mention.name);
        ownContent = true;
        continue;
      }
      removeFromQuery.push(range);
    } else if (mention.kind === 'genre') {
      if (polarity === 'exclude') addUnique(constraints.excludeGenres, mention.genre);
      else if (polarity === 'require') addUnique(constraints.genres, mention.genre);
      else if (polarity === 'relax') addUnique(relax.excludeGenres, mention.genre);
      else if (polarity === 'unrequire') relax.genres = true;
      else if (polarity !== 'soften') {
        addUnique(preferences.genres, mention.genre);
        // "More action please" adjusts the request; "an action movie" is one.
        if (polarity === 'more' && words[mention.start - 1]?.norm !== 'very') adjusts = true;
        else ownContent = true;
        continue;
      }
      removeFromQuery.push(range);
    } else if (mention.conceptKind === 'audience') {
      // "Loved Frozen, my daughter even more" tells who liked it; "watched Big with my kids, more like that" asks.
      // "My friends all rave about The Dark Knight" tells whose taste it is, unless the message asks for them.
      const holder = !asks && holdsTitleVerdict(lookup, mention.start, mention.end, verdictWords);
      // "Kids are finally asleep, now something for me": a viewer who is away watches nothing.
      // "for my husband to watch on his flight": a partner or friends watching without the user make
      // no date night or group (a child watching alone still needs films fit for a child).
      const away =
        absentViewer(words, mention.start, mention.end) ||
        (vocabulary.lexicon.isOccasion(mention.id) && watchesAlone(words, mention.end));
      if (polarity !== 'exclude' && !holder && !away && !(within(verdicts.descriptions, mention) && !asks)) {
        addUnique(understanding.audiences, mention.id);
        ownContent = true;
      }
      removeFromQuery.push(range);
    } else {
      if (polarity === 'relax' || polarity === 'unrequire') {
        addUnique(relax.qualities, mention.id);
        removeFromQuery.push(range);
        adjusts = true;
        continue;
      }
      // "Back to the Future is perfect, anything with that energy?": a quality noun pointing back at a
      // title named is the title's, said as an anchor, not a mood of its own.
      if (pointsAtTitle(analysis, words, mention, understanding.mentionedTitles.length > 0)) {
        removeFromQuery.push(range);
        continue;
      }
      // "These are all so grim": a quality the shown list has too much of — said in the same clause
      // ("these are long, anything shorter?": "shorter" is the wish, not the complaint).
      let clauseStart = mention.start;
      while (clauseStart > 0 && !words[clauseStart]!.barrier) clauseStart--;
      const before = words.slice(Math.max(clauseStart, mention.start - 4), mention.start);
      const complaint =
        lastShown.length > 0 &&
        before.some((word) => ['these', 'those', 'they', 'theyre', "they're"].includes(word.norm)) &&
        before.some((word) => ['are', 'were', 'look', 'seem', 'feel', "'re", 're'].includes(word.norm));
      const unwanted = polarity === 'exclude' || polarity === 'soften' || complaint;
      const wanted = unwanted === mention.opposite ? 'more' : 'less';
      qualityWords[mention.id] = text.slice(range[0], range[1]).toLowerCase();
      const existing = understanding.qualities.find((quality) => quality.id === mention.id);
      // "nothing too scary, the 6 yo gets nightmares", "less slow? i fall asleep during slow burns":
      // a quality asked for in so many words is not undone by the same word said in passing.
      const cued = polarity !== 'positive' || comparative || complaint;
      if (cued) cuedQualities.add(mention.id);
      if (existing && !cued && cuedQualities.has(mention.id)) {
        if (existing.polarity === 'less') removeFromQuery.push(range);
        continue;
      }
      if (existing) existing.polarity = wanted;
      else understanding.qualities.push({ id: mention.id, polarity: wanted });
      if (comparative || polarity === 'soften' || words[mention.start - 1]?.norm === 'more') adjusts = true;
      else ownContent = true;
      if (wanted === 'less') removeFromQuery.push(range);
    }
  }
  // The most specific audience wins: "my nephew, he is seven" is young-kids, not also kids.
  const specific = mentions
    .filter((mention) => mention.kind === 'concept' && mention.fromAge)
    .map((mention) => (mention.kind === 'concept' ? mention.id : ''));
  if (
    understanding.audiences.includes('kids') &&
    !specific.includes('kids') &&
    understanding.audiences.some((id) => id === 'young-kids' || id === 'teens')
  )
    understanding.audiences = understanding.audiences.filter((id) => id !== 'kids');
  // "Never mind the sci-fi, a romcom": the message names the genre that replaces the old one.
  if (relax.genres && (constraints.genres.length > 0 || preferences.genres.length > 0)) relax.genres = false;
  constraints.genres = constraints.genres.filter((genre) => !constraints.excludeGenres.includes(genre));
  preferences.genres = preferences.genres.filter(
    (genre) => !constraints.excludeGenres.includes(genre) && !constraints.genres.includes(genre),
  );
  preferences.people = preferences.people.filter(
    (person) => !constraints.excludePeople.includes(person) && !constraints.people.includes(person),
  );

  // "a huge Florence Pugh kick lately (Midsommar, Little Women)": titles in brackets right after a
  // person the user wants more of are examples of what they liked.
  for (const mention of mentions) {
    if (mention.kind !== 'title') continue;
    const open = openingBracketBefore(analysis, words[mention.start]!.token);
    if (open === undefined) continue;
    const wanted = mentions.some((other) => {
      if (other.kind !== 'person' || !preferences.people.includes(other.name)) return false;
      const gap = open - words[other.end - 1]!.token;
      return gap > 0 && gap <= 4;
    });
    if (!wanted) continue;
    for (const item of mention.title.items) {
      const entry = understanding.mentionedTitles.find((other) => other.title === titleWithYear(item));
      if (entry?.sentiment === 'neutral') entry.sentiment = 'liked';
    }
  }

  // "These all have Robert De Niro. Could you recommend some without him?": a pronoun under a
  // negation stands for the person named last before it.
  for (const [index, word] of words.entries()) {
    if (word.norm !== 'him' && word.norm !== 'her') continue;
    if (polarityOf(lookup, { start: index, end: index + 1 }) !== 'exclude') continue;
    const person = mentions.filter((mention) => mention.kind === 'person' && mention.end <= index).pop();
    if (person?.kind !== 'person') continue;
    addUnique(constraints.excludePeople, person.name);
    preferences.people = preferences.people.filter((name) => name !== person.name);
  }

  // 3. Years: limits, a direction, or "any year".
  // A limit under a relaxing cue lifts the years instead: "doesn't have to be 80s", "not limit it to the 90s".
  const years = readYears(analysis, words, context.currentYear);
  const yearWords = new Set<number>([...titleWords]);
  // "the 90s one" describes a shown item; it limits nothing.
  const stated = years.spans.filter(
    (span) =>
      !titleWords.has(span.start) &&
      !(described && described.start <= span.start && span.end <= described.end),
  );
  const kept = stated.flatMap((span) => {
    const polarity = polarityOf(lookup, span);
    if (polarity === 'relax' || polarity === 'unrequire' || polarity === 'drop') {
      relax.years = true;
      return [];
    }
    // "I'd rather not watch anything made before 1980": an open bound under a negation turns over.
    if (
      polarity === 'exclude' &&
      negatedInClause(words, span.start) &&
      (span.from === null) !== (span.to === null)
    )
      return [
        span.from === null
          ? { ...span, from: span.to! + 1, to: null }
          : { ...span, from: null, to: span.from - 1 },
      ];
    return [span];
  });
  for (const span of stated) {
    for (let index = span.start; index < span.end; index++) yearWords.add(index);
    removeFromQuery.push(charRange(span.start, span.end));
  }
  // A message that lifts a year limit sets none: "seen the 90s ones, let's not limit it to the 90s".
  const limits = combineYears(relax.years ? [] : kept);
  constraints.yearFrom = limits.yearFrom;
  constraints.yearTo = limits.yearTo;
  if (kept.length > 0 && !relax.years) ownContent = true;
  // "Open to anything except romance", "anything goes but westerns": an exclusion, not a relaxation.
  const excludes = constraints.excludeGenres.length > 0 || constraints.excludePeople.length > 0;
  for (const cue of scopeCues) {
    if (cue.type === 'anyYear') relax.years = true;
    if (cue.type === 'anyGenre' && !excludes) relax.genres = true;
    if (cue.type === 'anyYear' || cue.type === 'anyGenre') {
      removeFromQuery.push(charRange(cue.start, cue.end));
      adjusts = true;
    }
  }
  // "Decade doesn't really matter", "the genre isn't important": the word for a kind of limit, relaxed.
  for (const { kind, index } of relaxedLimits(
    lookup,
    (index) => inMention.has(index) || yearWords.has(index),
  )) {
    if (kind === 'genres' && excludes) continue;
    if (kind === 'years') relax.years = true;
    else relax.genres = true;
    removeFromQuery.push(charRange(index, index + 1));
    adjusts = true;
  }
  if (relax.years && constraints.yearFrom === null && constraints.yearTo === null) {
    // "Older ones are fine": the relaxation, not a direction.
  } else {
    const { direction, spans } = readYearDirection(words, mentions, yearWords);
    if (direction && constraints.yearFrom === null && constraints.yearTo === null) {
      understanding.yearDirection = direction;
      adjusts = true;
    }
    for (const [start, end] of spans) removeFromQuery.push(charRange(start, end));
  }

  // 4. The shown list: references, verdicts, a rejection.
  const shownList = readShownList(analysis, words, lastShown.length, mentions, tasteCues, scopeCues, {
    askedIfSeen: context.askedIfSeen ?? false,
  });
  // "who directed it?" after a single pick: the pronoun is that pick (a named title takes it otherwise).
  const pickPronoun =
    shownList.referencedPosition === null &&
    !described &&
    !mentions.some((mention) => mention.kind === 'title')
      ? soleShownPronoun(words, lastShown.length, context.askedPosition)
      : null;
  // "more like that one" right after "why the first?": the film the question was about.
  const likeAsked =
    context.askedPosition !== undefined &&
    shownList.referencedPosition === null &&
    !described &&
    /\blike (?:that|it|this)(?: one)?\b/i.test(analysis.text);
  understanding.referencedPosition =
    shownList.referencedPosition ??
    described?.position ??
    (pickPronoun === null ? null : lastShown.length === 1 ? 1 : (context.askedPosition ?? null)) ??
    (likeAsked ? context.askedPosition! : null);
  understanding.shownFeedback = shownList.feedback;
  // "the time travel one sounds good": a verdict right after a shown item named by what it is.
  if (described && !understanding.shownFeedback.some((entry) => entry.position === described.position)) {
    const verdict = tasteCues.find(
      (cue) => cue.start >= described.end && cue.start <= described.end + 1 && cue.type !== 'anchor',
    );
    const sentiment = verdict?.type;
    if (sentiment === 'liked' || sentiment === 'disliked' || sentiment === 'seen')
      understanding.shownFeedback.push({ position: described.position, sentiment });
  }
  const referenceWords = new Set<number>();
  for (const reference of shownList.references) {
    removeFromQuery.push(charRange(reference.start, reference.end));
    for (let index = reference.start; index < reference.end; index++) referenceWords.add(index);
  }
  if (lastShown.length > 0) {
    // "Seen all of them obviously. The first is the best": a verdict on the whole list, from a
    // sentence that names no title or position, fills the positions the others leave.
    // Sentences by their marks ("…obviously. the first is the best" is two, lowercase or not).
    const segment: number[] = [];
    words.forEach((_, index) => {
      segment.push(index === 0 ? 0 : segment[index - 1]! + (clauseBreak(analysis, words, index - 1) ? 1 : 0));
    });
    const sentenceOf = (index: number) => segment[index]!;
    const busy = new Set(
      [...titleMentions, ...shownList.references].map((mention) => sentenceOf(mention.start)),
    );
    const general = pronounFeedback(
      words,
      tasteCues.filter((cue) => !busy.has(sentenceOf(cue.start))),
      lastShown.length,
    );
    for (const entry of general)
      if (!understanding.shownFeedback.some((other) => other.position === entry.position))
        understanding.shownFeedback.push(entry);
    // "Free Solo had my palms sweating, loved it": a verdict on a shown item named by its title.
    for (const title of understanding.mentionedTitles) {
      if (title.sentiment !== 'liked' && title.sentiment !== 'disliked' && title.sentiment !== 'seen')
        continue;
      const position = lastShown.findIndex((item) => titleWithYear(item) === title.title) + 1;
      if (position > 0 && !understanding.shownFeedback.some((entry) => entry.position === position))
        understanding.shownFeedback.push({ position, sentiment: title.sentiment });
    }
    understanding.shownFeedback.sort((left, right) => left.position - right.position);
  }
  // "nah thats it, cheers": a bare "nah" before a word of being done answers "anything else?".
  const done = cues.find(cues.satisfied, words).length > 0;
  const rejected = cues
    .find(cues.rejectShown, words, (index) => inMention.has(index))
    .filter((cue) => !(done && cue.end - cue.start === 1 && bareRefusals.has(words[cue.start]!.norm)))
    // "great, noted. now for something else entirely": a new topic after "now", not a rejection.
    .filter((cue) => !afterNow(words, cue.start));
  const asksLikeIt = /\blike (it|that|this|them|those|these)\b/i.test(text);
  // "Seen all the Toy Story ones, anything else animated?": "else" is besides the titles named.
  const besidesTitles =
    understanding.mentionedTitles.length > 0 &&
    rejected.every((cue) => words.slice(cue.start, cue.end).some((word) => word.norm === 'else'));
  if (
    lastShown.length > 0 &&
    rejected.length > 0 &&
    !besidesTitles &&
    shownList.references.length === 0 &&
    understanding.referencedPosition === null &&
    !asksLikeIt
  ) {
    understanding.rejectsShown = true;
    understanding.shownFeedback = understanding.shownFeedback.filter(
      (entry) => entry.sentiment !== 'disliked',
    );
    for (const cue of rejected) removeFromQuery.push(charRange(cue.start, cue.end));
  }

  // 5. Quantity.
  // A genre word may itself be the noun counted: "two romcoms", "5 docs", "just the one documentary".
  const genreEnds = mentions.filter((mention) => mention.kind === 'genre').map((mention) => mention.end - 1);
  const taken = new Set([...yearWords, ...inMention, ...referenceWords]);
  const quantity = readQuantity(words, taken, new Set(genreEnds));
  if (quantity) {
    understanding.quantity = quantity.value;
    removeFromQuery.push(charRange(quantity.span[0], quantity.span[1]));
  }

  // 6. Topics ruled out: "no zombies", "something without aliens" — a plain noun under a negation is
  // no topic to search for; items about it go after the others.
  const avoidTopics: string[] = [];
  for (const [index, word] of words.entries()) {
    const token = analysis.tokens[word.token]!;
    if (inMention.has(index) || !['NOUN', 'PROPN'].includes(token.pos)) continue;
    if (word.norm.length < 4 || isStopword(word.norm) || !/^\p{L}+$/u.test(word.norm)) continue;
    if (polarityOf(lookup, { start: index, end: index + 1 }) !== 'exclude') continue;
    // The word as typed and its lemma: the text search does not stem ("aliens" is the film's title).
    addUnique(avoidTopics, word.lemma);
    addUnique(avoidTopics, word.norm);
    removeFromQuery.push(charRange(index, index + 1));
  }

  // 7. The topic words: what is left once titles, constraints and scaffolding are taken out.
  for (const cue of scopeCues) if (cue.type !== 'more') removeFromQuery.push(charRange(cue.start, cue.end));
  const query = cleanQuery(without(text, removeFromQuery));
  if (topicWords(query) >= 2) ownContent = true;
  understanding.queries = query.length > 2 ? [query] : [];
  const liked = new Set(
    understanding.mentionedTitles.filter((title) => title.sentiment === 'liked').map((title) => title.title),
  );
  const likedGenres = [
    ...new Set(
      mentions.flatMap((mention) =>
        mention.kind === 'title'
          ? mention.title.items
              .filter((item) => liked.has(titleWithYear(item)))
              .flatMap((item) => item.genres)
          : [],
      ),
    ),
  ];
  return {
    understanding,
    analysis,
    ownContent,
    adjusts,
    query,
    mentions,
    qualityWords,
    // "I like musicals, but only after 1990": a limit said in so many words limits, taste or not.
    statement: isTasteStatement(text) && !hardLimitWords.test(text),
    likedGenres,
    askedPeople: askedPeople.filter((person) => preferences.people.includes(person)),
    avoidTopics,
    ...(pickPronoun === null ? {} : { pickPronoun: analysis.tokens[words[pickPronoun]!.token]! }),
    contentFree: isContentFree({
      analysis,
      words,
      understanding,
      mentions,
      listReferences: listReferences.length + shownList.references.length,
      documentFrequency: vocabulary.documentFrequency,
    }),
  };
}

/** "Kubrick's films", "more nolan", "by Nolan", "with Tom Hanks": a person asked for, not only liked. */
function askedByCue(words: Word[], start: number, end: number): boolean {
  if (personCued(words, start, end)) return true;
  // "Hitchcock before 1950 please": a message that opens on the person asks for their films, unless
  // it goes on to say something of them ("Meryl Streep is the best").
  return start === 0 && !['is', 'was', 'are', 'were'].includes(words[end]?.norm ?? '');
}

/** Words that make what a statement of taste says a limit: "only", "must", "has to". */
const hardLimitWords = /\b(?:only|must|has to|have to|needs? to)\b/i;

/** Words of a query that say something about the topic (no stopwords or request scaffolding). */
export function topicWords(query: string): number {
  return tokenize(query).filter((word) => word.length > 3).length;
}

/** "Funnier", "scarier", "darker": a comparative adjective asks for more of the same request. */
function isComparative(analysis: Analysis, words: Word[], index: number): boolean {
  const word = words[index]!;
  const token = analysis.tokens[word.token]!;
  return (
    word.norm !== word.lemma && /(?:er|ier)$/.test(word.norm) && (token.pos === 'ADJ' || token.pos === 'ADV')
  );
}

/** "for my husband to watch", "for my friends to see": the viewers watch, the user does not say they will. */
function watchesAlone(words: Word[], end: number): boolean {
  return (
    words[end]?.norm === 'to' &&
    ['watch', 'see', 'enjoy'].includes(words[end + 1]?.lemma ?? '') &&
    !words[end]!.barrier
  );
}

/** "now something else", "now for something different": the words of a fresh start. */
function afterNow(words: Word[], start: number): boolean {
  const previous = words[start - 1]?.norm;
  return previous === 'now' || (previous === 'for' && words[start - 2]?.norm === 'now');
}

/** Nouns a weak term qualifies when it speaks of the film itself: "a long movie", "light stuff". */
const filmNouns = new Set([
  'movie',
  'movies',
  'film',
  'films',
  'one',
  'ones',
  'watch',
  'flick',
  'flicks',
  'stuff',
  'something',
  'comedy',
  'drama',
]);

/** A weak term names a concept when it qualifies a film: "a long movie", "something light". */
function weakTermInContext(words: Word[], mention: Mention, mentions: Mention[]): boolean {
  // "Fun action", "light comedy": the term qualifies a genre.
  if (mentions.some((other) => other.kind === 'genre' && other.start === mention.end)) return true;
  const next = words[mention.end]?.norm ?? '';
  const previous = words[mention.start - 1]?.norm ?? '';
  return (
    filmNouns.has(next) ||
    ['something', 'anything', 'keep', 'nice', 'pretty', 'bit', 'and'].includes(previous)
  );
}

/** Words that open a noun phrase before a weak term: "a long week", "this quick question". */
const nounPhraseOpeners = new Set(['a', 'an', 'the', 'my', 'our', 'this', 'that', 'another', 'such']);
/** Degree words inside such a phrase: "a really long week". */
const degreeInPhrase = new Set([
  'really',
  'very',
  'so',
  'super',
  'pretty',
  'quite',
  'kinda',
  'rather',
  'bit',
]);

/**
 * A weak term inside a noun phrase whose noun is no film and no other mention qualifies that noun,
 * not the film asked for: "a really long week", "a light dinner", "a quick question".
 */
function qualifiesOtherNoun(
  analysis: Analysis,
  words: Word[],
  mention: Mention,
  mentions: Mention[],
): boolean {
  const next = words[mention.end];
  if (!next || next.barrier || filmNouns.has(next.norm)) return false;
  if (mentions.some((other) => other.start === mention.end)) return false;
  if (analysis.tokens[next.token]!.pos !== 'NOUN') return false;
  let before = mention.start - 1;
  while (before >= 0 && degreeInPhrase.has(words[before]!.norm) && !words[before + 1]!.barrier) before -= 1;
  return before >= 0 && !words[before + 1]!.barrier && nounPhraseOpeners.has(words[before]!.norm);
}
