import { describe, expect, it } from 'vitest';
import { readerContext, replayTranscript, type TranscriptMessage } from '../../src/dialogue/state/index.js';
import type { Understanding } from '../../src/understanding/understanding-schema.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const horror: TranscriptMessage[] = [{ role: 'user', text: 'a horror movie, nothing too gory' }];

/** The conversation so far: a horror request answered with three films. */
function answered(): TranscriptMessage[] {
  const shown = ['Get Out', 'Us', 'Nope'].map((title) =>
    demo.retriever.catalog.items.find((item) => item.title === title)!,
  );
  return [...horror, { role: 'assistant', text: 'Here are 3 picks:', shown }];
}

function read(text: string, messages: TranscriptMessage[]): Understanding {
  const { titles, catalog } = demo.retriever.components;
  const { state, lastShown } = replayTranscript(messages, demo.reader, titles, demo.reader.yearAnchors);
  return demo.reader.understand(text, readerContext(state, lastShown, catalog));
}

describe('messages that ask for nothing', () => {
  it('reads laughter, slang acknowledgements and sign-offs as small talk', () => {
    for (const text of [
      'hahaha',
      'lmaooo 💀',
      'bet',
      'gotcha, ty',
      'aight im out, thx',
      'brb getting popcorn',
      'wow that was quick lol',
      'hehe nice one',
      'good evening! hope ur well',
    ]) {
      const understanding = read(text, answered());
      expect([understanding.intent, understanding.newRequest], text).toEqual(['chit-chat', false]);
    }
  });

  it('leaves the request in force as it was', () => {
    const { titles } = demo.retriever.components;
    const before = replayTranscript(answered(), demo.reader, titles, demo.reader.yearAnchors).state.request;
    for (const text of ['lmaooo 💀', 'brb getting popcorn', 'ok bye 👋']) {
      const after = replayTranscript(
        [...answered(), { role: 'user', text }],
        demo.reader,
        titles,
        demo.reader.yearAnchors,
      ).state.request;
      expect(after?.startIndex, text).toBe(before?.startIndex);
      expect(after?.preferences.genres, text).toEqual(['horror']);
      expect(
        after?.qualities.map((quality) => quality.id),
        text,
      ).toEqual(['violent']);
    }
  });

  it('still reads a short request, a complaint or a question as one', () => {
    expect(read('keep going', answered()).intent).toBe('refine');
    expect(read('surprise me', answered()).intent).not.toBe('chit-chat');
    expect(read('meh', answered()).intent).not.toBe('chit-chat');
    expect(read('is it on netflix', answered()).intent).not.toBe('chit-chat');
    expect(read('a quiet night in', []).intent).toBe('recommend');
  });

  it('still finds a misspelled title said on its own', () => {
    const understanding = read('avtar', []);
    expect(understanding.intent).toBe('recommend');
    expect(understanding.mentionedTitles.map((title) => title.title)).toEqual(['Avatar (2009)']);
  });
});
