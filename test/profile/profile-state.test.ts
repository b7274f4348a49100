import { describe, expect, it } from 'vitest';
import { profileState, type FeedbackEvent, type FeedbackKind } from '../../src/profile/index.js';
import { feedbackEvent } from './profile-store-suite.js';

const events = (...pairs: [string, FeedbackKind][]): FeedbackEvent[] =>
  pairs.map(([itemId, kind], index) =>
    feedbackEvent('ann', itemId, { kind, turn: index + 1, at: `2026-01-01T10:0${index}:00.000Z` }),
  );

describe('profileState', () => {
  it('lists liked, disliked and seen items, most recent first', () => {
    const state = profileState(
      events(['m4', 'liked'], ['m7', 'disliked'], ['m5', 'liked'], ['m1', 'seen'], ['m8', 'disliked']),
    );
    expect(state.liked).toEqual(['m5', 'm4']);
    expect(state.disliked).toEqual(['m8', 'm7']);
    expect(state.seen).toEqual(['m1']);
  });

  it('lets the latest event for an item win, and lists the item once', () => {
    const state = profileState(events(['m4', 'liked'], ['m5', 'liked'], ['m4', 'disliked'], ['m5', 'seen']));
    expect(state.liked).toEqual([]);
    expect(state.disliked).toEqual(['m4']);
    expect(state.seen).toEqual(['m5']);
    expect(state.kinds.get('m4')).toBe('disliked');
    expect(state.kinds.get('m9')).toBeUndefined();
  });

  it('moves a re-liked item to the front', () => {
    expect(profileState(events(['m4', 'liked'], ['m5', 'liked'], ['m4', 'liked'])).liked).toEqual([
      'm4',
      'm5',
    ]);
  });

  it('is empty without feedback', () => {
    const state = profileState([]);
    expect([state.liked, state.disliked, state.seen, state.kinds.size]).toEqual([[], [], [], 0]);
  });
});
