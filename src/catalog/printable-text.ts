import { unsafeCharacter } from '../untrusted/index.js';

// The characters src/untrusted acts on (a tag character as its surrogate pair), found everywhere.
const unsafeCharacters = new RegExp(`\\udb40[\\udc00-\\udfff]|${unsafeCharacter.source}`, 'g');

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * File content made safe to quote in an error message or warning: every control or invisible
 * character is spelled out (`\x00`, `\n`, `\u202e`) rather than dropped, so the message shows what is
 * wrong with the file and a binary or hostile catalog cannot print NUL bytes or terminal escapes.
 */
export function printableText(text: string): string {
  return text.replace(unsafeCharacters, (character) => {
    const code = character.codePointAt(0)!;
    if (named[character]) return named[character];
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
