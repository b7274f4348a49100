import { messageWords } from '../../nlp/index.js';
import type { Understanding } from '../understanding-schema.js';
import {
  acknowledgement,
  askAbout,
  asksForMore,
  asksForTitles,
  continuesAnywhere,
  continuesLeading,
  continuesTrailing,
  freshStart,
  joins,
  greeting,
  itemQuestion,
  itemReference,
  normalize,
  pointsBack,
  request,
  requestFrame,
  smallTalkClause,
  tasteStatement,
} from './intent-phrases.js';
import { topicWords, type MessageReading } from './read-message.js';
import { statesRequestApart } from './stated-request.js';

/** The turn's intent and whether it starts a new request. */
export interface IntentDecision {
  intent: Understanding['intent'];
  newRequest: boolean;
}

/** What the reader knows of the conversation when it decides. */
export interface IntentContext {
  lastShown: readonly { genres: string[] }[];
  hasRequest: boolean;
  answered: boolean;
  request?: { genres: string[]; audiences: string[] };
}

/** A trained intent classifier (see `intent-classifier.ts`). */
export interface IntentModel {
  predict(reading: MessageReading, context: IntentContext): IntentDecision['intent'];
}

/** How a message is framed, by the phrase lists of `intent-phrases.ts`. */
export interface MessageFrames {
  /** A question about a title it names or a shown item it points at, asking for no titles. */
  itemQuestion: boolean;
  /** Every clause is small talk: greetings, thanks, compliments, signing off. */
  smallTalk: boolean;
  /** Adds to the request in force: "also…", "…too btw", "if that helps". */
  continues: boolean;
  /** Says it drops the request in force: "instead", "different idea:". */
  startsOver: boolean;
  pointsBack: boolean;
  requestFrame: boolean;
  /** States tastes ("I loved Heat") rather than asking. */
  taste: boolean;
  asksForMore: boolean;
}

/** Reactions a message may open with before what it says: "ooh.", "oh ok,", "hmm". */
const leadingReaction =
  /^(?:(?:o+h+|a+h+|hm+|um+|ok(?:ay)?|well|wait|lol|haha+|yes|yeah|cool|nice)[\s.,!]+)+/;

/**
 * The message with the titles it names as "@title" and the shown items it points at ("the first one",
 * "it" after a single pick) as "@ref".
 */
