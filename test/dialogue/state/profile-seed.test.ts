import { describe, expect, it } from 'vitest';
import {
  applyTurn,
  initialState,
  recordShown,
  type DialogueState,
  type TurnUpdate,
} from '../../../src/dialogue/state/index.js';
import { CatalogLexicon, movieLexicon } from '../../../src/lexicon/index.js';
import { EnglishAnalyzer } from '../../../src/nlp/index.js';
import { requestFromState, type ProfileSignals } from '../../../src/understanding/request-from-state.js';
import { delta, type DeltaInput } from './understanding-delta.js';

// The stored profile enters a turn only where the request in force becomes a retrieval request.

const lexicon = new CatalogLexicon(
  movieLexicon(),
  new Set(['action', 'comedy', 'crime', 'drama', 'horror', 'sci-fi', 'thriller', 'western']),
  new EnglishAnalyzer(),
);

const profile: ProfileSignals = {
  likedIds: ['the-godfather', 'alien'],
  dislikedIds: ['titanic'],
  seenIds: ['jaws'],
};

const yearAnchors = { oldUpTo: 1999, recentFrom: 2018 };

function turn(
  state: DialogueState,
  messageIndex: number,
  understanding: DeltaInput,
  extras: Partial<TurnUpdate> = {},
): DialogueState {
  return applyTurn(
    state,
    {
      understanding: delta(understanding),
      messageIndex,
      titles: [],
      lastShown: [],
      lastShownYears: [],
      text: '',
      ...extras,
    },
    yearAnchors,
  );
}

const retrievalFor = (state: DialogueState, shownIds: string[] = []) =>
  requestFromState({ state, lexicon, shownIds, profile, k: 20 });

describe('the stored profile', () => {
  it('seeds a request that names nothing ("what should I watch?")', () => {
    const state = turn(initialState(), 0, { newRequest: true }, { text: 'what should i watch' });
    const built = retrievalFor(state);
    expect(built.fromProfile).toBe(true);
    expect(built.request.likedIds).toEqual(['the-godfather', 'alien']);
  });

  it('does not steer a request that names a genre, a title or a quality', () => {
    const requests: [DeltaInput, Partial<TurnUpdate>][] = [
      [{ newRequest: true, preferences: { genres: ['western'], people: [] } }, { text: 'a western' }],
      [{ newRequest: true }, { titles: [{ id: 'heat', sentiment: 'liked' }] }],
      [{ newRequest: true, qualities: [{ id: 'funny', polarity: 'more' }] }, { text: 'something funny' }],
    ];
    for (const [understanding, extras] of requests) {
      const built = retrievalFor(turn(initialState(), 0, understanding, extras));
      expect(built.fromProfile).toBe(false);
      expect(built.request.likedIds).not.toContain('the-godfather');
      expect(built.request.likedIds).not.toContain('alien');
    }
  });

  it('still keeps its liked, seen and disliked items out of every request', () => {
    const state = turn(
      initialState(),
      0,
      { newRequest: true, preferences: { genres: ['western'], people: [] } },
      { text: 'a western' },
    );
    const built = retrievalFor(state);
    expect(built.request.filters?.excludeIds).toEqual(
      expect.arrayContaining(['the-godfather', 'alien', 'jaws']),
    );
    expect(built.request.dislikedIds).toContain('titanic');
    expect(built.request.seenIds).toContain('jaws');
  });

  it('stops seeding once the conversation names something, and a refinement naming nothing keeps it so', () => {
    let state = turn(initialState(), 0, { newRequest: true }, { text: 'what should i watch' });
    state = recordShown(state, ['heat', 'up'], { answered: true, at: 1 });
    // The list shown is the request's own seed now: the profile no longer leads.
    expect(retrievalFor(state, ['heat', 'up']).fromProfile).toBe(false);

    let western = turn(
      initialState(),
      0,
      { newRequest: true, preferences: { genres: ['western'], people: [] } },
      { text: 'a western' },
    );
    western = turn(western, 1, { intent: 'refine', yearDirection: 'older' }, { text: 'older' });
    expect(retrievalFor(western).fromProfile).toBe(false);
    expect(retrievalFor(western).request.likedIds).toEqual([]);
  });

  it('never seeds with an item the session turned down', () => {
    let state = turn(
      initialState(),
      0,
      { intent: 'chit-chat' },
      { titles: [{ id: 'alien', sentiment: 'disliked' }] },
    );
    state = turn(state, 1, { newRequest: true }, { text: 'what should i watch' });
    const built = retrievalFor(state);
    expect(built.fromProfile).toBe(true);
    expect(built.request.likedIds).toEqual(['the-godfather']);
  });
});
