import type { SimulationReport } from './run-simulation.js';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const figure = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));

/** A simulation report as a markdown table (success within n turns, recall@10 per turn) and a summary line. */
export function formatSimulationMarkdown(report: SimulationReport): string {
  const turns = report.successWithin.map((_, index) => index + 1);
  const lines = [
    `### ${report.name}`,
    '',
    `${report.dialogues} simulated dialogues (${report.seeker} seeker, seed ${report.seed}, at most ${report.maxTurns} turns)${report.skippedTurns > 0 ? `, ${report.skippedTurns} turns skipped (first target not in the catalog)` : ''}`,
    '',
    `| turn | ${turns.join(' | ')} |`,
    `|---|${turns.map(() => '---:').join('|')}|`,
    `| success within n turns | ${report.successWithin.map(percent).join(' | ')} |`,
    `| recall@10 at turn n | ${report.recallAt10ByTurn.map(percent).join(' | ')} |`,
    '',
    `mean turns to success ${figure(report.meanTurnsToSuccess)}, items shown per success ${figure(report.itemsShownPerSuccess, 1)}, model calls per dialogue ${figure(report.modelCallsPerDialogue)}, tokens per dialogue ${figure(report.tokensPerDialogue, 0)}`,
  ];
  return lines.join('\n');
}
