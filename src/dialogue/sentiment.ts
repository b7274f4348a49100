import { foldText } from '../text/tokenize.js';

/** What a user said about a title. */
export type TitleSentiment = 'liked' | 'disliked' | 'seen' | 'unseen' | 'neutral';

const negative =
  /\b(did ?n[o']?t (like|enjoy|care for|love)|do ?n[o']?t (like|enjoy|care for|love)|not (a|really a) fan|hate[ds]?|hated|dislike[ds]?|boring|awful|terrible|worst|not (for|into) me|was ?n[o']?t (good|great|funny|scary)|too (scary|violent|slow|long)|not my (thing|type|style)|meh|overrated)\b/;
const unseen =
  /\b(have ?n[o']?t seen|not seen|never seen|did ?n[o']?t see|never watched|have ?n[o']?t watched|not watched|yet to see)\b/;
const seen = /\b(seen (it|that|them|both|all)|already (seen|watched)|i'?ve seen|watched (it|that))\b/;
const positive =
  /\b(like[ds]?|love[ds]?|enjoy(ed|s)?|favou?rites?|great|awesome|amazing|fun|funny|good|best|classic|fan of|into)\b/;

/** Classifies a sentence's attitude to the title it mentions. Negation wins over praise. */
export function sentimentOf(sentence: string): TitleSentiment {
  const text = foldText(sentence).replace(/’/g, "'");
  if (negative.test(text)) return 'disliked';
  if (unseen.test(text)) return 'unseen';
  if (positive.test(text)) return 'liked';
  if (seen.test(text)) return 'seen';
  return 'neutral';
}

/** The sentence of `text` around character `offset`. */
export function sentenceAt(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const start = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1;
  const rest = text.slice(offset);
  const match = /[.!?](\s|$)/.exec(rest);
  return text.slice(start, match ? offset + match.index + 1 : text.length);
}
