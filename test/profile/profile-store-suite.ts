import type { DialogueState } from '../../src/dialogue/state/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackEvent, ProfileStore, SessionRecord } from '../../src/profile/index.js';
import { thrownBy } from '../helpers/errors.js';

/** A feedback event for `userId` with sensible defaults. */
export function feedbackEvent(
  userId: string,
  itemId: string,
  overrides: Partial<FeedbackEvent> = {},
): FeedbackEvent {
  return {
    userId,
    itemId,
    kind: 'liked',
    sessionId: `${userId}-s1`,
    turn: 1,
    at: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A saved session for `userId` with one exchange. */
export function sessionRecord(
  id: string,
  userId: string,
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  return {
    id,
    userId,
    messages: [
      { role: 'user', text: 'something like Heat' },
      { role: 'assistant', text: 'Try The Vault Job.' },
    ],
    lastShown: [{ itemId: 'm5', reason: 'bank robbers, like Heat' }],
    shownIds: ['m5'],
    turns: 1,
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The behaviour every ProfileStore must have, run against a store from `open`; `cleanup` runs after
 * each test once the store is closed.
 */
export function describeProfileStore(
  name: string,
  open: () => ProfileStore | Promise<ProfileStore>,
  cleanup: () => Promise<void> = async () => {},
): void {
  describe(`${name} (shared ProfileStore behaviour)`, () => {
    let store: ProfileStore;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it('returns feedback as saved, oldest first, with and without text', async () => {
      const later = feedbackEvent('ann', 'm4', {
        at: '2026-01-02T10:00:00.000Z',
        text: 'loved Heat',
        turn: 2,
      });
      const earlier = feedbackEvent('ann', 'm7', { kind: 'disliked' });
      await store.addFeedback([later]);
      await store.addFeedback([earlier, feedbackEvent('ann', 'm1', { kind: 'seen' })]);
      expect(await store.feedback('ann')).toEqual([
        earlier,
        feedbackEvent('ann', 'm1', { kind: 'seen' }),
        later,
      ]);
      expect((await store.feedback('ann'))[0]).not.toHaveProperty('text');
    });

    it('keeps events at the same time in the order they were added', async () => {
      await store.addFeedback([feedbackEvent('ann', 'm4'), feedbackEvent('ann', 'm4', { kind: 'disliked' })]);
      expect((await store.feedback('ann')).map((event) => event.kind)).toEqual(['liked', 'disliked']);
    });

    it('has no feedback, summary or sessions for an unknown user or id', async () => {
      expect(await store.feedback('nobody')).toEqual([]);
      expect(await store.summary('nobody')).toBeUndefined();
      expect(await store.loadSession('no-such-session')).toBeUndefined();
    });

    it('refuses an invalid feedback event and stores none of the batch', async () => {
      const bad = { ...feedbackEvent('ann', 'm5'), kind: 'loved' } as unknown as FeedbackEvent;
      const error = await thrownBy(() => store.addFeedback([feedbackEvent('ann', 'm4'), bad]));
      expect(error.code).toBe('PROFILE_STORE_FAILED');
      expect(error.message).toContain('feedback event 2');
      expect(error.message).toContain('kind');
      expect(await store.feedback('ann')).toEqual([]);
    });

    it('saves, loads and overwrites a summary', async () => {
      const first = {
        text: 'Likes: Heat (1995).',
        writtenBy: 'offline',
        updatedAt: '2026-01-01T10:00:00.000Z',
        feedbackCount: 1,
      };
      await store.saveSummary('ann', first);
      expect(await store.summary('ann')).toEqual(first);
      const second = {
        text: 'Enjoys slow-burn crime.',
        writtenBy: 'gpt-test',
        updatedAt: '2026-01-03T10:00:00.000Z',
        feedbackCount: 4,
      };
      await store.saveSummary('ann', second);
      expect(await store.summary('ann')).toEqual(second);
    });

    it('saves, loads and updates a session', async () => {
      const session = sessionRecord('s1', 'ann');
      await store.saveSession(session);
      expect(await store.loadSession('s1')).toEqual(session);
      const updated = sessionRecord('s1', 'ann', {
        messages: [...session.messages, { role: 'user', text: 'the first one, why?' }],
        shownIds: ['m5', 'm6'],
        lastShown: [{ itemId: 'm6', reason: 'Michael Mann' }],
        turns: 2,
        updatedAt: '2026-01-01T10:05:00.000Z',
      });
      await store.saveSession(updated);
      expect(await store.loadSession('s1')).toEqual(updated);
    });

    it('keeps the dialogue state (the request in force, the session verdicts), and leaves it absent when there was none', async () => {
      const state: DialogueState = {
        request: {
          startIndex: 0,
          anchors: ['m1'],
          constraints: {
            yearFrom: 1990,
            yearTo: null,
            genres: ['Crime'],
            excludeGenres: ['Romance'],
            people: ['Michael Mann'],
            excludePeople: [],
          },
          qualities: [{ id: 'violent', polarity: 'less', word: 'gory' }],
          audiences: ['young-kids'],
          mentionedAudiences: [],
          preferences: { genres: [], people: [] },
          focus: [],
          focusPeople: [],
          avoidTopics: [],
          preferredYears: null,
          texts: ['heist crew'],
          quantity: null,
          suggested: [],
          named: [],
          seeds: [{ id: 'm1', at: 0, user: true }],
          answered: true,
        },
        facts: { liked: ['m1'], disliked: [], seen: ['m2'], rejected: [], named: ['m1'] },
        pending: [],
        asked: null,
      };
      await store.saveSession(sessionRecord('with', 'ann', { state }));
      await store.saveSession(sessionRecord('without', 'ann'));
      expect((await store.loadSession('with'))?.state).toEqual(state);
      expect(await store.loadSession('without')).not.toHaveProperty('state');
    });

    it('returns copies: changing a loaded or saved object does not change the store', async () => {
      const session = sessionRecord('s1', 'ann');
      await store.saveSession(session);
      session.shownIds.push('m9');
      const loaded = await store.loadSession('s1');
      loaded?.messages.push({ role: 'user', text: 'changed' });
      loaded?.lastShown.splice(0);
      expect(await store.loadSession('s1')).toEqual(sessionRecord('s1', 'ann'));

      await store.addFeedback([feedbackEvent('ann', 'm4')]);
      const events = await store.feedback('ann');
      events.pop();
      expect(await store.feedback('ann')).toHaveLength(1);
    });

    it("never mixes two users' feedback, summaries or sessions", async () => {
      await store.addFeedback([feedbackEvent('ann', 'm4'), feedbackEvent('bob', 'm7', { kind: 'disliked' })]);
      await store.saveSummary('ann', {
        text: 'ann likes crime',
        writtenBy: 'offline',
        updatedAt: 'x',
        feedbackCount: 1,
      });
      await store.saveSummary('bob', {
        text: 'bob dislikes romance',
        writtenBy: 'offline',
        updatedAt: 'y',
        feedbackCount: 1,
      });
      await store.saveSession(sessionRecord('ann-session', 'ann'));
      await store.saveSession(sessionRecord('bob-session', 'bob', { shownIds: ['m10'] }));

      expect((await store.feedback('ann')).map((event) => event.itemId)).toEqual(['m4']);
      expect((await store.feedback('bob')).map((event) => event.itemId)).toEqual(['m7']);
      expect((await store.summary('ann'))?.text).toBe('ann likes crime');
      expect((await store.summary('bob'))?.text).toBe('bob dislikes romance');
      expect((await store.loadSession('bob-session'))?.userId).toBe('bob');
      expect((await store.loadSession('ann-session'))?.userId).toBe('ann');
    });

    it("refuses to overwrite another user's session with the same id", async () => {
      await store.saveSession(sessionRecord('shared-id', 'ann'));
      const error = await thrownBy(() => store.saveSession(sessionRecord('shared-id', 'bob')));
      expect(error.code).toBe('PROFILE_STORE_FAILED');
      expect(error.message).toContain('shared-id');
      expect(await store.loadSession('shared-id')).toEqual(sessionRecord('shared-id', 'ann'));
    });

    it("forgets one user's feedback, summary and sessions and leaves the other user intact", async () => {
      await store.addFeedback([feedbackEvent('ann', 'm4'), feedbackEvent('bob', 'm7')]);
      await store.saveSummary('ann', { text: 'ann', writtenBy: 'offline', updatedAt: 'x', feedbackCount: 1 });
      await store.saveSummary('bob', { text: 'bob', writtenBy: 'offline', updatedAt: 'x', feedbackCount: 1 });
      await store.saveSession(sessionRecord('ann-1', 'ann'));
      await store.saveSession(sessionRecord('ann-2', 'ann'));
      await store.saveSession(sessionRecord('bob-1', 'bob'));

      await store.forget('ann');

      expect(await store.feedback('ann')).toEqual([]);
      expect(await store.summary('ann')).toBeUndefined();
      expect(await store.loadSession('ann-1')).toBeUndefined();
      expect(await store.loadSession('ann-2')).toBeUndefined();
      expect(await store.feedback('bob')).toEqual([feedbackEvent('bob', 'm7')]);
      expect((await store.summary('bob'))?.text).toBe('bob');
      expect(await store.loadSession('bob-1')).toEqual(sessionRecord('bob-1', 'bob'));
    });

    it('refuses an invalid session', async () => {
      const bad = {
        ...sessionRecord('s1', 'ann'),
        messages: [{ role: 'system', text: 'x' }],
      } as unknown as SessionRecord;
      const error = await thrownBy(() => store.saveSession(bad));
      expect(error.code).toBe('PROFILE_STORE_FAILED');
      expect(error.message).toContain('s1');
      expect(await store.loadSession('s1')).toBeUndefined();
    });

    it('can be closed twice, and refuses work once closed', async () => {
      await store.close();
      await store.close();
      const error = await thrownBy(() => store.feedback('ann'));
      expect(error.code).toBe('PROFILE_STORE_FAILED');
      expect(error.message).toContain('closed');
    });
  });
}
