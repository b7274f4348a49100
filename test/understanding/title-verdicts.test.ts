import { describe, expect, it } from 'vitest';
import { readerContext, replayTranscript, type TranscriptMessage } from '../../src/dialogue/state/index.js';
import type { Understanding } from '../../src/understanding/understanding-schema.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

function read(text: string, shown: string[] = []): Understanding {
  const messages: TranscriptMessage[] = [];
  if (shown.length > 0) {
    messages.push({ role: 'user', text: 'a crime drama' });
    const items = shown.map((title) => demo.retriever.catalog.items.find((item) => item.title === title)!);
    messages.push({ role: 'assistant', text: 'Here are some picks:', shown: items });
  }
  const { titles, catalog } = demo.retriever.components;
  const { state, lastShown } = replayTranscript(messages, demo.reader, titles, demo.reader.yearAnchors);
  return demo.reader.understand(text, readerContext(state, lastShown, catalog));
}

/** Title (without year) → sentiment. */
function verdicts(text: string, shown: string[] = []): Record<string, string> {
  return Object.fromEntries(
    read(text, shown).mentionedTitles.map((entry) => [
      entry.title.replace(/ \(\d{4}\)$/, ''),
      entry.sentiment,
    ]),
  );
}

describe('the clause that describes a title gives its verdict', () => {
  it('reads verdicts no cue phrase lists, from the valence of the words', () => {
    expect(verdicts('Arrival was breathtaking')).toEqual({ Arrival: 'liked' });
    expect(verdicts('Interstellar felt pointless and tedious')).toEqual({ Interstellar: 'disliked' });
  });

  it('gives one verdict to titles listed together', () => {
    expect(verdicts('Heat, Collateral and Sicario are my kind of film')).toEqual({
      Heat: 'liked',
      Collateral: 'liked',
      Sicario: 'liked',
    });
  });

  it('keeps each title its own verdict across a comma', () => {
    expect(verdicts('Inception blew me away, Tenet less so')).toMatchObject({ Inception: 'liked' });
    expect(verdicts('Alien made me jump, Aliens did not')).toEqual({ Alien: 'liked', Aliens: 'disliked' });
  });

  it('lets "too" repeat the verdict of the title before', () => {
    expect(verdicts('Amelie was lovely, Paddington too')).toEqual({ Amélie: 'liked', Paddington: 'liked' });
  });

  it('reads "but not X" after titles seen as not seen, and after titles liked as a dislike', () => {
    expect(verdicts('seen Heat and Collateral but not Sicario')).toEqual({
      Heat: 'seen',
      Collateral: 'seen',
      Sicario: 'neutral',
    });
    expect(verdicts('loved Heat but not Collateral')).toEqual({ Heat: 'liked', Collateral: 'disliked' });
  });

  it('reads a verdict in a short fragment after the title', () => {
    expect(verdicts('watched Avatar last week... boring')).toEqual({ Avatar: 'disliked' });
  });

  it('gives no verdict to a title asked about, with or without a question mark', () => {
    expect(verdicts('is Heat any good')).toEqual({ Heat: 'neutral' });
    expect(verdicts('did you like Heat?')).toEqual({ Heat: 'neutral' });
    expect(verdicts("didn't like Heat")).toEqual({ Heat: 'disliked' });
  });

  it('reads a negated verb without a subject before a question mark as a verdict', () => {
    expect(verdicts("Don't like Heat (1995) other?")).toEqual({ Heat: 'disliked' });
    expect(verdicts("Didn't you like Heat?")).toEqual({ Heat: 'neutral' });
  });

  it('keeps the example of a request liked even in a question', () => {
    expect(verdicts('have you got anything like Heat')).toEqual({ Heat: 'liked' });
  });
});

describe('what describes a title asks for nothing', () => {
  it('does not turn a description into a wish', () => {
    const understanding = read('Se7en was dark, twisted and brilliant');
    expect(understanding.mentionedTitles).toEqual([{ title: 'Se7en (1995)', sentiment: 'liked' }]);
    expect(understanding.qualities).toEqual([]);
    expect(read('Toy Story is the best animated film ever').preferences.genres).toEqual([]);
  });

  it('still reads a request after the titles', () => {
    const understanding = read('Heat and Collateral, something less violent please');
    expect(understanding.qualities).toEqual([{ id: 'violent', polarity: 'less' }]);
    expect(verdicts('Heat and Collateral, more like that please')).toEqual({
      Heat: 'liked',
      Collateral: 'liked',
    });
    expect(read('Heat and Collateral - crime stuff like that').preferences.genres).toContain('crime');
  });
});

describe('titles the catalog does not have', () => {
  const unknown = (text: string) =>
    read(text)
      .mentionedTitles.filter((entry) => !/\(\d{4}\)$/.test(entry.title))
      .map((entry) => entry.title);

  it('takes a capitalised word of small talk run on without a mark for no title', () => {
    expect(unknown("I think I've been told things about it though Thanks for the suggestion!")).toEqual([]);
    expect(unknown('I loved Dope')).toEqual(['Dope']);
  });

  it('finds them in a list with known titles, after a verdict, or as a capitalised phrase', () => {
    expect(unknown('Heat, Ronin and Sicario are my favourites')).toEqual(['Ronin']);
    expect(unknown('I loved Ponyo')).toEqual(['Ponyo']);
    expect(unknown('Heat was great, Public Enemies not so much')).toEqual(['Public Enemies']);
  });

  it('does not take people, places or sentence openers for titles', () => {
    expect(unknown('my friend Sarah says I should watch something scary')).toEqual([]);
    expect(unknown('a film set in Portugal')).toEqual([]);
    expect(unknown('Honestly anything with a heist is fine')).toEqual([]);
    expect(unknown('action between 1985 and 1995')).toEqual([]);
  });
});

describe('feedback on the shown list', () => {
  const shown = ['Heat', 'Collateral', 'The Departed', 'Zodiac'];
  const feedback = (text: string) => read(text, shown).shownFeedback;

  it('reads a verdict on the whole list next to one on a position', () => {
    expect(feedback('seen all of them already. the second is the best')).toEqual([
      { position: 1, sentiment: 'seen' },
      { position: 2, sentiment: 'liked' },
      { position: 3, sentiment: 'seen' },
      { position: 4, sentiment: 'seen' },
    ]);
  });

  it('reads "all except" without taking the exception for a dislike', () => {
    expect(feedback('all of them except the 2nd, seen')).toEqual([
      { position: 1, sentiment: 'seen' },
      { position: 3, sentiment: 'seen' },
      { position: 4, sentiment: 'seen' },
    ]);
  });

  it('reads numbers side by side as a list', () => {
    expect(feedback('seen 1 3 n 4').map((entry) => entry.position)).toEqual([1, 3, 4]);
  });

  it('gives no verdict in a question about a position', () => {
    expect(feedback('wait, is the 3rd one the best one?')).toEqual([]);
  });
});
