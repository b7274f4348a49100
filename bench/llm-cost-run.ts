import { createHash } from 'node:crypto';
import { createRecommender } from '../src/agent/create-recommender.js';
import type { CatalogItem } from '../src/catalog/index.js';
import type { DialogueMessage } from '../src/dialogue/dialogue-message.js';
import { ConvrecError } from '../src/errors/index.js';
import type { GenerateRequest } from '../src/model/language-model.js';
import { ScriptedModel, type ScriptedResponse } from '../src/model/scripted-model.js';
import { MemoryProfileStore } from '../src/profile/memory-profile-store.js';
import type { Retriever } from '../src/retrieval/index.js';
import { createOfflineReader, type OfflineReader } from '../src/understanding/offline/index.js';
import { MeteredModel } from '../src/usage/metered-model.js';
import { requestTokens, type TokenCounter } from '../src/usage/token-counter.js';
import {
  cardsInPrompt,
  rerankAnswer,
  scriptedUnderstanding,
  windowAnswer,
  type PromptCard,
} from './llm-cost-script.js';

export type RerankStrategy = 'one-pass' | 'sliding-window';

/** Call purposes that belong to the rerank stage. */
export const rerankPurposes: ReadonlySet<string> = new Set(['rerank', 'rerank-window']);

/** One evaluation turn to measure. */
export interface CostTurnInput {
  id: string;
  /** The dialogue up to and including the user's message that the agent answers. */
  context: DialogueMessage[];
  /** Items the scripted understanding never proposes: the turn's targets and the items it names. */
  excludeIds: string[];
}

/** One model call as the bench measured it. */
export interface CallCost {
  purpose: string;
  /** Tokens of the request by the bench's counter (messages with chat overhead, plus the output schema). */
  inputTokens: number;
  outputTokens: number;
  /** UTF-8 bytes of the request's messages. */
  promptBytes: number;
  /** Candidate cards in the prompt (0 for calls without cards). */
  cards: number;
  ms: number;
}

/** One agent turn with one reranking strategy. */
export interface TurnCost {
  turnId: string;
  strategy: RerankStrategy;
  intent: string;
  calls: CallCost[];
  /** Calls the turn's own `usage` reports (fewer than `calls` when some bypassed its metering). */
  agentReportedCalls: number;
  /** Whether this was the turn's first run (cold retriever caches) or its second. */
  ranFirst: boolean;
  /** The agent's own turn time (`timings.totalMs`). */
  totalMs: number;
  /** Time spent inside model calls (building the scripted answer and counting its tokens). */
  modelMs: number;
  /** Turn time outside model calls: profile, understanding rules, retrieval, reranker bookkeeping. */
  nonLlmMs: number;
  /** Titles of the candidate cards the reranker saw over all its calls, in handle order. */
  candidates: string[];
  /** sha256 (12 hex) of those card lines, to compare strategies. */
  candidateFingerprint: string;
  degraded: string[];
}

export interface CostBenchContext {
  retriever: Retriever;
  /** The offline reader the scripted understanding starts from (default: one built per run). */
  reader?: OfflineReader;
  tokenCounter: TokenCounter;
  /** Where proposed titles come from, most popular first. */
  popular: CatalogItem[];
  /** Recommendations per turn (default 5). */
  k?: number;
  /** Candidates the reranker sees (default 40). */
  rerankCandidates?: number;
  /** Titles the scripted understanding proposes (default 10). */
  proposals?: number;
}

/** More steps than any turn makes (understand, at most a repair, windows, final rerank). */
const scriptSteps = 16;

function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

function bytesOf(request: { messages: { content: string }[] }): number {
  return request.messages.reduce((sum, message) => sum + Buffer.byteLength(message.content, 'utf8'), 0);
}

/** A scripted model whose every step answers by purpose, from the turn's dialogue and the prompt. */
function costModel(context: CostBenchContext, turn: CostTurnInput): ScriptedModel {
  const k = context.k ?? 5;
  let windows = 0;
  const answer = (request: GenerateRequest): ScriptedResponse => {
    if (request.purpose === 'understand') {
      const understanding = scriptedUnderstanding({
        messages: turn.context,
        retriever: context.retriever,
        ...(context.reader ? { reader: context.reader } : {}),
        popular: context.popular,
        excludeIds: new Set(turn.excludeIds),
        ...(context.proposals !== undefined ? { proposals: context.proposals } : {}),
      });
      return { text: JSON.stringify(understanding) };
    }
    if (request.purpose === 'rerank') return rerankAnswer(request, k);
    if (request.purpose === 'rerank-window') return windowAnswer(request, seedOf(`${turn.id}#${windows++}`));
    throw new ConvrecError('MODEL_UNSCRIPTED_CALL', `the cost bench has no answer for "${request.purpose}"`);
  };
  // Reported like a server would, so no meter counts again outside the call: tokenizing takes
  // milliseconds, which would otherwise show up as the agent's own (non-LLM) time.
  const counter = context.tokenCounter;
  const withUsage = (request: GenerateRequest): ScriptedResponse => {
    const response = answer(request);
    const usage = {
      inputTokens: requestTokens(request, counter),
      outputTokens: counter.count(response.text ?? ''),
    };
    return { ...response, usage };
  };
  return new ScriptedModel(
    Array.from({ length: scriptSteps }, () => withUsage),
    { modelId: 'scripted-cost' },
  );
}

