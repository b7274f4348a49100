import { describe, expect, it } from 'vitest';
import { asksIfSeen } from '../../src/understanding/offline/shown-list.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

/** Verdicts on a four-item list after the assistant said `asked`. */
function feedback(text: string, asked: string) {
  const lastShown = demo.retriever.catalog.items.slice(0, 4);
  const reading = demo.reader.read(text, {
    lastShown,
    hasRequest: true,
    answered: true,
    assistantText: asked,
  });
  return reading.understanding.shownFeedback;
}

describe('an answer to what the assistant asked', () => {
  it('reads "yes" to "have you seen any of these?" as seen, and to a plain list as liked', () => {
    expect(feedback('2 and 4 yes', 'Have you seen any of these?')).toEqual([
      { position: 2, sentiment: 'seen' },
      { position: 4, sentiment: 'seen' },
    ]);
    expect(feedback('2 and 4 yes', 'Here are 4 picks:')).toEqual([
      { position: 2, sentiment: 'liked' },
      { position: 4, sentiment: 'liked' },
    ]);
  });

  it('knows the ways an assistant asks whether something was seen', () => {
    expect(asksIfSeen('Have you seen any of these?')).toBe(true);
    expect(asksIfSeen('did you ever watch Heat?')).toBe(true);
    expect(asksIfSeen('Seen any of them yet?')).toBe(true);
    expect(asksIfSeen('Here are some picks you may like.')).toBe(false);
  });
});
