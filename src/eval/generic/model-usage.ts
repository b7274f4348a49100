import type { TurnRanking } from './turn-ranking.js';

/** What an LLM-mode evaluation cost, in total and per 100 turns, and how often the model failed a stage. */
export interface EvalModelUsage {
  model: string;
  turns: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Turns with at least one stage that fell back (model failure or unusable output). */
  degradedTurns: number;
  perHundredTurns: { calls: number; inputTokens: number; outputTokens: number };
}

/** Adds up the model calls and tokens of a run's turns. */
export function summarizeModelUsage(model: string, outcomes: readonly TurnRanking[]): EvalModelUsage {
  let calls = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let degradedTurns = 0;
  for (const { usage } of outcomes) {
    if (!usage) continue;
    calls += usage.calls;
    inputTokens += usage.inputTokens;
    outputTokens += usage.outputTokens;
    if (usage.degraded > 0) degradedTurns++;
  }
  const per100 = (value: number) => (outcomes.length === 0 ? 0 : Math.round((value * 100) / outcomes.length));
  return {
    model,
    turns: outcomes.length,
    calls,
    inputTokens,
    outputTokens,
    degradedTurns,
    perHundredTurns: {
      calls: per100(calls),
      inputTokens: per100(inputTokens),
      outputTokens: per100(outputTokens),
    },
  };
}
