import { describe, expect, it } from 'vitest';
import { relevantFeedback, type FeedbackEvent, type FeedbackKind } from '../../src/profile/index.js';
import { toyCatalog } from '../helpers/toy-catalog.js';
import { feedbackEvent } from './profile-store-suite.js';

const catalog = toyCatalog();
const events = (...pairs: [string, FeedbackKind][]): FeedbackEvent[] =>
  pairs.map(([itemId, kind], index) => feedbackEvent('ann', itemId, { kind, turn: index + 1 }));
const history = events(['m4', 'liked'], ['m7', 'disliked'], ['m1', 'liked'], ['m6', 'seen']);
const ids = (request: string, limit = 5, from: FeedbackEvent[] = history) =>
  relevantFeedback(from, catalog, request, limit).map((found) => found.item.id);

describe('relevantFeedback', () => {
  it("ranks past feedback by overlap with the request's words, leaving out unrelated items", () => {
    const found = relevantFeedback(history, catalog, 'a crime thriller with De Niro', 5);
    expect(found.map((entry) => [entry.item.id, entry.event.kind, entry.score])).toEqual([
      ['m4', 'liked', 4],
      ['m6', 'seen', 2],
    ]);
  });

  it('matches titles and people as well as genres', () => {
    expect(ids('another Star Voyage')).toEqual(['m1']);
    expect(ids('something from Michael Mann')).toEqual(['m6', 'm4']);
    expect(ids('paris romance')).toEqual(['m7']);
  });

  it('breaks ties by recency', () => {
    expect(ids('crime')).toEqual(['m6', 'm4']);
  });

  it('caps the result at the limit', () => {
    expect(ids('crime thriller De Niro', 1)).toEqual(['m4']);
    expect(ids('crime', 0)).toEqual([]);
  });

  it('uses only the latest event per item', () => {
    const found = relevantFeedback(events(['m4', 'liked'], ['m4', 'disliked']), catalog, 'crime', 5);
    expect(found.map((entry) => [entry.item.id, entry.event.kind])).toEqual([['m4', 'disliked']]);
  });

  it('skips items missing from the catalog and requests with no content words', () => {
    expect(ids('crime', 5, events(['gone', 'liked'], ['m5', 'liked']))).toEqual(['m5']);
    expect(ids('something good to watch')).toEqual([]);
  });
});
