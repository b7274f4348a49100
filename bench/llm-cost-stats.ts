import { ConvrecError } from '../src/errors/index.js';
import { mean, percentile } from '../src/eval/metrics.js';
import { rerankPurposes, type CallCost, type RerankStrategy, type TurnCost } from './llm-cost-run.js';
import { atMost, round, type Figure } from './report.js';

/** Mean, nearest-rank percentiles and maximum of a list (all 0 when it is empty). */
export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export function distribution(values: number[]): Distribution {
  return {
    count: values.length,
    mean: round(mean(values), 2),
    p50: round(percentile(values, 50), 2),
    p95: round(percentile(values, 95), 2),
    max: round(values.length === 0 ? 0 : Math.max(...values), 2),
  };
}

/** The calls of one purpose, pooled over all turns. */
export interface PurposeCost {
  calls: number;
  inputTokens: Distribution;
  outputTokens: Distribution;
  promptBytes: Distribution;
  cards: Distribution;
}

/** One strategy over all turns. */
export interface StrategyCost {
  strategy: RerankStrategy;
  turns: number;
  callsPerTurn: Distribution;
  byPurpose: Record<string, PurposeCost>;
  perTurn: {
    inputTokens: Distribution;
    outputTokens: Distribution;
    totalTokens: Distribution;
    /** Input + output tokens of the rerank stage (`rerank` and `rerank-window` calls). */
    rerankStageTokens: Distribution;
    rerankStageInputTokens: Distribution;
    promptBytes: Distribution;
    nonLlmMs: Distribution;
    /** Non-LLM time of the runs that went first in their turn, with the retriever's caches cold. */
    nonLlmMsRanFirst: Distribution;
    totalMs: Distribution;
  };
  /** Input tokens of the `rerank` calls that saw the full card set. */
  rerankInputAtFullCards: Distribution & { cards: number };
  intents: Record<string, number>;
  degradedTurns: number;
  /** Calls in the turns' own `usage` against calls metered by the bench: they differ when calls bypass it. */
  agentUsage: { reportedCalls: number; meteredCalls: number };
}

const sum = (calls: CallCost[], pick: (call: CallCost) => number) =>
  calls.reduce((total, call) => total + pick(call), 0);
const stage = (calls: CallCost[]) => calls.filter((call) => rerankPurposes.has(call.purpose));
const tokens = (call: CallCost) => call.inputTokens + call.outputTokens;

/** Summarizes one strategy's turns; `fullCards` is the candidate count the reranker was given. */
export function summarizeStrategy(
  strategy: RerankStrategy,
  turns: TurnCost[],
  fullCards: number,
): StrategyCost {
  const purposes = new Map<string, CallCost[]>();
  for (const call of turns.flatMap((turn) => turn.calls)) {
    purposes.set(call.purpose, [...(purposes.get(call.purpose) ?? []), call]);
  }
  const byPurpose: Record<string, PurposeCost> = {};
  for (const [purpose, calls] of purposes) {
    byPurpose[purpose] = {
      calls: calls.length,
      inputTokens: distribution(calls.map((call) => call.inputTokens)),
      outputTokens: distribution(calls.map((call) => call.outputTokens)),
      promptBytes: distribution(calls.map((call) => call.promptBytes)),
      cards: distribution(calls.map((call) => call.cards)),
    };
  }
  const perTurn = (pick: (turn: TurnCost) => number) => distribution(turns.map(pick));
  const intents: Record<string, number> = {};
  for (const turn of turns) intents[turn.intent] = (intents[turn.intent] ?? 0) + 1;
  const full = turns
    .flatMap((turn) => turn.calls)
    .filter((call) => call.purpose === 'rerank' && call.cards === fullCards);
  return {
    strategy,
    turns: turns.length,
    callsPerTurn: perTurn((turn) => turn.calls.length),
    byPurpose,
    perTurn: {
      inputTokens: perTurn((turn) => sum(turn.calls, (call) => call.inputTokens)),
      outputTokens: perTurn((turn) => sum(turn.calls, (call) => call.outputTokens)),
      totalTokens: perTurn((turn) => sum(turn.calls, tokens)),
      rerankStageTokens: perTurn((turn) => sum(stage(turn.calls), tokens)),
      rerankStageInputTokens: perTurn((turn) => sum(stage(turn.calls), (call) => call.inputTokens)),
      promptBytes: perTurn((turn) => sum(turn.calls, (call) => call.promptBytes)),
      nonLlmMs: perTurn((turn) => turn.nonLlmMs),
      nonLlmMsRanFirst: distribution(turns.filter((turn) => turn.ranFirst).map((turn) => turn.nonLlmMs)),
      totalMs: perTurn((turn) => turn.totalMs),
    },
    rerankInputAtFullCards: { ...distribution(full.map((call) => call.inputTokens)), cards: fullCards },
    intents,
    degradedTurns: turns.filter((turn) => turn.degraded.length > 0).length,
    agentUsage: {
      reportedCalls: turns.reduce((total, turn) => total + turn.agentReportedCalls, 0),
      meteredCalls: turns.reduce((total, turn) => total + turn.calls.length, 0),
    },
  };
}

