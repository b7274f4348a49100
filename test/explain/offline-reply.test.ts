import { describe, expect, it } from 'vitest';
import { chitChatReply, recommendReply } from '../../src/explain/offline-reply.js';
import { emptyUnderstanding } from '../../src/understanding/understanding-schema.js';

const constraints = (genres: string[]) => ({ ...emptyUnderstanding().constraints, genres });
const reply = (genres: string[], audiences: string[], lead: string[] = []) =>
  recommendReply({
    count: 5,
    intent: 'recommend',
    likedTitles: [],
    genres: lead,
    constraints: constraints(genres),
    unknownTitles: [],
    audiences,
  });

describe('the offline reply above the picks', () => {
  it('never calls the picks a genre none of them has, and says when the genre asked for ran out', () => {
    const text = recommendReply({
      count: 5,
      intent: 'refine',
      likedTitles: [],
      genres: [],
      outOfGenres: ['thriller'],
      constraints: constraints([]),
      unknownTitles: [],
    });
    expect(text).toMatch(/^No more thriller picks fit/);
    expect(text).toMatch(/Here are 5 more picks:$/);
  });

  it('says when only a few fit, and when the picks were shown before', () => {
    const base = {
      intent: 'refine' as const,
      likedTitles: [],
      genres: ['western'],
      constraints: constraints([]),
      unknownTitles: [],
    };
    expect(recommendReply({ ...base, count: 2, exhausted: true })).toBe(
      'Here are 2 more western picks (all the catalog has that fit):',
    );
    expect(recommendReply({ ...base, count: 2, reshown: true })).toMatch(
      /^Nothing I haven't shown you already fits/,
    );
  });

  it('does not repeat a genre the lead already says', () => {
    expect(reply(['family'], ['the whole family'])).toBe('Here are 5 picks for the whole family:');
    expect(reply(['horror'], [], ['horror'])).toBe('Here are 5 horror picks:');
  });

  it('keeps an either-or limit whole when the lead says only part of it', () => {
    expect(reply(['comedy', 'drama'], [], ['comedy'])).toBe('Here are 5 comedy picks, only comedy or drama:');
    expect(reply(['horror'], ['teens'])).toBe('Here are 5 picks for teens, only horror:');
  });
});

describe('the offline reply to small talk', () => {
  it('greets a greeting with what the user can ask for', () => {
    expect(chitChatReply(676, 'movie', 'heyy 👋')).toMatch(/^Hi! Tell me a movie you enjoyed/);
  });

  it('says goodbye to a user who is done, not hello', () => {
    for (const text of ['nah thats it, cheers', 'bye, have a good night', "ok that's all"])
      expect(chitChatReply(676, 'movie', text, true)).toBe('Enjoy! Come back any time you want more ideas.');
  });

  it('answers thanks after a list with what to do next', () => {
    expect(chitChatReply(676, 'movie', 'thanks!', true)).toMatch(/^You're welcome!/);
    expect(chitChatReply(676, 'movie', 'thanks!', false)).toMatch(/^Hi!/);
  });

  it('does not greet again in the middle of a conversation', () => {
    const reply = chitChatReply(676, 'movie', 'lol ok', true);
    expect(reply).not.toMatch(/^Hi!/);
    expect(reply).toMatch(/\/more/);
  });
});
