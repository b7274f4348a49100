import { createRecommender } from '../../agent/create-recommender.js';
import type { TurnIntent } from '../../agent/turn-events.js';
import type { LanguageModel } from '../../model/language-model.js';
import { MemoryProfileStore } from '../../profile/memory-profile-store.js';
import type { Retriever } from '../../retrieval/index.js';
import type { TurnRanker } from './turn-ranking.js';

const noListReasons: Partial<Record<TurnIntent, string>> = {
  'chit-chat': 'small talk: the agent replied without a list',
  clarify: 'too vague: the agent asked what the user is looking for',
  'ask-about-item': 'a question about an item: the agent answered it without a list',
};

/**
 * The whole agent turn as an evaluation ranker (offline, or with `model` for understanding,
 * reranking and explanations): the turn's earlier messages are the session so far, its last user
 * message is sent, and the turn's full final ranking is scored, with the reasons shown and the
 * model calls made. Each turn gets its own user, so no profile carries over between turns.
 */
export async function agentRanker(retriever: Retriever, model?: LanguageModel): Promise<TurnRanker> {
  const profileStore = new MemoryProfileStore();
  const recommender = await createRecommender({ retriever, profileStore, ...(model ? { model } : {}) });
  return async (turn, signal) => {
    const messages = turn.context.slice(0, -1);
    const last = turn.context[turn.context.length - 1];
    if (!last || last.role !== 'user') return { rankedIds: [], reason: 'no user message to answer' };
    const session = recommender.session({ userId: `eval-${turn.id}`, sessionId: `eval-${turn.id}` });
    await profileStore.saveSession({
      id: session.id,
      userId: session.userId,
      messages,
      lastShown: [],
      shownIds: [],
      turns: 0,
      updatedAt: new Date(0).toISOString(),
    });
    const result = await session.send(last.text, signal ? { signal } : {}).result();
    await profileStore.forget(session.userId);
    const rankedIds = session.lastRanking;
    const shown = result.recommendations.map((recommendation) => ({
      itemId: recommendation.item.id,
      reason: recommendation.reason,
    }));
    const historyMs = result.timings.contextMs;
    const usage = {
      calls: result.usage.llmCalls,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      degraded: result.degraded.length,
    };
    if (rankedIds.length > 0) return { rankedIds, shown, usage, historyMs };
    return {
      rankedIds,
      shown,
      usage,
      historyMs,
      reason: noListReasons[result.intent] ?? 'no candidate matched the request',
    };
  };
}

/** The whole offline agent turn as an evaluation ranker (`agentRanker` without a model). */
export function offlineAgentRanker(retriever: Retriever): Promise<TurnRanker> {
  return agentRanker(retriever);
}