/** One-pass against sliding-window on the same turns. */
export interface StrategyComparison {
  turns: number;
  /** Turns where both strategies' rerankers saw exactly the same candidate cards. */
  sameCandidates: number;
  differentCandidates: string[];
  /** one-pass ÷ sliding-window, over the summed tokens of all turns. */
  ratios: {
    rerankStageTokens: number;
    rerankStageInputTokens: number;
    turnTokens: number;
    turnInputTokens: number;
    calls: number;
  };
}

/** Pairs the turns by id and compares their candidates and summed tokens. */
export function compareStrategies(onePass: TurnCost[], slidingWindow: TurnCost[]): StrategyComparison {
  const sliding = new Map(slidingWindow.map((turn) => [turn.turnId, turn]));
  const pairs = onePass.map((turn) => {
    const other = sliding.get(turn.turnId);
    if (!other || onePass.length !== slidingWindow.length) {
      throw new ConvrecError('CONFIG_INVALID', `turn ${turn.turnId} was not run with both strategies`);
    }
    return [turn, other] as const;
  });
  const different = pairs
    .filter(([left, right]) => left.candidateFingerprint !== right.candidateFingerprint)
    .map(([left]) => left.turnId);
  const ratio = (pick: (calls: CallCost[]) => number) => {
    const numerator = pairs.reduce((total, [left]) => total + pick(left.calls), 0);
    const denominator = pairs.reduce((total, [, right]) => total + pick(right.calls), 0);
    return denominator === 0 ? 0 : round(numerator / denominator, 3);
  };
  return {
    turns: pairs.length,
    sameCandidates: pairs.length - different.length,
    differentCandidates: different,
    ratios: {
      rerankStageTokens: ratio((calls) => sum(stage(calls), tokens)),
      rerankStageInputTokens: ratio((calls) => sum(stage(calls), (call) => call.inputTokens)),
      turnTokens: ratio((calls) => sum(calls, tokens)),
      turnInputTokens: ratio((calls) => sum(calls, (call) => call.inputTokens)),
      calls: ratio((calls) => calls.length),
    },
  };
}

/** The targets: ≤ 2 calls a turn, rerank input ≤ 3.5k tokens at 40 cards, one-pass ≤ 0.5× tokens. */
export const costTargets = { callsPerTurn: 2, rerankInputTokens: 3500, rerankStageRatio: 0.5 };

export function targetFigures(onePass: StrategyCost, comparison: StrategyComparison): Record<string, Figure> {
  const full = onePass.rerankInputAtFullCards;
  const unit = `tokens at ${full.cards} cards`;
  return {
    onePassCallsPerTurnMax: atMost(onePass.callsPerTurn.max, costTargets.callsPerTurn, 'calls'),
    // Not met when no rerank call saw the full card set: nothing was measured.
    onePassRerankInputTokensMax:
      full.count > 0
        ? atMost(full.max, costTargets.rerankInputTokens, unit)
        : { value: 0, unit, target: costTargets.rerankInputTokens, comparison: '<=', met: false },
    rerankStageTokenRatio: atMost(
      comparison.ratios.rerankStageTokens,
      costTargets.rerankStageRatio,
      'one-pass / sliding-window',
    ),
  };
}

/** Both strategies summarized, compared, and held against the targets. */
export function summarizeRun(
  run: { onePass: TurnCost[]; slidingWindow: TurnCost[] },
  fullCards: number,
): {
  onePass: StrategyCost;
  slidingWindow: StrategyCost;
  comparison: StrategyComparison;
  targets: Record<string, Figure>;
} {
  const onePass = summarizeStrategy('one-pass', run.onePass, fullCards);
  const slidingWindow = summarizeStrategy('sliding-window', run.slidingWindow, fullCards);
  const comparison = compareStrategies(run.onePass, run.slidingWindow);
  return { onePass, slidingWindow, comparison, targets: targetFigures(onePass, comparison) };
}
