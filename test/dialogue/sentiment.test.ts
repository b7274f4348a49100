import { describe, expect, it } from 'vitest';
import { sentenceAt, sentimentOf } from '../../src/dialogue/sentiment.js';

describe('sentimentOf', () => {
  it.each([
    ['I loved Heat', 'liked'],
    ['Heat is one of my favorites', 'liked'],
    ["I didn't like Heat", 'disliked'],
    ['I didn’t enjoy Heat at all', 'disliked'],
    ['Heat was boring', 'disliked'],
    ['Heat? Not my thing', 'disliked'],
    ["I haven't seen Heat", 'unseen'],
    ['I have never watched Heat', 'unseen'],
    ["I've already seen Heat", 'seen'],
    ['What is Heat about?', 'neutral'],
  ] as const)('reads "%s" as %s', (sentence, expected) => {
    expect(sentimentOf(sentence)).toBe(expected);
  });

  it('lets negation win over praise in the same sentence', () => {
    expect(sentimentOf('Everyone says Heat is great but I hated it')).toBe('disliked');
  });
});

describe('sentenceAt', () => {
  it('returns the sentence around an offset', () => {
    const text = 'I loved Heat. I hated Collateral! What else?';
    expect(sentenceAt(text, text.indexOf('Heat')).trim()).toBe('I loved Heat.');
    expect(sentenceAt(text, text.indexOf('Collateral')).trim()).toBe('I hated Collateral!');
  });
});
