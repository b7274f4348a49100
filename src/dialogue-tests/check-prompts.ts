import { promptText } from '../untrusted/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { ScriptedCall } from '../model/scripted-model.js';
import { refLabel, resolveRef } from './check-recommendations.js';
import type { Expectations } from './expectations-schema.js';
import type { CheckResult } from './report-types.js';
import type { TurnObservation } from './turn-observation.js';

interface CardsBlock {
  start: number;
  end: number;
  lines: string[];
}

const cardLine = /^c\d+ \| /;

/** The `<cards>` data blocks of a prompt text, with their character ranges. */
function cardBlocks(text: string): CardsBlock[] {
  return [...text.matchAll(/<cards>\n([\s\S]*?)\n<\/cards>/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    lines: match[1]!.split('\n'),
  }));
}

const messageTexts = (call: ScriptedCall) =>
  call.messages.map((message, index) => ({
    where: `${call.purpose} call, ${message.role} message ${index + 1}`,
    text: message.content,
  }));

/** Checks what reached the model: the rerank cards, and untrusted text fenced inside them. */
export function checkPrompts(expect: Expectations, observation: TurnObservation): CheckResult[] {
  const checks: CheckResult[] = [];
  const rerankCalls = observation.calls.filter((call) => call.purpose === 'rerank');
  const cards = rerankCalls.flatMap((call) =>
    call.messages.flatMap((message) => cardBlocks(message.content).flatMap((block) => block.lines)),
  );
  for (const ref of expect.cards_include ?? []) {
    const expectation = `cards_include ${refLabel(ref, observation)}`;
    const item = resolveRef(ref, observation);
    if ('problem' in item) {
      checks.push({ expectation, passed: false, actual: item.problem });
      continue;
    }
    const title = promptText(titleWithYear(item), 120);
    const found = cards.some((line) => line.split(' | ')[1] === title);
    checks.push(
      found
        ? { expectation, passed: true }
        : {
            expectation,
            passed: false,
            actual:
              rerankCalls.length === 0
                ? 'no rerank call in this turn'
                : `not among the ${cards.length} cards (${cards
                    .slice(0, 5)
                    .map((line) => line.split(' | ')[1])
                    .join(', ')}…)`,
          },
    );
  }
  if (expect.fenced_in_prompt !== undefined)
    checks.push(checkFenced(expect.fenced_in_prompt, observation.calls));
  return checks;
}

/** Every occurrence of `text` in the turn's prompts lies on one card line inside a `<cards>` block. */
function checkFenced(text: string, calls: ScriptedCall[]): CheckResult {
  const expectation = `fenced_in_prompt ${JSON.stringify(text)}`;
  const needle = text.toLowerCase();
  let found = 0;
  for (const { where, text: content } of calls.flatMap(messageTexts)) {
    const blocks = cardBlocks(content);
    const lower = content.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      found++;
      const block = blocks.find((candidate) => at > candidate.start && at < candidate.end);
      if (!block) return { expectation, passed: false, actual: `outside the <cards> block in the ${where}` };
      const lineStart = content.lastIndexOf('\n', at) + 1;
      const lineEnd = content.indexOf('\n', at + needle.length);
      const line = content.slice(lineStart, lineEnd === -1 ? content.length : lineEnd);
      if (!cardLine.test(line))
        return {
          expectation,
          passed: false,
          actual: `not on a card line in the ${where}: ${JSON.stringify(line.slice(0, 120))}`,
        };
    }
  }
  return found > 0
    ? { expectation, passed: true }
    : {
        expectation,
        passed: false,
        actual: calls.length === 0 ? 'no model call in this turn' : `in none of the ${calls.length} prompts`,
      };
}