function framedText(reading: MessageReading): string {
  const { analysis, mentions, understanding } = reading;
  const words = messageWords(analysis);
  let text = '';
  let cursor = 0;
  const spans = mentions.flatMap((mention) =>
    mention.kind === 'title'
      ? [
          {
            start: analysis.tokens[words[mention.start]!.token]!.start,
            end: analysis.tokens[words[mention.end - 1]!.token]!.end,
            as: '@title',
          },
        ]
      : [],
  );
  // "who directed it?" after a single pick: the pronoun stands for the pick.
  if (reading.pickPronoun) spans.push({ ...reading.pickPronoun, as: '@ref' });
  for (const span of spans.sort((left, right) => left.start - right.start)) {
    if (span.start < cursor) continue;
    text += `${analysis.text.slice(cursor, span.start)} ${span.as} `;
    cursor = span.end;
  }
  let framed = normalize(text + analysis.text.slice(cursor))
    .replace(/["“”]/g, '')
    .replace(/\s+([.,!?;:])/g, '$1');
  // Titles the catalog does not have ("have you seen Zorblax?") are named by their words.
  for (const title of understanding.mentionedTitles) {
    const named = normalize(title.title);
    if (!/\(\d{4}\)$/.test(title.title) && named.length > 1) framed = replaceWord(framed, named, '@title');
  }
  return framed.replace(itemReference, '@ref');
}

/**
 * `text` with every occurrence of `word` that no word character or "@" touches on either side
 * replaced: a plain string search, so a title from the user's words is never compiled to a regex.
 */
function replaceWord(text: string, word: string, replacement: string): string {
  const touches = (character: string | undefined) => character !== undefined && /[\w@]/.test(character);
  let result = '';
  let cursor = 0;
  for (let found = text.indexOf(word); found !== -1; found = text.indexOf(word, found + 1)) {
    if (found < cursor || touches(text[found - 1]) || touches(text[found + word.length])) continue;
    result += text.slice(cursor, found) + replacement;
    cursor = found + word.length;
  }
  return result + text.slice(cursor);
}

/**
 * Whether the message asks for anything a request is made of. Titles and shown items are left out:
 * small talk may name the one the user picked ("thanks, I'll watch Heat tonight").
 */
function hasRequestContent(understanding: Understanding): boolean {
  const { constraints, preferences, relax } = understanding;
  return (
    constraints.genres.length +
      constraints.excludeGenres.length +
      constraints.people.length +
      constraints.excludePeople.length +
      preferences.genres.length +
      preferences.people.length +
      understanding.qualities.length +
      understanding.audiences.length +
      relax.excludeGenres.length +
      relax.excludePeople.length +
      relax.qualities.length >
      0 ||
    constraints.yearFrom !== null ||
    constraints.yearTo !== null ||
    relax.years ||
    relax.genres ||
    understanding.yearDirection !== null ||
    understanding.quantity !== null ||
    understanding.rejectsShown
  );
}

/** How a message is framed (see `MessageFrames`). */
export function messageFrames(reading: MessageReading): MessageFrames {
  const understanding = reading.understanding;
  const text = normalize(reading.analysis.text);
  const framed = framedText(reading);
  const names = understanding.mentionedTitles.length > 0 || understanding.referencedPosition !== null;
  const clauses = framed
    .split(/[.!?,;:]+|\s(?:and|but|-)\s/)
    .map((clause) =>
      clause
        .replace(/[^a-z0-9@ ]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const taste = tasteStatement.test(text) && !requestFrame.test(text);
  return {
    itemQuestion: names && itemQuestion.test(framed) && !asksForTitles.test(framed),
    smallTalk:
      clauses.length > 0 &&
      clauses.every((clause) => smallTalkClause.test(clause) || smallTalkClause.test(unstretched(clause))) &&
      !hasRequestContent(understanding),
    continues:
      continuesLeading.test(text) ||
      // "ooh. also big fan of hitchcock": a reaction before the "also".
      /^(?:also|plus|btw|by the way)\b/.test(text.replace(leadingReaction, '')) ||
      continuesTrailing.test(text) ||
      continuesAnywhere.test(text) ||
      taste ||
      // A viewer joining, in a message that asks for nothing of its own ("my nephew's staying over").
      (joins.test(text) && !requestFrame.test(text) && !text.includes('?')),
    startsOver: freshStart.test(text),
    pointsBack: pointsBack.test(text),
    requestFrame: requestFrame.test(text),
    taste,
    asksForMore: asksForMore.test(text),
  };
}

/** "heyyy whats uppp", "byeee": letters stretched for tone, typed once ("cooool" is "cool" twice over). */
function unstretched(clause: string): string {
  return clause
    .split(' ')
    .map((word) => {
      // "heyyy" → "hey", "sooo" → "so"; then "heyy", "byee" typed with one letter doubled at the end.
      const once = word.replace(/([a-z])\1{2,}/g, '$1');
      if (smallTalkClause.test(once)) return once;
      const endOnce = word.replace(/([a-z])\1$/, '$1');
      return smallTalkClause.test(endOnce) ? endOnce : word.replace(/([a-z])\1{2,}/g, '$1$1');
    })
    .join(' ');
}

/** Whether a message states tastes ("I love comedies", "Heat was great") rather than asking for something. */
export function isTasteStatement(text: string): boolean {
  const normalized = normalize(text);
  return tasteStatement.test(normalized) && !requestFrame.test(normalized);
}

/**
 * The turn's intent by rules, or by a trained classifier when one is given. Phrasings that decide by
 * themselves come first (a question about a named item, small talk); the conversation rules out the
 * rest: no refinement without a shown list, and once a list answered the request, a message either
 * starts a request of its own or adjusts that list.
 */
export function decideIntent(
  reading: MessageReading,
  context: IntentContext,
  model?: IntentModel,
): IntentDecision {
  const understanding = reading.understanding;
  const frames = messageFrames(reading);
  const shown = context.lastShown.length > 0;
  let intent = model ? model.predict(reading, context) : ruleIntent(reading, context, frames);
  // A question about an item beside a request of its own ("I like musicals. Have you seen
  // Hairspray?") stays a request.
  if (frames.itemQuestion && statesRequestApart(reading)) {
    if (intent === 'ask-about-item' || intent === 'chit-chat') intent = shown ? 'refine' : 'recommend';
  } else if (frames.itemQuestion) intent = 'ask-about-item';
  // A message that asks for nothing is small talk: it must not start a request (that would wipe the
  // one in force) nor adjust one.
  else if (frames.smallTalk || reading.contentFree) intent = 'chit-chat';
  if (intent === 'chit-chat' && !frames.smallTalk && !reading.contentFree) {
    // A request in so many words is never small talk ("what else would you recommend?", "just two
    // more"), and a verdict on the list just shown ("seen it") is feedback.
    if (frames.asksForMore || understanding.quantity !== null) intent = shown ? 'refine' : 'recommend';
    else if (understanding.shownFeedback.length > 0) intent = 'refine';
  }
  if (intent === 'refine' && !shown) intent = 'recommend';
  if (
    intent === 'ask-about-item' &&
    understanding.referencedPosition === null &&
    understanding.mentionedTitles.length === 0
  )
    intent = shown ? 'refine' : 'recommend';
  if (intent !== 'recommend') return { intent, newRequest: false };
  const newRequest = startsNewRequest(reading, context, frames);
  if (!newRequest && shown && context.answered) return { intent: 'refine', newRequest: false };
  return { intent, newRequest };
}

/**
 * Whether a request replaces the one in force. A first request does; an addition ("also with Tom
 * Hanks"), a statement of taste ("I loved Superbad") or more detail before anything was shown does
 * not. After an answer, a request of its own does when it says so ("now", "instead") or when what
 * it asks for conflicts with the request in force: other genres, a new audience, a plot of its own.
 */
function startsNewRequest(reading: MessageReading, context: IntentContext, frames: MessageFrames): boolean {
  const understanding = reading.understanding;
  if (!context.hasRequest) return true;
  if (!reading.ownContent) return false;
  if (frames.continues && !frames.startsOver) return false;
  const titled = understanding.mentionedTitles.some((title) => title.sentiment === 'liked');
  const asksFor =
    understanding.preferences.genres.length +
      understanding.constraints.genres.length +
      understanding.audiences.length +
      understanding.preferences.people.length +
      understanding.qualities.length >
      0 ||
    titled ||
    frames.requestFrame;
  if (frames.startsOver) return asksFor;
  if (!context.answered || frames.pointsBack) return false;
  const current = context.request ?? { genres: [], audiences: [] };
  const genres = [...understanding.preferences.genres, ...understanding.constraints.genres];
  if (genres.length > 0) return !genres.some((genre) => current.genres.includes(genre));
  // New titles of the same kind as the request's ("something like Jumanji or The Mummy") add to it.
  const titleGenres = reading.likedGenres;
  if (titleGenres.length > 0 && titleGenres.some((genre) => current.genres.includes(genre))) return false;
  if (understanding.audiences.some((audience) => !current.audiences.includes(audience))) return true;
  // A request of its own with no genre: a new anchor title or a plot ("a movie about a robot…").
  return frames.requestFrame && (titled || topicWords(reading.query) >= 2);
}

function ruleIntent(
  reading: MessageReading,
  context: IntentContext,
  frames: MessageFrames,
): Understanding['intent'] {
  const understanding = reading.understanding;
  const text = normalize(reading.analysis.text);
  const shown = context.lastShown.length > 0;
  const titled = understanding.mentionedTitles.length > 0;
  if (
    askAbout.test(text) &&
    (understanding.referencedPosition !== null ||
      (titled && !reading.ownContent) ||
      (titled && /^(what|who|why|is|tell)/.test(text)))
  ) {
    if (!/\b(more like|similar|something like|anything like)\b/.test(text)) return 'ask-about-item';
  }
  if (shown) {
    const verdict =
      understanding.shownFeedback.length > 0 ||
      understanding.rejectsShown ||
      understanding.referencedPosition !== null;
    if (verdict) return 'refine';
    if ((reading.adjusts || frames.pointsBack) && !(reading.ownContent && frames.startsOver)) return 'refine';
  }
  const empty =
    !titled &&
    !reading.ownContent &&
    !reading.adjusts &&
    understanding.preferences.genres.length === 0 &&
    understanding.qualities.length === 0 &&
    understanding.audiences.length === 0;
  if (empty && !request.test(text) && (greeting.test(text) || acknowledgement.test(text))) return 'chit-chat';
  return 'recommend';
}
