import type { CatalogItem } from '../../catalog/index.js';
import { ConvrecError } from '../../errors/index.js';
import type { AgentConversation } from './simulated-agent.js';
import type { Seeker } from './seeker.js';

/** One exchange of a simulated dialogue. */
export interface SimulatedTurn {
  seeker: string;
  shownIds: string[];
  /** The target's 1-based rank in the agent's ranking this turn; null when absent. */
  targetRank: number | null;
}

/** A finished simulated dialogue. */
export interface SimulatedDialogue {
  id: string;
  targetId: string;
  turns: SimulatedTurn[];
  /** The turn (1-based) at which the target was shown; absent when it never was. */
  successTurn?: number;
  modelCalls: number;
  tokens: number;
}

/**
 * Runs one dialogue: the seeker opens, the agent answers, and the seeker reacts until the target
 * is among the items shown (success) or `maxTurns` agent turns have passed.
 */
export async function simulateDialogue(
  options: {
    id: string;
    target: CatalogItem;
    seeker: Seeker;
    conversation: AgentConversation;
    items: ReadonlyMap<string, CatalogItem>;
    maxTurns: number;
  },
  signal?: AbortSignal,
): Promise<SimulatedDialogue> {
  const { target, seeker, conversation } = options;
  const dialogue: SimulatedDialogue = {
    id: options.id,
    targetId: target.id,
    turns: [],
    modelCalls: 0,
    tokens: 0,
  };
  const count = (usage: { calls: number; inputTokens: number; outputTokens: number } | undefined) => {
    dialogue.modelCalls += usage?.calls ?? 0;
    dialogue.tokens += (usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0);
  };
  try {
    let message = await seeker.open(signal);
    for (let turn = 1; turn <= options.maxTurns; turn++) {
      if (signal?.aborted)
        throw new ConvrecError('ABORTED', 'the simulation was cancelled', { cause: signal.reason });
      count(message.usage);
      const answer = await conversation.send(message.text, signal);
      dialogue.modelCalls += answer.modelCalls;
      dialogue.tokens += answer.tokens;
      const rank = answer.rankedIds.indexOf(target.id);
      dialogue.turns.push({
        seeker: message.text,
        shownIds: answer.shownIds,
        targetRank: rank === -1 ? null : rank + 1,
      });
      if (answer.shownIds.includes(target.id)) {
        dialogue.successTurn = turn;
        break;
      }
      if (turn === options.maxTurns) break;
      const shown = answer.shownIds.flatMap((id) => options.items.get(id) ?? []);
      message = await seeker.react({ reply: answer.reply, shown }, signal);
    }
  } finally {
    await conversation.close();
  }
  return dialogue;
}
