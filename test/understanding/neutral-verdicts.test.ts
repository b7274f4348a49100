import { describe, expect, it } from 'vitest';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

/** Title (without year) → sentiment. */
const titles = (text: string) =>
  Object.fromEntries(
    demo.reader
      .understand(text, { lastShown: [], hasRequest: false, answered: false })
      .mentionedTitles.map((entry) => [entry.title.replace(/ \(\d{4}\)$/, ''), entry.sentiment]),
  );

describe('verdicts that are neither praise nor complaint', () => {
  it('reads "no strong feelings" as seen, not a dislike', () => {
    expect(titles('watched Heat, no strong feelings either way, what now')).toEqual({ Heat: 'seen' });
    expect(titles('Heat left me kind of indifferent')).toEqual({ Heat: 'seen' });
  });

  it('keeps a title never watched neutral when "more like that" points at the liked one', () => {
    expect(titles('never got around to Heat but i adore Casablanca, more like that')).toEqual({
      Heat: 'neutral',
      Casablanca: 'liked',
    });
  });

  it('reads falling asleep as a dislike and "genius" as praise', () => {
    expect(titles('dozed off during Solaris. Stalker was genius though')).toEqual({
      Solaris: 'disliked',
      Stalker: 'liked',
    });
  });
});
