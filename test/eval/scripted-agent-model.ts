import type { GenerateRequest } from '../../src/model/index.js';
import { ScriptedModel, type ScriptedResponse } from '../../src/testing/index.js';
import { emptyUnderstanding } from '../../src/understanding/understanding-schema.js';

const usage = { inputTokens: 1000, outputTokens: 60 };

/** The last `user:` line of a prompt's dialogue: what the user just said. */
function lastUserLine(text: string): string {
  const lines = [...text.matchAll(/^user: (.+)$/gm)];
  return lines.at(-1)?.[1]?.trim() || 'a good movie';
}

/**
 * What a model would answer, as a function of the request only (so the answers do not depend on the
 * order of the calls): an understanding whose query is the user's last message; a rerank that picks
 * the first five cards, the second with an invented genre and year ("a musical from 1931"); a
 * plain sentence for anything else.
 */
export function agentAnswer(request: GenerateRequest): ScriptedResponse {
  const user = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  if (request.purpose === 'understand') {
    const understanding = { ...emptyUnderstanding('recommend'), queries: [lastUserLine(user)] };
    return { purpose: 'understand', text: JSON.stringify(understanding), usage };
  }
  if (request.purpose === 'rerank') {
    const cards = [...user.matchAll(/^(c\d+) \| ([^|\n]+?)(?: \((\d{4})\))? \| ([^|\n]+)/gm)].slice(0, 5);
    const reasons = cards.map(([, handle, , year, genres], index) =>
      index === 1
        ? `${handle} | A musical from 1931, just what you asked for.`
        : `${handle} | A ${genres!.split(',')[0]!.trim()} pick${year ? ` from ${year}` : ''}.`,
    );
    return { purpose: 'rerank', text: ['REPLY: Here are five picks.', ...reasons].join('\n'), usage };
  }
  return { text: 'Happy to help with that.', usage };
}

/** A scripted model that answers `calls` requests with `agentAnswer`, in any order. */
export function scriptedAgentModel(calls = 200): ScriptedModel {
  return new ScriptedModel(
    Array.from({ length: calls }, () => agentAnswer),
    { modelId: 'scripted-agent' },
  );
}
