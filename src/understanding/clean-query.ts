import { foldText } from '../text/tokenize.js';

const spans: RegExp[] = [
  // Years and decades: "after 2000", "from the 90s", "before 1990", "in 1995".
  /\b(?:after|since|before|from|in|newer than|older than|earlier than|later than|prior to)\s+(?:the\s+)?(?:(?:19|20)?\d0'?s|(?:19|20)\d\d)\b/g,
  /\b(?:19|20)\d0'?s\b/g,
  // Exclusions: "no horror", "without Tom Cruise", "not too scary".
  /\b(?:no|not|without|nothing|avoid|skip|rather not(?: have)?|don'?t want)\s+(?:too\s+|any\s+|more\s+)?\w+(?:\s+\w+)?/g,
  // Softened wishes name what the user wants less of: "less violent", "not so long", "fewer jokes".
  /\b(?:less|fewer|not (?:so|as|that|very))\s+\w+/g,
  // Directions relative to what was shown ("something older", "anything else") carry no topic.
  /\b(?:older|newer|earlier|later|more recent|less recent|else|instead|different|other|another)\b/g,
  // Pointers at shown items: "more like the second one", "number 3", "why the first".
  /\b(?:more\s+)?(?:like\s+)?(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?:\s+(?:one|movie|film|pick))?\b/g,
  /(?:#\s?|\bnumber\s+|\bitem\s+)\d{1,2}\b/g,
  // Request scaffolding that says nothing about the item.
  /\b(?:can you|could you|please|recommend(?:ation)?s?|suggest(?:ion)?s?|i(?:'m| am) looking for|looking for|i want|i'd like|something|anything|some|a movie|movies?|films?|like|similar to|more|but|maybe|one|ones)\b/g,
];

/**
 * The user's words as a retrieval query: constraint phrases, pointers at shown items and request
 * scaffolding removed ("something like Heat but after 2000, no horror" → "").
 */
export function cleanQuery(text: string): string {
  let out = foldText(text);
  for (const pattern of spans) out = out.replace(pattern, ' ');
  return out
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
