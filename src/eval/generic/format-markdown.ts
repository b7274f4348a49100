import type { EvalReport, Protocol } from './eval-report.js';
import type { Interval } from './bootstrap.js';
import { intentGroups } from './turn-intent.js';

const figure = (value: number) => value.toFixed(3);
const interval = ([low, high]: Interval) => `[${figure(low)}, ${figure(high)}]`;
const times = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);
const protocolNames: Record<Protocol, string> = { standard: 'standard', novelOnly: 'novel-only' };

/**
 * The additions to the evaluation table as Markdown: intervals, the popularity baseline and the
 * ratio to it, MRR, the breakdown by intent, and the turns answered without a list.
 */
export function formatEvalMarkdown(report: EvalReport): string {
  const lines: string[] = [];
  const baseline = report.logSessions > 0 ? 'log mentions' : 'catalog order, no log';
  lines.push(
    '',
    `### Against popularity (${baseline}); 95% bootstrap intervals (${report.bootstrap.samples} resamples of turns, seed ${report.bootstrap.seed})`,
    '',
    '| protocol | R@10 [95% CI] | R@50 [95% CI] | MRR | popularity R@10 / R@50 / MRR | × popularity R@10 / R@50 / MRR |',
    '|---|---|---|---|---|---|',
  );
  for (const protocol of ['standard', 'novelOnly'] as const) {
    const scores = report[protocol];
    const popularity = report.popularity[protocol];
    const ratio = report.ratioToPopularity[protocol];
    lines.push(
      `| ${protocolNames[protocol]} | ${figure(scores.recallAt10)} ${interval(report.intervals[protocol].recallAt10)} | ${figure(scores.recallAt50)} ${interval(report.intervals[protocol].recallAt50)} | ${figure(scores.mrr)} | ${figure(popularity.recallAt10)} / ${figure(popularity.recallAt50)} / ${figure(popularity.mrr)} | ${times(ratio.recallAt10)} / ${times(ratio.recallAt50)} / ${times(ratio.mrr)} |`,
    );
  }
  lines.push(
    '',
    '### By intent of the last user message (offline reader; standard protocol)',
    '',
    '| intent | turns | trials | R@10 | R@50 | MRR |',
    '|---|---|---|---|---|---|',
  );
  for (const group of intentGroups) {
    const scores = report.byIntent.standard[group];
    if (scores.turns === 0) continue;
    lines.push(
      `| ${group} | ${scores.turns} | ${scores.trials} | ${figure(scores.recallAt10)} | ${figure(scores.recallAt50)} | ${figure(scores.mrr)} |`,
    );
  }
  if (report.withoutList.turns > 0) {
    lines.push('', `Answered without a list: ${report.withoutList.turns} of ${report.turns} turns`);
    for (const [reason, count] of Object.entries(report.withoutList.reasons).sort(
      (left, right) => right[1] - left[1],
    ))
      lines.push(`- ${count}: ${reason}`);
  }
  const { faithfulness, modelUsage } = report;
  if (faithfulness.reasons > 0) {
    const { genre, person, year, title } = faithfulness.unsupported;
    lines.push(
      '',
      `Faithful explanations: ${figure(faithfulness.share ?? 0)} (${faithfulness.faithful} of ${faithfulness.reasons} shown reasons name no genre, person, year or title that the item and the dialogue do not support; unsupported claims: ${genre} genre, ${person} person, ${year} year, ${title} title)`,
    );
  }
  if (modelUsage) {
    const per100 = modelUsage.perHundredTurns;
    lines.push(
      '',
      `Model ${modelUsage.model}: ${modelUsage.calls} calls, ${modelUsage.inputTokens} input and ${modelUsage.outputTokens} output tokens (per 100 turns: ${per100.calls} calls, ${per100.inputTokens} + ${per100.outputTokens} tokens); ${modelUsage.degradedTurns} of ${modelUsage.turns} turns fell back somewhere`,
    );
  }
  if (report.unknownTargets.count > 0) {
    lines.push(
      '',
      `${report.unknownTargets.count} of ${report.unknownTargets.trials} targets are not catalog ids: they count as misses.`,
    );
  }
  return lines.join('\n');
}
