import { titleWithYear } from '../catalog/title-with-year.js';
import { resolveRef } from './check-recommendations.js';
import type { Expectations } from './expectations-schema.js';
import type { CheckResult } from './report-types.js';
import type { TurnObservation } from './turn-observation.js';

const quote = (text: string, limit = 160) =>
  JSON.stringify(text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

const sameList = (left: string[], right: string[]) =>
  left.length === right.length && left.every((value, index) => value === right[index]);

function result(expectation: string, passed: boolean, actual: string): CheckResult {
  return passed ? { expectation, passed } : { expectation, passed, actual };
}

/** Checks what the turn said and did: reply, intent, tools, model calls, degradations, feedback, profile. */
export function checkTurn(expect: Expectations, observation: TurnObservation): CheckResult[] {
  const turn = observation.result;
  const reply = turn?.reply ?? '';
  const checks: CheckResult[] = [];
  const text = (ref: string | { shown: number }) => {
    if (typeof ref === 'string') return { label: quote(ref), value: ref };
    const item = resolveRef(ref, observation);
    return 'problem' in item
      ? { label: `shown ${ref.shown}`, problem: item.problem }
      : { label: `shown ${ref.shown} (${titleWithYear(item)})`, value: item.title };
  };
  for (const [name, wanted] of [
    ['reply_mentions', true],
    ['reply_not_mentions', false],
  ] as const) {
    for (const ref of expect[name] ?? []) {
      const { label, value, problem } = text(ref);
      const expectation = `${name} ${label}`;
      if (value === undefined) checks.push({ expectation, passed: false, actual: problem ?? '' });
      else
        checks.push(
          result(
            expectation,
            reply.toLowerCase().includes(value.toLowerCase()) === wanted,
            `reply was ${quote(reply)}`,
          ),
        );
    }
  }
  if (expect.intent !== undefined)
    checks.push(
      result(
        `intent ${expect.intent}`,
        turn?.intent === expect.intent,
        `got ${turn?.intent ?? 'no agent turn'}`,
      ),
    );
  const tools = turn?.toolCalls.map((call) => call.name) ?? [];
  if (expect.tools !== undefined)
    checks.push(
      result(
        `tools [${expect.tools.join(', ')}]`,
        sameList(tools, expect.tools),
        `got [${tools.join(', ')}]`,
      ),
    );
  const calls = turn?.usage.calls.map((call) => call.purpose) ?? [];
  const callsText = `got ${calls.length}${calls.length > 0 ? ` (${calls.join(', ')})` : ''}`;
  if (expect.llm_calls !== undefined)
    checks.push(result(`llm_calls ${expect.llm_calls}`, calls.length === expect.llm_calls, callsText));
  if (expect.max_llm_calls !== undefined)
    checks.push(
      result(`max_llm_calls ${expect.max_llm_calls}`, calls.length <= expect.max_llm_calls, callsText),
    );
  if (expect.model_calls !== undefined) {
    const purposes = observation.calls.map((call) => call.purpose);
    checks.push(
      result(
        `model_calls [${expect.model_calls.join(', ')}]`,
        sameList(purposes, expect.model_calls),
        `got [${purposes.join(', ')}]`,
      ),
    );
  }
  if (expect.degraded !== undefined) checks.push(checkDegraded(expect.degraded, observation));
  if (expect.feedback !== undefined) checks.push(checkFeedback(expect.feedback, observation));
  for (const wanted of expect.profile_mentions ?? []) {
    const summary = observation.summary ?? '';
    checks.push(
      result(
        `profile_mentions ${quote(wanted)}`,
        summary.toLowerCase().includes(wanted.toLowerCase()),
        observation.summary === undefined ? 'no profile summary' : `summary was ${quote(summary)}`,
      ),
    );
  }
  return checks;
}

function checkDegraded(
  wanted: NonNullable<Expectations['degraded']>,
  observation: TurnObservation,
): CheckResult {
  const degraded = observation.result?.degraded ?? [];
  const stages = degraded.map((entry) => entry.stage);
  const actual =
    degraded.length === 0
      ? 'nothing degraded'
      : `got ${degraded.map((entry) => `${entry.stage} ${entry.code}: ${quote(entry.message, 120)}`).join('; ')}`;
  if (typeof wanted === 'boolean') return result(`degraded ${wanted}`, wanted === stages.length > 0, actual);
  return result(
    `degraded [${wanted.join(', ')}]`,
    sameList([...new Set(stages)].sort(), [...new Set(wanted)].sort()),
    actual,
  );
}

function checkFeedback(
  wanted: NonNullable<Expectations['feedback']>,
  observation: TurnObservation,
): CheckResult {
  const describe = (kind: string, id: string) => {
    const item = observation.catalogItem(id);
    return `${kind} ${item ? titleWithYear(item) : id}`;
  };
  const expected: string[] = [];
  for (const entry of wanted) {
    const item = resolveRef(entry.item, observation);
    if ('problem' in item) return { expectation: 'feedback', passed: false, actual: item.problem };
    expected.push(describe(entry.kind, item.id));
  }
  const recorded = observation.feedback.map((event) => describe(event.kind, event.itemId));
  return result(
    `feedback [${expected.join(', ')}]`,
    sameList([...new Set(recorded)].sort(), [...expected].sort()),
    `recorded [${recorded.join(', ')}]`,
  );
}
