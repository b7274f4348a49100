import { foldText } from '../../text/tokenize.js';
import type { Understanding } from '../understanding-schema.js';
import { topicWords, type MessageReading } from './read-message.js';

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

const greeting =
  /^(hi|hello|hey|heya|hiya|yo|sup|howdy|greetings|thanks|thank you|thx|ty|cheers|ok|okay|cool|great|nice|bye|goodbye|good (morning|evening|afternoon|night)|how are you|how's it going|what's up|lol|haha)\b/;
const acknowledgement =
  /^(?:(?:yes|yeah|yep|yup|no|nope|nah|sure|maybe|fine|alright|right|hmm+|lol|haha+|wow|oh|ah|well|ok|okay|k|thanks|thank you|thx|ty|good|great|cool|nice|perfect|awesome|interesting|really|sounds good|not sure|i see|got it|will do|bye|cheers)\b[\s!?.,]*)+$/;
const request =
  /\b(recommend\w*|suggest\w*|movie|movies|film|films|watch|show me|looking for|something|anything|any ideas|what should|give me)\b/;
const askAbout =
  /\b(why|tell me (more )?about|what('?s| is| was) (it|that|this|the \w+( one)?|[\w ]+) about|what('?s| is) the (plot|story)|more (info|information|details) (on|about)|who('?s| is| was)? (in|starring|directed|stars)|who directed|who made|is (it|that|the \w+( one)?) (scary|good|funny|violent|long|sad|ok|okay|suitable|appropriate)|how (long|old|scary|violent)|when (was|did)|what year|what genre|is it|does it|was it|did you pick|did you choose)\b/;
const pointsBack =
  /\b(more like|similar|another|the others|other (ones|options|picks|suggestions)|else|instead|not (that|this|those|these)|older|newer|more recent|less|shorter|lighter|darker|funnier|scarier|different|any (year|decade|era|genre)|(is|are) (fine|ok|okay)|(doesn'?t|does not) matter|after all|same but|but (older|newer|with|without|from|after|before))\b/;
/** Whether a message states tastes ("I love comedies", "Heat was great") rather than asking for something. */
export function isTasteStatement(text: string): boolean {
  const folded = foldText(text).trim();
  return tasteStatement.test(folded) && !requestFrame.test(folded);
}

/** A statement of taste ("I loved Superbad", "my favourite is Alien") adds to a request; it asks for nothing new. */
const tasteStatement =
  /^(?:(?:yes|yeah|yep|no|oh|ok|okay|well|haha|lol|i see|cool|great|nice)[\s,!.]+)*(?:i|we|i'm|im|i've|ive|my|our|me and|both)\b[^?]*\b(like|love|enjoy|liked|loved|enjoyed|adore|adored|favou?rites?|fan of|into|hate|hated|dislike|disliked|seen|watched|saw)\b/;
const requestFrame =
  /^(a|an|some)\b|\b(movies? about|films? about|one about|story about|movies? where|films? where|set in|something|anything|recommend\w*|suggest\w*|looking for|look for|(i|we) (want|wanna|need|would like|'d like|d like) (a|an|some|something|to (watch|see) (a|an|some|something)|movies?|films?)\b|(i'm|im|i am) looking|show me|give me|in the mood for|any (good|ideas|suggestions|other)|can you|could you|do you (have|know)|got any|ideas?\b)/;
const asksForMore =
  /\b(recommend\w*|suggest\w*|what else|anything else|something else|another (one|recommendation|suggestion|movie|film)|any (other|more)|other (ones|movies|films|suggestions|recommendations)|more (like|suggestions|recommendations|ideas|movies|films)|ideas|what (should|would|could|can) (i|we) (watch|see)|any (good )?(movies|films)|favou?rite movies)\b/;
const continuation =
  /^(and|also|plus|oh and|oh,? and|btw|by the way|too|as well|additionally|i also|also,)\b|\b(also|too|as well)\b[.!?]*$/;
const freshStart =
  /\b(instead|change of (plans|topic|mood|subject)|(totally|completely|something|quite|very) different|different (topic|subject|mood|thing|question|kind|type|vibe|direction|request|genre)|other topic|new (search|topic|request|question|subject)|forget (that|those|it|about it|about that)|enough of (that|those|this)|move on|moving on|something else entirely|start over|switching|switch (it up|gears)|on another note|separately|unrelated)\b|\b(and now|now (something|some|a|an|for|i want|i need|i'd like|id like|we want|we need|show|give|let's|lets))\b|\b(how|what) about (a|an|some|something)\b/;

/**
 * The turn's intent by rules, or by a trained classifier when one is given (rules still decide what
 * the conversation rules out: no refinement without a shown list). A new request is a request with
 * content of its own, after the current request was answered, that does not point back at it.
 */
export function decideIntent(
  reading: MessageReading,
  context: IntentContext,
  model?: IntentModel,
): IntentDecision {
  const understanding = reading.understanding;
  const folded = foldText(reading.analysis.text).trim();
  const shown = context.lastShown.length > 0;
  let intent = model ? model.predict(reading, context) : ruleIntent(reading, context, folded);
  // A request in so many words is never small talk: "what else would you recommend?".
  if (intent === 'chit-chat' && asksForMore.test(folded)) intent = shown ? 'refine' : 'recommend';
  // A verdict on the list just shown ("seen it") is feedback, not small talk.
  if (intent === 'chit-chat' && understanding.shownFeedback.length > 0) intent = 'refine';
  if (intent === 'refine' && !shown) intent = 'recommend';
  if (
    intent === 'ask-about-item' &&
    understanding.referencedPosition === null &&
    understanding.mentionedTitles.length === 0
  )
    intent = shown ? 'refine' : 'recommend';
  if (intent !== 'recommend') return { intent, newRequest: false };
  return { intent, newRequest: startsNewRequest(reading, context, folded) };
}

/**
 * Whether a request replaces the one in force. A first request does; an addition ("also with Tom
 * Hanks"), a statement of taste ("I loved Superbad") or more detail before anything was shown does
 * not. After an answer, a request of its own does when it says so ("now", "instead") or when what
 * it asks for conflicts with the request in force: other genres, a new audience, a plot of its own.
 */
function startsNewRequest(reading: MessageReading, context: IntentContext, folded: string): boolean {
  const understanding = reading.understanding;
  if (!context.hasRequest) return true;
  if (!reading.ownContent) return false;
  const startsOver = freshStart.test(folded);
  const continues = continuation.test(folded) || (tasteStatement.test(folded) && !requestFrame.test(folded));
  if (continues && !startsOver) return false;
  const titled = understanding.mentionedTitles.some((title) => title.sentiment === 'liked');
  const asksFor =
    understanding.preferences.genres.length +
      understanding.constraints.genres.length +
      understanding.audiences.length +
      understanding.preferences.people.length +
      understanding.qualities.length >
      0 ||
    titled ||
    requestFrame.test(folded);
  if (startsOver) return asksFor;
  if (!context.answered || pointsBack.test(folded)) return false;
  const current = context.request ?? { genres: [], audiences: [] };
  const genres = [...understanding.preferences.genres, ...understanding.constraints.genres];
  if (genres.length > 0) return !genres.some((genre) => current.genres.includes(genre));
  // New titles of the same kind as the request's ("something like Jumanji or The Mummy") add to it.
  const titleGenres = reading.likedGenres;
  if (titleGenres.length > 0 && titleGenres.some((genre) => current.genres.includes(genre))) return false;
  if (understanding.audiences.some((audience) => !current.audiences.includes(audience))) return true;
  // A request of its own with no genre: a new anchor title or a plot ("a movie about a robot…").
  return (
    requestFrame.test(folded) &&
    (understanding.mentionedTitles.some((title) => title.sentiment === 'liked') ||
      topicWords(reading.query) >= 2)
  );
}

function ruleIntent(
  reading: MessageReading,
  context: IntentContext,
  folded: string,
): Understanding['intent'] {
  const understanding = reading.understanding;
  const shown = context.lastShown.length > 0;
  const titled = understanding.mentionedTitles.length > 0;
  if (
    askAbout.test(folded) &&
    (understanding.referencedPosition !== null ||
      (titled && !reading.ownContent) ||
      (titled && /^(what|who|why|is|tell)/.test(folded)))
  ) {
    if (!/\b(more like|similar|something like|anything like)\b/.test(folded)) return 'ask-about-item';
  }
  if (shown) {
    const verdict =
      understanding.shownFeedback.length > 0 ||
      understanding.rejectsShown ||
      understanding.referencedPosition !== null;
    if (
      verdict &&
      !(
        reading.ownContent &&
        !understanding.rejectsShown &&
        understanding.referencedPosition === null &&
        understanding.shownFeedback.length === 0
      )
    )
      return 'refine';
    if ((reading.adjusts || pointsBack.test(folded)) && !(reading.ownContent && freshStart.test(folded)))
      return 'refine';
  }
  const empty =
    !titled &&
    !reading.ownContent &&
    !reading.adjusts &&
    understanding.preferences.genres.length === 0 &&
    understanding.qualities.length === 0 &&
    understanding.audiences.length === 0;
  if (
    empty &&
    !request.test(folded) &&
    (greeting.test(folded) ||
      acknowledgement.test(folded) ||
      (folded.split(/\s+/).length <= 2 && acknowledgement.test(folded)))
  )
    return 'chit-chat';
  return 'recommend';
}
