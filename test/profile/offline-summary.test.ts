import { describe, expect, it } from 'vitest';
import { offlineProfileSummary, type FeedbackEvent, type FeedbackKind } from '../../src/profile/index.js';
import { toyCatalog, toyRows } from '../helpers/toy-catalog.js';
import { feedbackEvent } from './profile-store-suite.js';

const catalog = toyCatalog();
const now = '2026-02-01T12:00:00.000Z';
const events = (...pairs: [string, FeedbackKind][]): FeedbackEvent[] =>
  pairs.map(([itemId, kind], index) => feedbackEvent('ann', itemId, { kind, turn: index + 1 }));

describe('offlineProfileSummary', () => {
  it('names likes, dislikes and seen titles, and the genres and people liked items share', () => {
    const summary = offlineProfileSummary(
      events(['m4', 'liked'], ['m7', 'disliked'], ['m5', 'liked'], ['m12', 'seen']),
      catalog,
      now,
    );
    expect(summary).toEqual({
      text:
        'Likes: The Vault Job (2001), Heat (1995). Dislikes: Paris Letters (1999). Seen: Jungle Song. ' +
        'Leans towards: crime. People: Robert De Niro.',
      writtenBy: 'offline',
      updatedAt: now,
      feedbackCount: 4,
    });
  });

  it('orders shared genres and people by count, ties by the most recently liked item', () => {
    const text = offlineProfileSummary(
      events(['m4', 'liked'], ['m6', 'liked'], ['m5', 'liked']),
      catalog,
      now,
    ).text;
    expect(text).toContain('Leans towards: crime, thriller.');
    expect(text).toContain('People: Robert De Niro, Michael Mann.');
    expect(text).not.toContain('Tom Cruise');
    expect(
      offlineProfileSummary(events(['m4', 'liked'], ['m6', 'liked'], ['m5', 'liked']), catalog, now).text,
    ).toBe(text);
  });

  it('uses every attribute of a single liked item, capped at three', () => {
    expect(offlineProfileSummary(events(['m4', 'liked']), catalog, now).text).toBe(
      'Likes: Heat (1995). Leans towards: crime, thriller. People: Michael Mann, Al Pacino, Robert De Niro.',
    );
  });

  it('reads the latest feedback per item, so a changed mind is not a like', () => {
    const text = offlineProfileSummary(
      events(['m7', 'liked'], ['m8', 'liked'], ['m7', 'disliked']),
      catalog,
      now,
    ).text;
    expect(text).toBe(
      'Likes: Summer Wedding (2010). Dislikes: Paris Letters (1999). Leans towards: romance, comedy. People: Emma Stone.',
    );
  });

  it('skips items missing from the catalog but counts every event', () => {
    const summary = offlineProfileSummary(events(['gone', 'liked'], ['m10', 'liked']), catalog, now);
    expect(summary.text).toBe('Likes: Up (2009). Leans towards: animation, adventure. People: Pete Docter.');
    expect(summary.feedbackCount).toBe(2);
  });

  it('says there is no feedback when there is none it can name', () => {
    expect(offlineProfileSummary([], catalog, now).text).toBe('No feedback yet.');
    expect(offlineProfileSummary(events(['gone', 'disliked']), catalog, now).text).toBe('No feedback yet.');
  });

  it('names at most ten titles per list and says how many more there are', () => {
    const all = toyRows.map((row): [string, FeedbackKind] => [row.id, 'liked']);
    const text = offlineProfileSummary(events(...all), catalog, now).text;
    expect(text).toMatch(/^Likes: Jungle Song, Ocean Friends \(2003\), .*, and 2 more\. /);
    expect(text).not.toContain('Star Voyage');
  });
});
