import { applyRules } from './unsafe-characters.js';

/** `<`, `>` and `|` would close a prompt's `<cards>` fence or split a card's `a | b` fields. */
const fenceCharacters = /[<>|]/g;
const lookAlikes: Record<string, string> = { '<': '‹', '>': '›', '|': '¦' };

/** The first `limit` characters (code points, never half a surrogate pair), cut with an ellipsis. */
export function capText(text: string, limit: number): string {
  // UTF-16 units are at least as many as characters: a short string needs no counting.
  if (text.length <= limit) return text;
  if (limit <= 0) return '';
  let count = 0;
  let cut = 0;
  for (let index = 0; index < text.length; count++) {
    if (count === limit - 1) cut = index;
    if (count === limit) return `${text.slice(0, cut).trimEnd()}…`;
    index += text.codePointAt(index)! > 0xffff ? 2 : 1;
  }
  return text;
}

/**
 * Untrusted text as one inert line for a prompt (catalog fields on candidate cards, stored
 * summaries, the user's words): the shared rules (see `applyRules`), line breaks and runs of white
 * space as one space, the fence characters `< > |` as look-alikes `‹ › ¦`, and at most `limit`
 * characters, cut with an ellipsis.
 */
export function promptText(text: string, limit: number): string {
  const flat = applyRules(text, ' ')
    .replace(fenceCharacters, (character) => lookAlikes[character]!)
    .replace(/\s+/g, ' ')
    .trim();
  return capText(flat, limit);
}
