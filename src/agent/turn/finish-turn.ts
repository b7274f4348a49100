import { titleWithYear } from '../../catalog/title-with-year.js';
import { recordShown } from '../../dialogue/state/index.js';
import type { SessionRecord } from '../../profile/profile-store.js';
import type { Recommendation, TurnResult, TurnTimings } from '../turn-events.js';
import type { StateChange } from './state-step.js';
import type { TurnContext } from './turn-context.js';
import type { TurnRuntime } from './turn-runtime.js';
import type { Understood } from './understand-step.js';

/** What the turn answered. */
export interface TurnAnswer {
  reply: string;
  recommendations: Recommendation[];
  /** Every candidate id in final order (empty when nothing was recommended). */
  ranking: string[];
  timings: Omit<TurnTimings, 'totalMs'>;
}

/** The assistant's message as it goes into the dialogue history: reply plus the titles shown. */
function assistantMessage(reply: string, recommendations: Recommendation[]): string {
  if (recommendations.length === 0) return reply;
  const list = recommendations.map((entry, index) => `${index + 1}. ${titleWithYear(entry.item)}`).join('\n');
  return `${reply}\n${list}`;
}

/** The turn's result, and the session to save: messages, the list shown and the dialogue state. */
export function finishTurn(
  runtime: TurnRuntime,
  context: TurnContext,
  understood: Understood,
  change: StateChange,
  answer: TurnAnswer,
): { result: TurnResult; session: SessionRecord } {
  const { session: previous, model, dependencies } = runtime;
  const calls = model?.calls ?? [];
  const result: TurnResult = {
    sessionId: previous.id,
    userId: previous.userId,
    turn: runtime.turn,
    mode: model ? 'llm' : 'offline',
    model: model ? model.modelId : 'offline',
    intent: understood.understanding.intent,
    reply: answer.reply,
    recommendations: answer.recommendations,
    understanding: understood.understanding,
    toolCalls: runtime.tools.records,
    usage: {
      llmCalls: calls.length,
      inputTokens: calls.reduce((sum, call) => sum + call.inputTokens, 0),
      outputTokens: calls.reduce((sum, call) => sum + call.outputTokens, 0),
      calls: calls.map(({ purpose, inputTokens, outputTokens, counted, ms, failed }) => ({
        purpose,
        inputTokens,
        outputTokens,
        counted,
        ms,
        failed,
      })),
    },
    timings: { ...answer.timings, totalMs: dependencies.clock() - runtime.started },
    degraded: runtime.degraded,
  };
  const shown = answer.recommendations.map((entry) => ({ itemId: entry.item.id, reason: entry.reason }));
  const session: SessionRecord = {
    ...previous,
    messages: [
      ...context.messages,
      { role: 'assistant', text: assistantMessage(answer.reply, answer.recommendations) },
    ],
    lastShown: shown.length > 0 ? shown : previous.lastShown,
    shownIds: [...new Set([...previous.shownIds, ...shown.map((entry) => entry.itemId)])],
    turns: runtime.turn,
    state: recordShown(
      change.state,
      shown.map((entry) => entry.itemId),
      {
        answered:
          understood.understanding.intent === 'recommend' || understood.understanding.intent === 'refine',
        at: context.messages.length,
      },
    ),
    updatedAt: dependencies.now(),
  };
  runtime.emit({ type: 'turn-end', result });
  return { result, session };
}
