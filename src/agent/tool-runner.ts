import type { FeedbackEvent } from '../profile/profile-store.js';
import type { Candidate, RetrieveRequest } from '../retrieval/index.js';
import type { AgentDependencies } from './agent-dependencies.js';
import type { Degradation, ToolCallRecord, TurnEvent } from './turn-events.js';
import { getItemTool } from '../../tools/get-item.js';
import { recordFeedbackTool } from '../../tools/record-feedback.js';
import { runTool } from '../../tools/run-tool.js';
import { searchCatalogTool } from '../../tools/search-catalog.js';
import type { ToolContext, ToolDefinition } from '../../tools/tool-definition.js';
import type { z } from 'zod';

type NewFeedback = Omit<FeedbackEvent, 'userId' | 'sessionId' | 'turn' | 'at'>;

/**
 * Runs the agent's tools for one turn (plan-first: the agent decides which), validating inputs like
 * any model call, emitting tool-call / tool-result events and timing each call. A failing tool
 * degrades the turn instead of ending it.
 */
export function createToolRunner(
  dependencies: AgentDependencies,
  who: { userId: string; sessionId: string; turn: number },
  emit: (event: TurnEvent) => void,
  degrade: (degradation: Degradation) => void,
  signal?: AbortSignal,
) {
  const records: ToolCallRecord[] = [];
  const context: ToolContext = {
    retriever: dependencies.retriever,
    profileStore: dependencies.profileStore,
    userId: who.userId,
    sessionId: who.sessionId,
    turn: who.turn,
    now: dependencies.now,
    ...(signal ? { signal } : {}),
    ...(dependencies.embeddingLimits ? { embeddingLimits: dependencies.embeddingLimits } : {}),
  };
  async function call<Input extends z.ZodType, Data>(
    tool: ToolDefinition<Input, Data>,
    input: z.input<Input>,
  ): Promise<Data | undefined> {
    const started = dependencies.clock();
    emit({ type: 'tool-call', name: tool.name, input });
    const outcome = await runTool(tool, input, context);
    const text = outcome.ok ? outcome.output.text : outcome.text;
    records.push({ name: tool.name, input, output: text, ms: dependencies.clock() - started });
    emit({ type: 'tool-result', name: tool.name, output: text });
    if (outcome.ok) return outcome.output.data;
    degrade({
      stage: 'tools',
      code: outcome.reason === 'invalid-arguments' ? 'TOOL_INPUT_INVALID' : 'TOOL_FAILED',
      message: text,
    });
    return undefined;
  }
  return {
    records,
    context,
    async searchCatalog(request: RetrieveRequest): Promise<Candidate[]> {
      const cap = (ids: string[] | undefined) => (ids ?? []).slice(0, 50);
      return (
        (await call(searchCatalogTool, {
          queries: (request.queries ?? []).slice(0, 6).map((query) => query.slice(0, 200)),
          filters: request.filters ?? {},
          likedIds: cap(request.likedIds),
          dislikedIds: cap(request.dislikedIds),
          seenIds: cap(request.seenIds),
          recentIds: cap(request.recentIds),
          proposedIds: cap(request.proposedIds),
          preferredGenres: (request.preferredGenres ?? []).slice(0, 10),
          preferredPeople: (request.preferredPeople ?? []).slice(0, 10),
          ...(request.preferredYears ? { preferredYears: request.preferredYears } : {}),
          k: Math.min(request.k ?? 40, 150),
        })) ?? []
      );
    },
    async getItem(id: string): Promise<void> {
      await call(getItemTool, { id });
    },
    async recordFeedback(feedback: NewFeedback[]): Promise<void> {
      await call(recordFeedbackTool, {
        items: feedback.slice(0, 20).map((entry) => ({ id: entry.itemId, kind: entry.kind })),
      });
    },
  };
}
