import { capText, displayText } from '../untrusted/index.js';
import type { DialogueReport, ExpectationOutcome, ScriptReport } from './report-types.js';

const marks = { passed: '✓', failed: '✗', 'known-issue': '!' } as const;

/**
 * Script text, model replies and catalog titles as one line safe on a terminal: no controls or
 * escape sequences (see `displayText`), white space runs as one space.
 */
const flat = (text: string) => displayText(text, { singleLine: true }).replace(/\s+/g, ' ').trim();

/** One report line: `✗ turn 3 "something older": year_at_least 2000 — got The Godfather (1972)`. */
export function formatOutcome(outcome: ExpectationOutcome): string {
  const said = outcome.said ? ` ${JSON.stringify(capText(flat(outcome.said), 48))}` : '';
  let line = `${marks[outcome.status]} ${flat(outcome.where)}${said}: ${flat(outcome.expectation)}`;
  if (outcome.status === 'known-issue') line += ' — known issue';
  if (outcome.actual) line += `${outcome.status === 'known-issue' ? ',' : ' —'} ${flat(outcome.actual)}`;
  if (outcome.note) line += ` (${flat(outcome.note)})`;
  return line;
}

/** A script's header and its lines; with `failuresOnly`, passed lines are left out. */
export function formatScript(report: ScriptReport, options: { failuresOnly?: boolean } = {}): string[] {
  if (report.error !== undefined) return [`✗ ${flat(report.file)}: ${displayText(report.error)}`];
  const lines = [`${flat(report.file)} — ${flat(report.name)} (${(report.ms / 1000).toFixed(1)} s)`];
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
