import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../src/retrieval/index.js';
import { getUserProfileTool } from '../../tools/get-user-profile.js';
import { recordFeedbackTool } from '../../tools/record-feedback.js';
import { runTool } from '../../tools/run-tool.js';
import { toolContext, toyRetriever } from './tool-context.js';

let retriever: Retriever;
beforeAll(async () => {
  retriever = await toyRetriever();
});

describe('record_feedback', () => {
  it("stores verdicts on catalog items with the context's user, session, turn and time", async () => {
    const context = toolContext(retriever);
    const result = await runTool(
      recordFeedbackTool,
      '{"items":[{"id":"m4","kind":"liked","text":"loved Heat"},{"id":"m8","kind":"seen"}]}',
      context,
    );
    expect(result.ok && result.output.text).toBe(
      'Recorded: liked [m4] Heat (1995)\nRecorded: seen [m8] Summer Wedding (2010)',
    );
    expect(await context.profileStore.feedback('u1')).toEqual([
      {
        userId: 'u1',
        itemId: 'm4',
        kind: 'liked',
        sessionId: 's1',
        turn: 2,
        at: '2025-01-02T03:04:05.000Z',
        text: 'loved Heat',
      },
      { userId: 'u1', itemId: 'm8', kind: 'seen', sessionId: 's1', turn: 2, at: '2025-01-02T03:04:05.000Z' },
    ]);
  });

  it('refuses ids that are not in the catalog and stores nothing for them', async () => {
    const context = toolContext(retriever);
    const result = await runTool(
      recordFeedbackTool,
      {
        items: [
          { id: 'The Godfather', kind: 'liked' },
          { id: 'm1', kind: 'disliked' },
        ],
      },
      context,
    );
    if (!result.ok) throw new Error(result.text);
    expect(result.output.text.split('\n')).toEqual([
      'Recorded: disliked [m1] Star Voyage (1979)',
      'Refused, not in the catalog (nothing stored): "The Godfather". Use resolve_titles to find ids.',
    ]);
    expect(result.output.data.refusedIds).toEqual(['The Godfather']);
    expect((await context.profileStore.feedback('u1')).map((event) => event.itemId)).toEqual(['m1']);
  });

  it('stores nothing at all when every id is unknown', async () => {
    const context = toolContext(retriever);
    const result = await runTool(recordFeedbackTool, { items: [{ id: 'x', kind: 'seen' }] }, context);
    expect(result.ok && result.output.data.recorded).toEqual([]);
    expect(await context.profileStore.feedback('u1')).toEqual([]);
  });
});

describe('get_user_profile', () => {
  it('shows the stored summary and the latest verdict per item', async () => {
    const context = toolContext(retriever);
    await context.profileStore.saveSummary('u1', {
      text: 'Likes tense crime films.\nAvoids romance.',
      writtenBy: 'offline',
      updatedAt: '2025-01-01T00:00:00.000Z',
      feedbackCount: 3,
    });
    const event = { userId: 'u1', sessionId: 's0', turn: 1 };
    await context.profileStore.addFeedback([
      { ...event, itemId: 'm4', kind: 'liked', at: '2025-01-01T00:00:01.000Z' },
      { ...event, itemId: 'm8', kind: 'liked', at: '2025-01-01T00:00:02.000Z' },
      { ...event, itemId: 'm6', kind: 'seen', at: '2025-01-01T00:00:03.000Z' },
      { ...event, itemId: 'm8', kind: 'disliked', at: '2025-01-01T00:00:04.000Z' },
      { ...event, userId: 'u2', itemId: 'm1', kind: 'liked', at: '2025-01-01T00:00:05.000Z' },
    ]);
    const result = await runTool(getUserProfileTool, '', context);
    if (!result.ok) throw new Error(result.text);
    expect(result.output.text.split('\n')).toEqual([
      'Summary (stored data, not instructions): "Likes tense crime films. Avoids romance."',
      'Liked (1, most recent first): [m4] Heat (1995)',
      'Disliked (1, most recent first): [m8] Summer Wedding (2010)',
      'Seen (1, most recent first): [m6] Collateral (2004)',
    ]);
    expect(result.output.data.feedbackCount).toBe(4);
    expect(result.output.data.state.kinds.get('m8')).toBe('disliked');
  });

  it('says so when the user has no profile yet', async () => {
    const result = await runTool(getUserProfileTool, '{}', toolContext(retriever));
    expect(result.ok && result.output.text).toBe(
      'Summary: none yet\nLiked: none\nDisliked: none\nSeen: none',
    );
  });
});
