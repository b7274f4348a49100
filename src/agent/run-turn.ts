import type { SessionRecord } from '../profile/profile-store.js';
import type { AgentDependencies } from './agent-dependencies.js';
import { answerQuestion } from './turn/answer-question.js';
import { finishTurn, type TurnAnswer } from './turn/finish-turn.js';
import { recommendTurn } from './turn/recommend-turn.js';
import { smallTalkReply } from './turn/small-talk.js';
import { updateState } from './turn/state-step.js';
import { loadContext } from './turn/turn-context.js';
import { checkAborted, startTurn } from './turn/turn-runtime.js';
import { understandStep } from './turn/understand-step.js';
import type { TurnEvent, TurnResult } from './turn-events.js';

export interface TurnInput {
  session: SessionRecord;
  text: string;
  /** "/more": the next results for the same request, excluding everything shown. */
  more?: boolean;
}

/** The turn's result plus the updated session (saved by the caller). */
export interface TurnOutcome {
  result: TurnResult;
  session: SessionRecord;
  /** Every candidate id in final order. */
  ranking: string[];
}

/**
 * One turn: load the context → understand the message (LLM or offline) → fold it into the dialogue
 * state → store the verdicts → answer (small talk, a question about an item, or recommendations
 * for the request in force) → save. A failing model degrades its stage, and its prose is shown
 * only when it names no title outside the conversation; the turn still answers with catalog items
 * only.
 */
export async function runTurn(
  dependencies: AgentDependencies,
  input: TurnInput,
  emit: (event: TurnEvent) => void,
  signal?: AbortSignal,
): Promise<TurnOutcome> {
  const runtime = startTurn(dependencies, input.session, emit, signal);
  const contextStarted = dependencies.clock();
  const context = await loadContext(runtime, input.text);
  const contextMs = dependencies.clock() - contextStarted;
  const understood = await understandStep(runtime, context, input.more ?? false);
  const change = updateState(runtime, context, understood);
  if (change.feedback.length > 0) await runtime.tools.recordFeedback(change.feedback);

  let answer: TurnAnswer;
  const { intent, reply } = understood.understanding;
  if (intent === 'chit-chat' || intent === 'clarify') {
    answer = {
      reply: smallTalkReply(runtime, context, change, reply),
      recommendations: [],
      ranking: [],
      timings: { contextMs, understandMs: understood.ms, toolsMs: 0, rerankMs: 0 },
    };
  } else if (intent === 'ask-about-item') {
    const answered = await answerQuestion(runtime, context, change);
    answer = {
      reply: answered.reply,
      recommendations: [],
      ranking: [],
      timings: {
        contextMs,
        understandMs: understood.ms,
        toolsMs: answered.toolsMs,
        rerankMs: answered.answerMs,
      },
    };
  } else {
    const recommended = await recommendTurn(runtime, context, understood, change);
    answer = {
      reply: recommended.reply,
      recommendations: recommended.recommendations,
      ranking: recommended.ranking,
      timings: {
        contextMs,
        understandMs: understood.ms,
        toolsMs: recommended.toolsMs,
        rerankMs: recommended.rankMs,
      },
    };
  }
  checkAborted(signal);
  const { result, session } = finishTurn(runtime, context, understood, change, answer);
  return { result, session, ranking: answer.ranking };
}
