import { foldText } from '../text/tokenize.js';
import { sentimentOf } from '../dialogue/sentiment.js';

const ordinals: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const ordinalPattern = new RegExp(
  `\\b(?:the\\s+)?(${Object.keys(ordinals).join('|')}|last)(?:\\s+(?:one|movie|film|item|pick|suggestion|title))?\\b`,
  'g',
);
const numberPattern = /(?:#\s?|\bnumber\s+|\bno\.?\s?|\bitem\s+|\boption\s+)(\d{1,2})\b/g;

/** A reference to an item of the last shown list ("the second one", "#3", "the last one"). */
export interface ShownReference {
  position: number;
  /** Where in the text the reference starts. */
  index: number;
}

/** Positions of the last shown list a text points at, in text order, within `1..shownCount`. */
export function shownReferences(text: string, shownCount: number): ShownReference[] {
  if (shownCount === 0) return [];
  const folded = foldText(text);
  const out: ShownReference[] = [];
  for (const match of folded.matchAll(ordinalPattern)) {
    const word = match[1]!;
    const position = word === 'last' ? shownCount : ordinals[word]!;
    // "first" in "at first" or "last" in "last year" / "at last" is not a reference.
    if (/\b(at|last)\s*$/.test(folded.slice(0, match.index))) continue;
    if (word === 'last' && /^last\s+(year|night|week|time|month)/.test(match[0].replace(/^the\s+/, '')))
      continue;
    out.push({ position, index: match.index });
  }
  for (const match of folded.matchAll(numberPattern)) {
    out.push({ position: Number(match[1]), index: match.index });
  }
  return out
    .filter((reference) => reference.position >= 1 && reference.position <= shownCount)
    .sort((left, right) => left.index - right.index);
}

/** What the user said about shown items: "loved the first one, seen the third". */
export function shownFeedbackIn(
  text: string,
  shownCount: number,
): { position: number; sentiment: 'liked' | 'disliked' | 'seen' }[] {
  const out: { position: number; sentiment: 'liked' | 'disliked' | 'seen' }[] = [];
  const clauses = text.split(/[.!?;]|,\s*(?:but|and)\b|\bbut\b/i);
  for (const clause of clauses) {
    const references = shownReferences(clause, shownCount);
    if (references.length === 0) continue;
    // "more like the second one" asks for neighbours; it is not a verdict on the item.
    if (/\b(more|something|anything|others?)\s+(like|similar)\b|\bsimilar to\b/i.test(clause)) continue;
    const sentiment = sentimentOf(clause);
    const verdict =
      sentiment === 'unseen' || sentiment === 'neutral'
        ? /\b(not|no|nah|skip|drop)\b/i.test(clause)
          ? 'disliked'
          : undefined
        : sentiment;
    if (!verdict) continue;
    for (const reference of references) out.push({ position: reference.position, sentiment: verdict });
  }
  return out;
}
