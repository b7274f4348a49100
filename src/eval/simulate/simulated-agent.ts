import { createRecommender } from '../../agent/create-recommender.js';
import type { LanguageModel } from '../../model/language-model.js';
import { MemoryProfileStore } from '../../profile/memory-profile-store.js';
import { readDialogue } from '../../dialogue/read-dialogue.js';
import type { Retriever } from '../../retrieval/index.js';

/** The agent's answer to one seeker message. */
export interface AgentTurn {
  reply: string;
  /** Ids of the items shown, in order. */
  shownIds: string[];
  /** The agent's full ranking this turn, best first (empty when it showed no list). */
  rankedIds: string[];
  modelCalls: number;
  tokens: number;
}

/** One simulated conversation with the agent under test. */
export interface AgentConversation {
  send(text: string, signal?: AbortSignal): Promise<AgentTurn>;
  close(): Promise<void>;
}

/** The agent under test: opens one conversation per simulated dialogue. */
export interface SimulatedAgent {
  readonly name: string;
  open(dialogueId: string): AgentConversation;
}

/**
 * The whole agent through its public session API (offline without a model). Each dialogue is its
 * own user, forgotten when the dialogue ends, so no profile carries over.
 */
export async function sessionAgent(retriever: Retriever, model?: LanguageModel): Promise<SimulatedAgent> {
  const profileStore = new MemoryProfileStore();
  const recommender = await createRecommender({ retriever, profileStore, ...(model ? { model } : {}) });
  return {
    name: model ? 'agent' : 'offline agent',
    open: (dialogueId) => {
      const session = recommender.session({
        userId: `simulated-${dialogueId}`,
        sessionId: `simulated-${dialogueId}`,
      });
      return {
        send: async (text, signal) => {
          const result = await session.send(text, signal ? { signal } : {}).result();
          const shownIds = result.recommendations.map((recommendation) => recommendation.item.id);
          return {
            reply: result.reply,
            shownIds,
            rankedIds: shownIds.length > 0 ? session.lastRanking : [],
            modelCalls: result.usage.llmCalls,
            tokens: result.usage.inputTokens + result.usage.outputTokens,
          };
        },
        close: () => recommender.forget(session.userId),
      };
    },
  };
}

/** Candidates the retrieval baseline ranks each turn. */
const baselineDepth = 150;

/**
 * The baseline: every turn, retrieval alone on all the seeker's messages so far joined as one
 * message, the top `shown` items shown. No dialogue state: rejections, likes and items already shown
 * are only words.
 */
export function retrievalAgent(retriever: Retriever, shown = 5): SimulatedAgent {
  return {
    name: 'retrieval baseline',
    open: () => {
      const said: string[] = [];
      return {
        send: async (text, signal) => {
          said.push(text);
          const { request } = readDialogue(retriever, [{ role: 'user', text: said.join(' ') }]);
          const candidates = await retriever.retrieve({ ...request, k: baselineDepth }, signal);
          const rankedIds = candidates.map((candidate) => candidate.item.id);
          return { reply: '', shownIds: rankedIds.slice(0, shown), rankedIds, modelCalls: 0, tokens: 0 };
        },
        close: async () => {},
      };
    },
  };
}
