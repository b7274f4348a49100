import type { Degradation, Recommendation, TurnResult } from '../../agent/index.js';
import type { FieldValue } from '../../catalog/index.js';
import { titleWithYear } from '../../catalog/title-with-year.js';
import { displayText } from '../../untrusted/index.js';

/** Catalog or model text on one printed line. */
const line = (text: string) => displayText(text, { singleLine: true });

/** The command list, one per line and under 60 columns, for /help in both chats. */
export const helpText = `Say what you feel like watching: "something like Heat but
less violent", "a funny animated movie after 2000", "more
like the second one", "why the first?".
  /more       more results, leaving out the ones shown
  /why N      a longer explanation of item N
  /like N     you liked item N (also /dislike N, /seen N)
  /profile    what convrec knows about you
  /forget     clear your profile (asks first)
  /reset      start a new conversation
  /offline    stop using the LLM for this session
  /help       this text
  /quit       leave (or Ctrl-C / Ctrl-D when nothing is running)`;

/** "offline", or "2 LLM calls, 1200+80 tokens", or "2 LLM calls (2 failed), 3800+0 tokens". */
export function usageText(result: TurnResult): string {
  const { usage } = result;
  if (result.mode === 'offline') return 'offline';
  const failed = usage.calls.filter((call) => call.failed).length;
  return `${usage.llmCalls} LLM call${usage.llmCalls === 1 ? '' : 's'}${failed > 0 ? ` (${failed} failed)` : ''}, ${usage.inputTokens}+${usage.outputTokens} tokens`;
}

/** "(2 LLM calls, 1200+80 tokens · understand 5 ms · tools 3 ms · rank 900 ms · degraded: rerank)". */
export function statusLine(result: TurnResult): string {
  const { timings } = result;
  const llm = usageText(result);
  const degraded =
    result.degraded.length > 0 ? ` · degraded: ${result.degraded.map((d) => d.stage).join(', ')}` : '';
  return `(${llm} · understand ${timings.understandMs.toFixed(0)} ms · tools ${timings.toolsMs.toFixed(0)} ms · rank ${timings.rerankMs.toFixed(0)} ms${degraded})`;
}

const endpointFailures: Partial<Record<Degradation['code'], string>> = {
  MODEL_UNAVAILABLE: 'LLM endpoint unreachable',
  MODEL_TIMEOUT: 'LLM endpoint timed out',
  MODEL_RATE_LIMIT: 'LLM endpoint rate-limited',
};

/**
 * One line when the model endpoint failed during the turn (the agent then answered offline), or
 * undefined. Other degradations only show in the status line.
 */
export function endpointNote(degraded: readonly Degradation[]): string | undefined {
  const failure = degraded.find((degradation) => endpointFailures[degradation.code] !== undefined);
  if (!failure) return undefined;
  // "understanding fell back to offline rules: <the model's error>": keep the error.
  const detail = line(failure.message.replace(/^[^:]*(fell back|failed)[^:]*: /, ''));
  return `${endpointFailures[failure.code]} (${detail}): this turn was answered offline. /offline stays offline.`;
}

function fieldText(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.slice(0, 2).join(', ') : String(value);
}

/**
 * What a recommendation card shows, safe to print: "Heat (1995)", "crime, thriller · Michael Mann",
 * the reason.
 */
export function cardText(recommendation: Recommendation): {
  title: string;
  attributes: string;
  reason: string;
} {
  const { item } = recommendation;
  const people = fieldText(item.fields['director']) || item.people.slice(0, 2).join(', ');
  const attributes = [item.genres.slice(0, 3).join(', '), people].filter(Boolean).join(' · ');
  return {
    title: line(titleWithYear(item)),
    attributes: line(attributes),
    reason: line(recommendation.reason),
  };
}
