import { capText } from './prompt-text.js';
import { applyRules } from './unsafe-characters.js';

export interface DisplayTextOptions {
  /** Line breaks become spaces (a title on a card line). Default: lines are kept. */
  singleLine?: boolean;
  /** At most this many characters, cut with an ellipsis (error messages echoing input). */
  maxLength?: number;
}

/**
 * Untrusted text made safe to print on a terminal: nothing in it can move the cursor, clear the
 * screen, set the window title, reorder the line (bidi) or hide characters. The shared rules (see
 * `applyRules`); line breaks are kept as "\n" unless `singleLine`; spaces are kept as they are, so
 * streamed pieces join up.
 */
export function displayText(text: string, options: DisplayTextOptions = {}): string {
  const clean = applyRules(text, options.singleLine ? ' ' : '\n');
  return options.maxLength === undefined ? clean : capText(clean, options.maxLength);
}

/**
 * The rules' characters that `JSON.stringify` leaves raw (it escapes C0 controls itself, and the
 * line breaks left are the layout's); a pair starting U+DB40 (the tag characters) as a whole pair.
 */
const rawInJson =
  /\udb40[\udc00-\udfff]|[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const escapeUnit = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `JSON.stringify` for output a person may read on a terminal: the data stays exact (a parser gets
 * the same strings back), but every character the untrusted-text rules act on is written as a
 * `\uXXXX` escape rather than raw, so printing the JSON on a terminal sends it no control.
 */
export function displayJson(value: unknown, space: number = 2): string {
  return (JSON.stringify(value, null, space) ?? 'null').replace(rawInJson, (characters) =>
    characters.split('').map(escapeUnit).join(''),
  );
}
