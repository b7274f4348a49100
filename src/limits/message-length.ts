import { ConvrecError } from '../errors/index.js';
import type { Limits } from './limits-schema.js';

/**
 * Refuses a message longer than `maxMessageChars` characters (code points) with INPUT_TOO_LONG.
 * The error gives both lengths and how to raise the limit, never the message itself.
 */
export function checkMessageLength(text: string, limits: Pick<Limits, 'maxMessageChars'>): void {
  // A string has at least as many UTF-16 units as code points: short ones need no counting.
  if (text.length <= limits.maxMessageChars) return;
  const length = codePoints(text);
  if (length <= limits.maxMessageChars) return;
  throw new ConvrecError(
    'INPUT_TOO_LONG',
    `the message is ${length.toLocaleString('en-US')} characters long, over the limit of ` +
      `${limits.maxMessageChars.toLocaleString('en-US')}: shorten it, or raise the limit with ` +
      'CONVREC_MAX_MESSAGE_CHARS (limits.maxMessageChars in the API)',
  );
}

function codePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}
