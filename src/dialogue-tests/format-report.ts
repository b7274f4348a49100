import type { DialogueReport, ExpectationOutcome, ScriptReport } from './report-types.js';

const marks = { passed: '✓', failed: '✗', 'known-issue': '!' } as const;

function shorten(text: string, limit = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** One report line: `✗ turn 3 "something older": year_at_least 2000 — got The Godfather (1972)`. */
export function formatOutcome(outcome: ExpectationOutcome): string {
  const said = outcome.said ? ` ${JSON.stringify(shorten(outcome.said))}` : '';
  let line = `${marks[outcome.status]} ${outcome.where}${said}: ${outcome.expectation}`;
  if (outcome.status === 'known-issue') line += ' — known issue';
  if (outcome.actual) line += `${outcome.status === 'known-issue' ? ',' : ' —'} ${outcome.actual}`;
  if (outcome.note) line += ` (${outcome.note.replace(/\s+/g, ' ').trim()})`;
  return line;
}

/** A script's header and its lines; with `failuresOnly`, passed lines are left out. */
export function formatScript(report: ScriptReport, options: { failuresOnly?: boolean } = {}): string[] {
  if (report.error !== undefined) return [`✗ ${report.file}: ${report.error}`];
  const lines = [`${report.file} — ${report.name} (${(report.ms / 1000).toFixed(1)} s)`];
  for (const outcome of report.outcomes) {
    if (options.failuresOnly && outcome.status === 'passed') continue;
    lines.push(`  ${formatOutcome(outcome)}`);
  }
  return lines;
}

/** `12 scripts, 140 expectations: 138 passed, 2 failed` (plus known issues and broken scripts). */
export function formatSummary(report: DialogueReport): string {
  const parts = [`${report.passed} passed`, `${report.failed} failed`];
  if (report.knownIssues > 0)
    parts.push(`${report.knownIssues} known issue${report.knownIssues === 1 ? '' : 's'}`);
  if (report.errors > 0) parts.push(`${report.errors} script${report.errors === 1 ? '' : 's'} could not run`);
  const scripts = report.scripts.length;
  return `${scripts} script${scripts === 1 ? '' : 's'}, ${report.expectations} expectations: ${parts.join(', ')}`;
}

/** The whole report as text lines. */
export function formatReport(report: DialogueReport, options: { failuresOnly?: boolean } = {}): string[] {
  return [...report.scripts.flatMap((script) => formatScript(script, options)), formatSummary(report)];
}
