import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

function read(text: string, shown: number) {
  const lastShown = demo.retriever.catalog.items.slice(0, shown);
  return demo.reader.understand(text, { lastShown, hasRequest: true, answered: true });
}

describe('positions in the shown list', () => {
  it('counts back from the end: "second to last", "third from the end", "next to last"', () => {
    expect(read('the second to last one, anything like it?', 5).referencedPosition).toBe(4);
    expect(read('more like the third from the end', 6).referencedPosition).toBe(4);
    expect(read('more like the next to last one', 4).referencedPosition).toBe(3);
  });

  it('ends a list of positions at a comma once a verdict opened it', () => {
    expect(read('seen 1 and 3, the 2nd seems boring', 3).shownFeedback).toEqual([
      { position: 1, sentiment: 'seen' },
      { position: 2, sentiment: 'disliked' },
      { position: 3, sentiment: 'seen' },
    ]);
  });
});
