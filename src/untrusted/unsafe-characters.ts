/**
 * The one set of rules for untrusted text (catalog fields, model output, user input): what a
 * terminal or a prompt must never receive raw.
 *
 * - ESC sequences are removed whole: CSI (`ESC [ … final`, also C1 `0x9B`), OSC/DCS/SOS/PM/APC
 *   strings (`ESC ] … BEL` or `… ESC \`, also their C1 introducers) up to their terminator, a line
 *   break or the end, and two-byte escapes (`ESC c`, `ESC ( B`).
 * - Other C0 and C1 controls and DEL are removed; tab, vertical tab and form feed become a space.
 * - Line breaks (CR, LF, CRLF, NEL, U+2028, U+2029) become one line break, or a space on one line.
 * - Bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), zero-width and invisible
 *   characters (U+200B–200D, U+2060–2064, U+FEFF, U+180E), interlinear annotations (U+FFF9–FFFB)
 *   and tag characters (U+E0000–E007F) are removed.
 *
 * One pass, each code unit looked at once: linear in the input, whatever it holds.
 */

/** Any character the rules act on (a tag character's high surrogate stands for the pair). */
/* eslint-disable no-control-regex -- control characters are exactly what is looked for */
export const unsafeCharacter =
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\udb40]/;
/* eslint-enable no-control-regex */

const escape = 0x1b;
const bell = 0x07;
const stringTerminator = 0x9c;

/** After ESC: `]` OSC, `P` DCS, `X` SOS, `^` PM, `_` APC open a control string. */
const stringIntroducers = new Set([0x5d, 0x50, 0x58, 0x5e, 0x5f]);
/** The same as C1 characters: OSC, DCS, SOS, PM, APC. */
const stringIntroducersC1 = new Set([0x9d, 0x90, 0x98, 0x9e, 0x9f]);

const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;

/** Index after a CSI sequence whose parameters start at `index`. */
function skipCsi(text: string, index: number): number {
  let at = index;
  while (at < text.length && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x3f) at++;
  while (at < text.length && text.charCodeAt(at) >= 0x20 && text.charCodeAt(at) <= 0x2f) at++;
  if (at < text.length && text.charCodeAt(at) >= 0x40 && text.charCodeAt(at) <= 0x7e) at++;
  return at;
}

/**
 * Index after a control string whose body starts at `index`: after BEL, ST (`ESC \` or 0x9C), CAN
 * or SUB; at another ESC or a line break (kept for the next step); or the end.
 */
function skipControlString(text: string, index: number): number {
  for (let at = index; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === bell || code === stringTerminator || code === 0x18 || code === 0x1a) return at + 1;
    if (code === escape) return text.charCodeAt(at + 1) === 0x5c ? at + 2 : at;
    if (isLineBreak(code)) return at;
  }
  return text.length;
}

/** Index after the escape sequence that starts with ESC at `index`. */
function skipEscape(text: string, index: number): number {
  const next = text.charCodeAt(index + 1);
  if (Number.isNaN(next)) return text.length;
  if (next === 0x5b) return skipCsi(text, index + 2);
  if (stringIntroducers.has(next)) return skipControlString(text, index + 2);
  let at = index + 1;
  while (at < text.length && text.charCodeAt(at) >= 0x20 && text.charCodeAt(at) <= 0x2f) at++;
  if (at < text.length && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x7e) at++;
  return at;
}

/** Removed without a trace: bidi controls, zero-width and other invisible characters. */
function isInvisible(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

/**
 * Applies the rules: line breaks become `lineBreak` ("\n" to keep lines, " " for one line); every
 * other unsafe character or sequence is removed or becomes a space (tabs).
 */
export function applyRules(text: string, lineBreak: '\n' | ' '): string {
  if (!unsafeCharacter.test(text)) return text;
  let out = '';
  let start = 0;
  let index = 0;
  const replace = (end: number, replacement: string) => {
    out += text.slice(start, index) + replacement;
    index = end;
    start = end;
  };
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      if (code === escape) replace(skipEscape(text, index), '');
      else if (code === 0x0d) replace(text.charCodeAt(index + 1) === 0x0a ? index + 2 : index + 1, lineBreak);
      else if (code === 0x0a || code === 0x85) replace(index + 1, lineBreak);
      else if (code === 0x09 || code === 0x0b || code === 0x0c) replace(index + 1, ' ');
      else if (code === 0x9b) replace(skipCsi(text, index + 1), '');
      else if (stringIntroducersC1.has(code)) replace(skipControlString(text, index + 1), '');
      else replace(index + 1, '');
    } else if (code === 0x2028 || code === 0x2029) {
      replace(index + 1, lineBreak);
    } else if (isInvisible(code)) {
      replace(index + 1, '');
    } else if (code === 0xdb40 && (text.charCodeAt(index + 1) & 0xff80) === 0xdc00) {
      // U+E0000–E007F, tag characters: invisible text a model reads.
      replace(index + 2, '');
    } else {
      index++;
    }
  }
  return out + text.slice(start);
}
