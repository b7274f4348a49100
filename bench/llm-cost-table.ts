import type { Figure } from './report.js';
import type { Distribution, StrategyComparison, StrategyCost } from './llm-cost-stats.js';

/** What the table needs from the report. */
export interface CostTableInput {
  title: string;
  onePass: StrategyCost;
  slidingWindow: StrategyCost;
  comparison: StrategyComparison;
  targets: Record<string, Figure>;
}

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const ratio = (value: number) => value.toFixed(3);
const spread = (value: Distribution) => `${number(value.mean)} / ${number(value.p95)} / ${number(value.max)}`;

/** Left-aligns the first column and right-aligns the others. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]! + 2),
      )
      .join('')
      .trimEnd(),
  );
}

/** The bench's human-readable summary: calls by purpose, per-turn figures side by side, targets. */
export function formatCostTable(input: CostTableInput): string {
  const { onePass, slidingWindow, comparison } = input;
  const byPurpose: string[][] = [
    [
      'strategy / purpose',
      'calls',
      'input tok mean/p95/max',
      'output tok mean/p95/max',
      'prompt bytes mean/max',
      'cards',
    ],
  ];
  for (const summary of [onePass, slidingWindow]) {
    for (const [purpose, cost] of Object.entries(summary.byPurpose)) {
      byPurpose.push([
        `${summary.strategy} / ${purpose}`,
        String(cost.calls),
        spread(cost.inputTokens),
        spread(cost.outputTokens),
        `${number(cost.promptBytes.mean)} / ${number(cost.promptBytes.max)}`,
        cost.cards.max === 0 ? '-' : `${number(cost.cards.mean)}`,
      ]);
    }
  }
  const { ratios } = comparison;
  const left = onePass.perTurn;
  const right = slidingWindow.perTurn;
  const perTurn: string[][] = [
    ['per turn (mean / p95 / max)', 'one-pass', 'sliding-window', 'one-pass ÷ sliding'],
    ['LLM calls', spread(onePass.callsPerTurn), spread(slidingWindow.callsPerTurn), ratio(ratios.calls)],
    ['input tokens', spread(left.inputTokens), spread(right.inputTokens), ratio(ratios.turnInputTokens)],
    ['output tokens', spread(left.outputTokens), spread(right.outputTokens), ''],
    ['total tokens', spread(left.totalTokens), spread(right.totalTokens), ratio(ratios.turnTokens)],
    [
      'rerank-stage tokens',
      spread(left.rerankStageTokens),
      spread(right.rerankStageTokens),
      ratio(ratios.rerankStageTokens),
    ],
    [
      'rerank-stage input tokens',
      spread(left.rerankStageInputTokens),
      spread(right.rerankStageInputTokens),
      ratio(ratios.rerankStageInputTokens),
    ],
    ['prompt bytes', spread(left.promptBytes), spread(right.promptBytes), ''],
    ['non-LLM ms', spread(left.nonLlmMs), spread(right.nonLlmMs), ''],
    [
      'non-LLM ms, run first (cold caches)',
      spread(left.nonLlmMsRanFirst),
      spread(right.nonLlmMsRanFirst),
      '',
    ],
    ['degraded turns', String(onePass.degradedTurns), String(slidingWindow.degradedTurns), ''],
    [
      "calls in the turn's own usage",
      `${onePass.agentUsage.reportedCalls} of ${onePass.agentUsage.meteredCalls}`,
      `${slidingWindow.agentUsage.reportedCalls} of ${slidingWindow.agentUsage.meteredCalls}`,
      '',
    ],
  ];
  const targets = Object.entries(input.targets).map(
    ([name, figure]) =>
      `${figure.met ? 'met   ' : 'MISSED'} ${name} = ${figure.value} ${figure.unit} (target ${figure.comparison} ${figure.target})`,
  );
  return [
    input.title,
    '',
    ...columns(byPurpose),
    '',
    ...columns(perTurn),
    '',
    `same candidates for both strategies: ${comparison.sameCandidates}/${comparison.turns} turns`,
    ...targets,
  ].join('\n');
}
