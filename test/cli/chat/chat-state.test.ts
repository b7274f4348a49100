import { describe, expect, it } from 'vitest';
import type { Degradation, Recommendation, TurnResult } from '../../../src/agent/turn-events.js';
import {
  chatReducer,
  initialChatState,
  type ChatAction,
  type ChatState,
} from '../../../src/cli/chat/chat-state.js';
import { emptyUnderstanding } from '../../../src/understanding/understanding-schema.js';

const header = { title: 'convrec · 3 items from films.csv', details: [{ label: 'user', value: 'ann' }] };

function run(...actions: ChatAction[]): ChatState {
  return actions.reduce(chatReducer, initialChatState(header));
}

const recommendation = (id: string, title: string): Recommendation => ({
  item: { id, title, year: 1995, genres: ['crime'], people: ['Michael Mann'], fields: {} },
  reason: `Because of ${title}.`,
  score: 1,
});

const unreachable: Degradation = {
  stage: 'understand',
  code: 'MODEL_UNAVAILABLE',
  message: 'understanding fell back to offline rules: model "m" at h: cannot reach the server (ECONNREFUSED)',
};

function result(overrides: Partial<TurnResult> = {}): TurnResult {
  return {
    sessionId: 's',
    userId: 'ann',
    turn: 1,
    mode: 'llm',
    model: 'm',
    intent: 'recommend',
    reply: 'Two crime films.',
    recommendations: [recommendation('a', 'Heat'), recommendation('b', 'Thief')],
    understanding: emptyUnderstanding(),
    toolCalls: [],
    usage: { llmCalls: 2, inputTokens: 1500, outputTokens: 80, calls: [] },
    timings: { contextMs: 1, understandMs: 410.4, toolsMs: 12, rerankMs: 905.6, totalMs: 1330 },
    degraded: [],
    ...overrides,
  };
}

describe('chat state', () => {
  it('starts idle with the header as the only finished entry', () => {
    const state = run();
    expect(state.activity).toBe('idle');
    expect(state.live).toBeUndefined();
    expect(state.history).toEqual([{ kind: 'header', id: 0, ...header }]);
  });

  it('echoes the input, streams the reply into the live turn, and keeps history append-only', () => {
    const started = run({ type: 'input-submitted', text: 'like Heat' }, { type: 'turn-started' });
    expect(started.activity).toBe('turn');
    expect(started.history.at(-1)).toEqual({ kind: 'user', id: 1, text: 'like Heat' });
    const streaming = [
      { type: 'text-delta', delta: 'Two crime ' },
      { type: 'text-delta', delta: 'films.' },
      { type: 'recommendations', recommendations: [recommendation('a', 'Heat')] },
    ].reduce((state, action) => chatReducer(state, action as ChatAction), started);
    expect(streaming.live?.reply).toBe('Two crime films.');
    expect(streaming.live?.recommendations.map((entry) => entry.item.title)).toEqual(['Heat']);
    expect(streaming.history).toBe(started.history);
  });

  it('moves an ended turn to history with its status line, and the prompt comes back', () => {
    const state = run(
      { type: 'turn-started' },
      { type: 'text-delta', delta: 'partial' },
      { type: 'turn-ended', result: result() },
    );
    expect(state.activity).toBe('idle');
    expect(state.live).toBeUndefined();
    expect(state.history.at(-1)).toEqual({
      kind: 'turn',
      id: 1,
      outcome: 'answered',
      reply: 'Two crime films.',
      recommendations: result().recommendations,
      status: '(2 LLM calls, 1500+80 tokens · understand 410 ms · tools 12 ms · rank 906 ms)',
    });
  });

  it('shows an offline turn reply from the result when nothing was streamed', () => {
    const state = run({ type: 'turn-started' }, { type: 'turn-ended', result: result({ mode: 'offline' }) });
    const entry = state.history.at(-1);
    expect(entry).toMatchObject({
      reply: 'Two crime films.',
      status: expect.stringMatching(/^\(offline · /),
    });
  });

  it('names an unreachable endpoint in one note and the degraded stages in the status line', () => {
    const state = run(
      { type: 'turn-started' },
      { type: 'degraded', degradation: unreachable },
      { type: 'turn-ended', result: result({ degraded: [unreachable] }) },
    );
    expect(state.history.at(-1)).toMatchObject({
      note: 'LLM endpoint unreachable (model "m" at h: cannot reach the server (ECONNREFUSED)): this turn was answered offline. /offline stays offline.',
      status: expect.stringMatching(/· degraded: understand\)$/),
    });
  });

  it('keeps what was streamed of a cancelled turn, marked cancelled, and ignores its late events', () => {
    const state = run(
      { type: 'turn-started' },
      { type: 'text-delta', delta: 'Here are' },
      { type: 'turn-cancelled' },
      { type: 'text-delta', delta: ' late' },
      { type: 'turn-ended', result: result() },
    );
    expect(state.activity).toBe('idle');
    expect(state.history).toHaveLength(2);
    expect(state.history.at(-1)).toEqual({
      kind: 'turn',
      id: 1,
      outcome: 'cancelled',
      reply: 'Here are',
      recommendations: [],
    });
  });

  it('ends a failed turn with its error line', () => {
    const state = run(
      { type: 'turn-started' },
      { type: 'turn-failed', message: '! locked [PROFILE_STORE_FAILED]' },
    );
    expect(state.history.at(-1)).toMatchObject({
      outcome: 'failed',
      note: '! locked [PROFILE_STORE_FAILED]',
    });
    expect(state.activity).toBe('idle');
  });

  it('adds command output as notices and returns to idle when the command finishes', () => {
    const busy = run({ type: 'command-started' }, { type: 'command-output', text: 'Noted.' });
    expect(busy.activity).toBe('command');
    const done = chatReducer(busy, { type: 'command-finished' });
    expect(done.activity).toBe('idle');
    expect(done.history.at(-1)).toEqual({ kind: 'notice', id: 1, text: 'Noted.', tone: 'info' });
  });

  it('waits for a yes or no after /forget, even when the command then finishes', () => {
    const state = run(
      { type: 'confirm-forget', question: 'Clear everything? Type yes to confirm.' },
      { type: 'command-finished' },
    );
    expect(state.activity).toBe('confirm-forget');
    expect(state.history.at(-1)).toMatchObject({ kind: 'notice', tone: 'warning' });
  });

  it('goes from quitting to closed', () => {
    expect(run({ type: 'quitting' }).activity).toBe('quitting');
    expect(run({ type: 'turn-started' }, { type: 'quitting' }, { type: 'closed' })).toMatchObject({
      activity: 'closed',
      live: undefined,
    });
  });
});
