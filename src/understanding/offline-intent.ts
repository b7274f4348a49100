import { foldText } from '../text/tokenize.js';
import type { Understanding } from './understanding-schema.js';

/** What the offline reader found in the latest message, enough to tell what the user wants. */
export interface IntentSignals {
  text: string;
  shownCount: number;
  referencedPosition: number | null;
  mentionsTitle: boolean;
  hasHints: boolean;
  hasFeedback: boolean;
}

const greeting =
  /^(hi|hello|hey|yo|hiya|thanks|thank you|thx|ok|okay|cool|great|nice|bye|goodbye|good (morning|evening|afternoon|night)|how are you)\b/;
// Short replies with no topic in them; any other word or two ("hackers", "space westerns") is a topic.
const acknowledgement =
  /^(?:(?:yes|yeah|yep|yup|no|nope|nah|sure|maybe|fine|alright|right|hmm+|lol|haha|wow|oh|ah|well|ok|okay|thanks|good|great|cool|nice|perfect|awesome|interesting|really|sounds good|not sure|i see)\b[\s!?.,]*)+$/;
const request =
  /\b(recommend\w*|suggest\w*|movie|movies|film|films|watch|show me|looking for|something|anything|any ideas|what should)\b/;
const askAbout =
  /\b(why|tell me (more )?about|what('?s| is) (it|that|the \w+( one)?) about|more (info|information|details) (on|about)|who('?s| is) in|what is)\b/;
const refineWords =
  /\b(more like|similar|another|other|others|else|instead|not (that|this|those|these)|older|newer|more recent|less|shorter|lighter|darker|funnier|different|more|any (year|decade|era|genre)|(is|are) (fine|ok|okay)|(doesn'?t|does not) matter|after all)\b/;

/** The user's intent by rules, for offline mode. */
export function offlineIntent(signals: IntentSignals): Understanding['intent'] {
  const folded = foldText(signals.text).trim();
  if (askAbout.test(folded) && (signals.referencedPosition !== null || signals.mentionsTitle)) {
    if (!/\b(more like|similar)\b/.test(folded)) return 'ask-about-item';
  }
  if (signals.shownCount > 0 && (signals.referencedPosition !== null || signals.hasFeedback)) return 'refine';
  if (signals.shownCount > 0 && refineWords.test(folded) && !signals.mentionsTitle) return 'refine';
  if (
    !signals.mentionsTitle &&
    !signals.hasHints &&
    !request.test(folded) &&
    (greeting.test(folded) || (folded.split(/\s+/).length <= 2 && acknowledgement.test(folded)))
  )
    return 'chit-chat';
  return 'recommend';
}
