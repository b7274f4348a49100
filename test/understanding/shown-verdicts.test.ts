import { describe, expect, it } from 'vitest';
import { readerContext, replayTranscript, type TranscriptMessage } from '../../src/dialogue/state/index.js';
import type { Understanding } from '../../src/understanding/understanding-schema.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

/** Reads a message after a request answered with these titles (or none). */
function read(text: string, request: string, shown: string[]): Understanding {
  const messages: TranscriptMessage[] = [{ role: 'user', text: request }];
  if (shown.length > 0) {
    const items = shown.map((title) => demo.retriever.catalog.items.find((item) => item.title === title)!);
    messages.push({ role: 'assistant', text: 'Here are some picks:', shown: items });
  }
  const { titles, catalog } = demo.retriever.components;
  const { state, lastShown } = replayTranscript(messages, demo.reader, titles, demo.reader.yearAnchors);
  return demo.reader.understand(text, readerContext(state, lastShown, catalog));
}

const scifi = ['Arrival', 'Ex Machina', 'Moon', 'Gattaca'];
/** Position → sentiment. */
const feedback = (text: string): Record<number, string> =>
  Object.fromEntries(
    read(text, 'sci fi', scifi).shownFeedback.map((entry) => [entry.position, entry.sentiment]),
  );

describe('verdicts on the shown list', () => {
  it('reads a number that counts things, or "the other two" of four with none named, as no position', () => {
    expect(feedback('watched 3 horror films this week, something lighter')).toEqual({});
    expect(feedback('the other two are fine')).toEqual({});
    expect(feedback('2 looks sick')).toEqual({ 2: 'liked' });
    expect(feedback('loved the first, the other three are fine')).toEqual({
      1: 'liked',
      2: 'seen',
      3: 'seen',
      4: 'seen',
    });
  });

  it('reads the verdict said after the exception of "all but one"', () => {
    expect(feedback('all good except number 2, hated that one')).toEqual({
      1: 'liked',
      2: 'disliked',
      3: 'liked',
      4: 'liked',
    });
    expect(feedback('all good except the second')).toEqual({ 1: 'liked', 3: 'liked', 4: 'liked' });
  });

  it('reads how an unseen item comes across as a verdict', () => {
    expect(feedback('the third one looks cute')).toEqual({ 3: 'liked' });
    expect(feedback('the 2nd sounds interesting')).toEqual({ 2: 'liked' });
    expect(feedback('first one seems kinda boring, the other three look dope')).toEqual({
      1: 'disliked',
      2: 'liked',
      3: 'liked',
      4: 'liked',
    });
  });

  it('takes a verdict said after "watched it" over "seen"', () => {
    expect(feedback("watched the second one and didn't like it")).toEqual({ 2: 'disliked' });
    expect(feedback('watched 3 already, wasnt my thing')).toEqual({ 3: 'disliked' });
    expect(feedback('seen 1 and 3, loved 2')).toEqual({ 1: 'seen', 2: 'liked', 3: 'seen' });
  });

  it('reads a bare number right next to a verdict as the item it judges', () => {
    expect(feedback('2 looks sick')).toEqual({ 2: 'liked' });
    expect(feedback('4 is a no')).toEqual({ 4: 'disliked' });
  });
});

describe('loosening said in other words', () => {
  const relax = (text: string, request: string) => read(text, request, scifi).relax;

  it('lifts the years or genres when the word for them is relaxed', () => {
    expect(relax('decade doesnt really matter tbh', 'a 2010s sci-fi').years).toBe(true);
    expect(relax("the year isn't that important", 'a 2010s sci-fi').years).toBe(true);
    expect(relax('genre doesnt really matter', 'only sci-fi').genres).toBe(true);
  });

  it('lifts a quality or a person the user can now live with', () => {
    expect(relax("a bit of blood won't kill me lol", 'sci-fi, no gore').qualities).toEqual(['violent']);
    expect(relax("length isn't an issue actually", 'sci-fi, not too long').qualities).toEqual(['long']);
    expect(relax('ok I can live with Tom Cruise', 'sci-fi without Tom Cruise').excludePeople).toEqual([
      'Tom Cruise',
    ]);
  });

  it('asks for nothing more of what it loosens', () => {
    expect(read("a bit of blood won't kill me lol", 'sci-fi, no gore', scifi).qualities).toEqual([]);
    expect(read("sad ones are fine too, we don't mind a cry", 'a family film', scifi).qualities).toEqual([]);
  });
});
