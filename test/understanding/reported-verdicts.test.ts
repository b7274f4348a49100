import { describe, expect, it } from 'vitest';
import type { Understanding } from '../../src/understanding/understanding-schema.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const read = (text: string): Understanding =>
  demo.reader.understand(text, { lastShown: [], hasRequest: false, answered: false });

/** Title (without year) → sentiment. */
const verdicts = (text: string): Record<string, string> =>
  Object.fromEntries(
    read(text).mentionedTitles.map((entry) => [entry.title.replace(/ \(\d{4}\)$/, ''), entry.sentiment]),
  );

describe("others' verdicts and the user's own", () => {
  it("takes the user's own view over the praise or scorn of others", () => {
    expect(verdicts('critics hated Tropic Thunder but i thought it was hilarious')).toEqual({
      'Tropic Thunder': 'liked',
    });
    expect(verdicts("Joker got so much hate online but it's one of my faves")).toEqual({ Joker: 'liked' });
    expect(verdicts('everybody hypes Dune, I thought it was boring')).toEqual({ Dune: 'disliked' });
    expect(verdicts('everyone loves Titanic but I haven’t seen it')).toEqual({ Titanic: 'neutral' });
  });

  it("keeps others' verdict when the user gives none", () => {
    expect(verdicts('my dad loves both Top Gun movies, find him something')).toEqual({
      'Top Gun': 'liked',
      'Top Gun: Maverick': 'liked',
    });
  });

  it('does not take the people whose taste is reported for the audience', () => {
    const understanding = read('my friends all rave about The Dark Knight, i found it kinda boring tbh');
    expect(understanding.audiences).toEqual([]);
    expect(understanding.qualities).toEqual([]);
    expect(read('my kids loved Coco, want something similar').audiences).toEqual(['kids']);
  });

  it('reads a quality that judges the title as no request', () => {
    expect(read('critics hated Tropic Thunder but i thought it was hilarious').qualities).toEqual([]);
  });
});

describe('verdicts in less common words', () => {
  it('reads "not sure what I think" as seen and "people keep telling me to watch" as not seen', () => {
    expect(verdicts('not sure what I think of Poor Things yet')).toEqual({ 'Poor Things': 'seen' });
    expect(verdicts('idk how i feel about Midsommar tbh')).toEqual({ Midsommar: 'seen' });
    expect(verdicts('people keep telling me to watch Oldboy')).toEqual({ Oldboy: 'neutral' });
  });

  it('reads the sentence after a title that stands alone as its verdict', () => {
    expect(verdicts('The Revenant? sat thru the whole thing, wont do that again')).toEqual({
      'The Revenant': 'disliked',
    });
  });
});