/**
 * Runs one turn through the real agent in LLM mode with a scripted model, and measures every call:
 * tokens (the injected counter), prompt bytes, cards, and the turn's time outside model calls.
 */
export async function runCostTurn(
  context: CostBenchContext,
  turn: CostTurnInput,
  strategy: RerankStrategy,
  signal?: AbortSignal,
): Promise<TurnCost> {
  const last = turn.context[turn.context.length - 1];
  if (!last || last.role !== 'user') {
    throw new ConvrecError('DATASET_INVALID', `turn ${turn.id}: the context must end with a user message`);
  }
  const scripted = costModel(context, turn);
  // Recorded here, between the agent and the scripted model, so every call is seen whichever path
  // made it (the turn's own usage can miss calls that bypass its meter).
  const metered = new MeteredModel(scripted, context.tokenCounter);
  const profileStore = new MemoryProfileStore();
  const recommender = await createRecommender({
    retriever: context.retriever,
    model: metered,
    reranking: strategy,
    tokenCounter: context.tokenCounter,
    profileStore,
    k: context.k ?? 5,
    rerankCandidates: context.rerankCandidates ?? 40,
  });
  const session = recommender.session({ userId: `cost-${turn.id}`, sessionId: `cost-${turn.id}` });
  await profileStore.saveSession({
    id: session.id,
    userId: session.userId,
    messages: turn.context.slice(0, -1),
    lastShown: [],
    shownIds: [],
    turns: 0,
    updatedAt: new Date(0).toISOString(),
  });
  const result = await session.send(last.text, signal ? { signal } : {}).result();
  await recommender.close();

  const requests = scripted.calls;
  if (
    metered.calls.length !== requests.length ||
    metered.calls.some((call, index) => call.purpose !== requests[index]!.purpose)
  ) {
    throw new ConvrecError(
      'MODEL_OUTPUT_INVALID',
      `turn ${turn.id}: ${metered.calls.length} metered calls do not match ${requests.length} scripted requests`,
    );
  }
  const seen = new Map<string, PromptCard>();
  const calls = metered.calls.map((call, index): CallCost => {
    const request = requests[index]!;
    const cards = rerankPurposes.has(request.purpose) ? cardsInPrompt(request) : [];
    for (const card of cards) if (!seen.has(card.handle)) seen.set(card.handle, card);
    return {
      purpose: call.purpose,
      inputTokens: call.inputTokens,
      outputTokens: call.outputTokens,
      promptBytes: bytesOf(request),
      cards: cards.length,
      ms: call.ms,
    };
  });
  const byHandle = [...seen.values()].sort(
    (left, right) => Number(left.handle.slice(1)) - Number(right.handle.slice(1)),
  );
  const modelMs = calls.reduce((sum, call) => sum + call.ms, 0);
  return {
    turnId: turn.id,
    strategy,
    intent: result.intent,
    calls,
    agentReportedCalls: result.usage.llmCalls,
    ranFirst: true,
    totalMs: result.timings.totalMs,
    modelMs,
    nonLlmMs: Math.max(0, result.timings.totalMs - modelMs),
    candidates: byHandle.map((card) => card.title),
    candidateFingerprint: createHash('sha256')
      .update(byHandle.map((card) => card.line).join('\n'))
      .digest('hex')
      .slice(0, 12),
    degraded: result.degraded.map((degradation) => `${degradation.stage}: ${degradation.message}`),
  };
}

export interface CostBenchRun {
  onePass: TurnCost[];
  slidingWindow: TurnCost[];
}

/**
 * Every turn twice, back to back on the same candidates, one-pass first on even turns and
 * sliding-window first on odd ones. The first `warmup` turns are also run once per strategy
 * beforehand and not recorded.
 */
export async function runCostBench(
  context: CostBenchContext,
  turns: CostTurnInput[],
  options: { warmup?: number; onTurn?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<CostBenchRun> {
  const signalOption = options.signal;
  // One reader for every turn: building one indexes the catalog's vocabulary.
  const shared = { ...context, reader: context.reader ?? createOfflineReader(context.retriever.components) };
  for (const turn of turns.slice(0, options.warmup ?? 0)) {
    await runCostTurn(shared, turn, 'one-pass', signalOption);
    await runCostTurn(shared, turn, 'sliding-window', signalOption);
  }
  const run: CostBenchRun = { onePass: [], slidingWindow: [] };
  for (const [index, turn] of turns.entries()) {
    // The second run of a turn finds the retriever's query and title caches warm: alternate who goes first.
    const order: RerankStrategy[] =
      index % 2 === 0 ? ['one-pass', 'sliding-window'] : ['sliding-window', 'one-pass'];
    for (const [position, strategy] of order.entries()) {
      const cost = {
        ...(await runCostTurn(shared, turn, strategy, signalOption)),
        ranFirst: position === 0,
      };
      (strategy === 'one-pass' ? run.onePass : run.slidingWindow).push(cost);
    }
    options.onTurn?.(index + 1, turns.length);
  }
  return run;
}
