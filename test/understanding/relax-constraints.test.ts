import { describe, expect, it } from 'vitest';
import { replayTranscript, type TranscriptMessage } from '../../src/dialogue/state/index.js';
import type { Constraints } from '../../src/understanding/understanding-schema.js';
import { useDemoReader } from '../helpers/demo-reader.js';

const demo = useDemoReader();

const request = 'Only thrillers after 2010, no horror, and nothing with Tom Cruise';

/** The limits in force after the request, a list of picks, and then the user's message. */
function constraintsAfter(text: string): Constraints | undefined {
  const picks = demo.retriever.catalog.items.filter((item) => item.genres.includes('thriller')).slice(0, 3);
  const messages: TranscriptMessage[] = [
    { role: 'user', text: request },
    { role: 'assistant', text: 'Here are some picks:', shown: picks },
    { role: 'user', text },
  ];
  const { titles } = demo.retriever.components;
  return replayTranscript(messages, demo.reader, titles, demo.reader.yearAnchors).state.request?.constraints;
}

describe('relaxing the limits in force', () => {
  it('reads the request as limits', () => {
    expect(constraintsAfter('ok')).toMatchObject({
      yearFrom: 2011,
      genres: ['thriller'],
      excludeGenres: ['horror'],
      excludePeople: ['Tom Cruise'],
    });
  });

  it('drops the years on "any year is fine" and keeps everything else', () => {
    for (const text of ['Any year is fine', "the decade doesn't matter"]) {
      expect(constraintsAfter(text)).toMatchObject({
        yearFrom: null,
        yearTo: null,
        genres: ['thriller'],
        excludeGenres: ['horror'],
        excludePeople: ['Tom Cruise'],
      });
    }
  });

  it('lifts only the exclusion the user names as fine', () => {
    expect(constraintsAfter('Tom Cruise is fine after all')).toMatchObject({
      yearFrom: 2011,
      excludeGenres: ['horror'],
      excludePeople: [],
    });
    expect(constraintsAfter('ok, horror is okay now')).toMatchObject({
      yearFrom: 2011,
      excludeGenres: [],
      excludePeople: ['Tom Cruise'],
    });
  });

  it('drops required genres on "any genre"', () => {
    expect(constraintsAfter('any genre, really')).toMatchObject({
      yearFrom: 2011,
      genres: [],
      excludeGenres: ['horror'],
    });
  });

  it('leaves the limits alone otherwise', () => {
    const limits = constraintsAfter('ok');
    expect(constraintsAfter('something darker')).toEqual(limits);
    expect(constraintsAfter('the first one is fine but show me more')).toEqual(limits);
  });
});
