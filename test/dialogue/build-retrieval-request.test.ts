import { describe, expect, it } from 'vitest';
import { buildRetrievalRequest } from '../../src/dialogue/build-retrieval-request.js';
import type { DialogueMessage } from '../../src/dialogue/dialogue-message.js';
import { TitleResolver } from '../../src/titles/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const catalog = toyCatalog();
const titles = new TitleResolver(catalog);
const user = (text: string): DialogueMessage => ({ role: 'user', text });
const assistant = (text: string): DialogueMessage => ({ role: 'assistant', text });

describe('buildRetrievalRequest', () => {
  it('turns liked and disliked titles into liked and disliked ids', () => {
    const { mentions, request } = buildRetrievalRequest([user('I loved Heat. I hated Collateral.')], titles);
    expect(mentions.map((mention) => [mention.id, mention.sentiment])).toEqual([
      ['m4', 'liked'],
      ['m6', 'disliked'],
    ]);
    expect(request.likedIds).toEqual(['m4']);
    expect(request.dislikedIds).toEqual(['m6']);
  });

  it("keeps the user's own words as queries, without the titles, latest first", () => {
    const { request } = buildRetrievalRequest(
      [user('I loved Heat.'), assistant('Noted!'), user('Something with astronauts please')],
      titles,
    );
    expect(request.queries[0]).toBe('Something with astronauts please');
    expect(request.queries.some((query) => query.includes('Heat'))).toBe(false);
    expect(request.queries.some((query) => query.includes('loved'))).toBe(true);
  });

  it('reads the reply to an assistant suggestion: rejected ones are disliked, seen ones are seen', () => {
    const rejected = buildRetrievalRequest(
      [user('I loved Heat.'), assistant('How about Paris Letters?'), user('No, I hate that kind of thing.')],
      titles,
    ).request;
    expect(rejected.dislikedIds).toEqual(['m7']);
    expect(rejected.likedIds).toEqual(['m4']);

    const seen = buildRetrievalRequest(
      [user('I loved Heat.'), assistant('You might like Orbit.'), user('Seen it already.')],
      titles,
    ).request;
    expect(seen.seenIds).toEqual(['m3']);
    expect(seen.dislikedIds).toEqual([]);
  });

  it('lists the most recently mentioned liked titles first, user titles before suggestions', () => {
    const { request } = buildRetrievalRequest(
      [user('I loved Heat.'), assistant('Try Orbit.'), user('Sure. I also enjoyed Collateral.')],
      titles,
    );
    expect(request.likedIds).toEqual(['m6', 'm4', 'm3']);
  });

  it('finds nothing in small talk', () => {
    const { mentions, request } = buildRetrievalRequest(
      [user('hi, I like it when movies are up beat')],
      titles,
    );
    expect(mentions).toEqual([]);
    expect(request.likedIds).toEqual([]);
    expect(request.queries).toEqual(['hi, I like it when movies are up beat']);
  });
});
