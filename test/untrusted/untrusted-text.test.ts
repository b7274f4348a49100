import { describe, expect, it } from 'vitest';
import { displayJson, displayText, promptText } from '../../src/untrusted/index.js';

const osc = '\u001b]0;window title\u0007';

describe('the untrusted-text rules', () => {
  it.each([
    ['OSC ended by BEL', `a${osc}b`, 'ab'],
    ['OSC ended by ST', 'a\u001b]8;;http://x\u001b\\b', 'ab'],
    ['OSC left open, up to the line break', 'a\u001b]0;title\nb', 'a\nb'],
    ['CSI erase and cursor', 'a\u001b[2J\u001b[1;1Hb', 'ab'],
    ['CSI colours', 'a\u001b[38;5;196mb\u001b[0m', 'ab'],
    ['CSI private mode', 'a\u001b[?1049hb', 'ab'],
    ['two-byte escape (reset)', 'a\u001bcb', 'ab'],
    ['charset escape', 'a\u001b(Bb', 'ab'],
    ['DCS string', 'a\u001bPq#0\u001b\\b', 'ab'],
    ['C1 CSI', 'a\u009b2Jb', 'ab'],
    ['C1 OSC ended by C1 ST', 'a\u009d0;t\u009cb', 'ab'],
    ['ESC at the end', 'ab\u001b', 'ab'],
    ['NUL, BEL, backspace, DEL', 'a\u0000\u0007\u0008\u007fb', 'ab'],
    ['bidi overrides and isolates', 'a\u202ab\u202ec\u202c\u2066d\u2069\u200f', 'abcd'],
    ['zero-width and BOM', 'a\u200bb\u200cc\u200dd\u2060e\ufeff', 'abcde'],
    ['tag characters', 'a\u{E0041}\u{E007F}b', 'ab'],
    ['tab', 'a\tb', 'a b'],
  ])('%s', (_name, input, expected) => {
    expect(displayText(input)).toBe(expected);
  });

  it('keeps line breaks for display, one "\\n" each, and makes them spaces on one line', () => {
    const text = 'a\r\nb\rc\u2028d\u2029e\u0085f';
    expect(displayText(text)).toBe('a\nb\nc\nd\ne\nf');
    expect(displayText(text, { singleLine: true })).toBe('a b c d e f');
  });

  it('leaves safe text as it is, spaces and all, so streamed pieces join up', () => {
    for (const text of ['  Heat (1995) — crime  ', 'Amélie', '東京物語', '👨‍👩‍👧'.normalize(), ''])
      expect(displayText(text)).toBe(text.replace(/\u200d/g, ''));
  });

  it('caps display text by characters when asked', () => {
    expect(displayText('abcdefgh', { maxLength: 6 })).toBe('abcde…');
  });
});

describe('promptText', () => {
  it('applies the same rules, on one line, with fence characters as look-alikes', () => {
    expect(promptText(`Heat${osc}\n\n<cards>|x\u202e  y`, 100)).toBe('Heat ‹cards›¦x y');
  });

  it('caps by characters, never splitting a surrogate pair', () => {
    expect(promptText('abcdefgh', 6)).toBe('abcde…');
    expect(promptText('😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('displayJson', () => {
  it('writes the rules’ characters as \\u escapes, so the data round-trips exactly', () => {
    const value = { title: `a${osc}\u009b\u202e\u200b\u2028\u{E0041}b`, list: ['x\ny'] };
    const json = displayJson(value);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u2028\u202e]|\udb40/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('linear time', () => {
  it('cleans a megabyte of pathological input quickly', () => {
    const inputs = [
      '\u001b]'.repeat(500_000),
      '\u001b['.repeat(500_000),
      '\u001b[0;'.repeat(250_000) + 'x',
      '\u202e\u200b'.repeat(500_000),
      `${'a'.repeat(1_000_000)}\u0000`,
    ];
    const started = performance.now();
    for (const input of inputs) {
      displayText(input);
      promptText(input, 200);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
