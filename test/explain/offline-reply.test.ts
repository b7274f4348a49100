import { describe, expect, it } from 'vitest';
import { recommendReply } from '../../src/explain/offline-reply.js';
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
  it('does not repeat a genre the lead already says', () => {
    expect(reply(['family'], ['the whole family'])).toBe('Here are 5 picks for the whole family:');
    expect(reply(['horror'], [], ['horror'])).toBe('Here are 5 horror picks:');
  });

  it('keeps an either-or limit whole when the lead says only part of it', () => {
    expect(reply(['comedy', 'drama'], [], ['comedy'])).toBe('Here are 5 comedy picks, only comedy or drama:');
    expect(reply(['horror'], ['teens'])).toBe('Here are 5 picks for teens, only horror:');
  });
});
