import type { CatalogItem } from '../catalog/index.js';
import type { DialogueMessage } from '../dialogue/dialogue-message.js';
import { ConvrecError } from '../errors/index.js';
import { chitChatReply, itemReply } from '../explain/offline-reply.js';
import type { FeedbackEvent, SessionRecord } from '../profile/profile-store.js';
import { titleWithYear } from '../ranking/candidate-cards.js';
import type { Candidate, RetrieveRequest } from '../retrieval/retriever.js';
import { mergeConstraints, relaxConstraints } from '../understanding/hard-constraints.js';
import { compileFilters } from '../retrieval/filters.js';
import { dialogueText, shownText, understandWithModel } from '../understanding/llm-understanding.js';
import { answerAboutItem } from './answer-item-step.js';
import { degradationFrom } from './degradation.js';
import { freeToolLoop } from './free-tool-loop.js';
import { understandOffline } from '../understanding/offline-understanding.js';
import { requestFromUnderstanding } from '../understanding/understanding-to-request.js';
import type { Understanding } from '../understanding/understanding-schema.js';
import { MeteredModel } from '../usage/metered-model.js';
import type { AgentDependencies } from './agent-dependencies.js';
import { profileContext } from './profile-context.js';
import { recommendStep } from './recommend-step.js';
import { createToolRunner } from './tool-runner.js';
import type { Degradation, Recommendation, TurnEvent, TurnResult } from './turn-events.js';

export interface TurnInput {
  session: SessionRecord;
  text: string;
  /** "/more": the next results for the same request, excluding everything shown. */
  more?: boolean;
}

/** The turn's result plus the updated session (saved by the caller). */
export interface TurnOutcome {
  result: TurnResult;
  session: SessionRecord;
  /** Every candidate id in final order. */
  ranking: string[];
}

function aborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ConvrecError('ABORTED', 'the turn was cancelled', { cause: signal.reason });
}

/** The assistant's message as it goes into the dialogue history: reply plus the titles shown. */
function assistantMessage(reply: string, recommendations: Recommendation[]): string {
  if (recommendations.length === 0) return reply;
  const list = recommendations.map((entry, index) => `${index + 1}. ${titleWithYear(entry.item)}`).join('\n');
  return `${reply}\n${list}`;
}

/**
 * One turn: profile → understand (LLM or offline) → tools (plan-first: feedback, search or item
 * lookup) → rerank + explain + reply (LLM or offline). A failing model degrades the stage and the
 * turn still answers with catalog items only.
 */
export async function runTurn(
  dependencies: AgentDependencies,
  input: TurnInput,
  emit: (event: TurnEvent) => void,
  signal?: AbortSignal,
): Promise<TurnOutcome> {
  const { retriever, profileStore, clock } = dependencies;
  const catalog = retriever.catalog;
  const started = clock();
  const model = dependencies.model
    ? new MeteredModel(dependencies.model, dependencies.tokenCounter, clock)
    : undefined;
  // Built over the metered model, so the rerank calls count in the turn's usage.
  const reranker = model && dependencies.createReranker ? dependencies.createReranker(model) : undefined;
  const previous = input.session;
  const turn = previous.turns + 1;
  const mode = model ? 'llm' : 'offline';
  emit({ type: 'turn-start', sessionId: previous.id, turn, mode });
  const degraded: Degradation[] = [];
  const degrade = (degradation: Degradation) => {
    degraded.push(degradation);
    emit({ type: 'degraded', degradation });
  };
  const tools = createToolRunner(
    dependencies,
    { userId: previous.userId, sessionId: previous.id, turn },
    emit,
    degrade,
    signal,
  );

  const messages: DialogueMessage[] = [...previous.messages, { role: 'user', text: input.text }];
  const lastShown = previous.lastShown.flatMap((shown) => catalog.byId.get(shown.itemId) ?? []);
  const [events, summary] = await Promise.all([
    profileStore.feedback(previous.userId),
    profileStore.summary(previous.userId),
  ]);
  const profile = profileContext(events, summary, catalog, input.text);
  aborted(signal);

  // 1. Understand.
  const understandStarted = clock();
  // "/more" re-reads the conversation up to the latest request that recommended (not a question
  // asked since, like "why the first?"), so the same request runs again with its constraints and
  // only the already-shown items are skipped.
  const lastRequestIndex =
    previous.requestIndex ?? previous.messages.map((message) => message.role).lastIndexOf('user');
  const readMessages =
    input.more && lastRequestIndex >= 0 ? previous.messages.slice(0, lastRequestIndex + 1) : messages;
  const offline = understandOffline(
    {
      messages: readMessages,
      lastShown: input.more ? [] : lastShown,
      topicShift: dependencies.topicShift,
      ...(previous.constraints ? { activeConstraints: previous.constraints } : {}),
    },
    retriever,
  );
  let understanding: Understanding = offline.understanding;
  if (model && dependencies.prompts && !input.more) {
    try {
      understanding = await understandWithModel(
        model,
        dependencies.prompts.understand,
        { messages, lastShown, profileText: profile.text, catalogKind: dependencies.catalogKind },
        signal,
      );
      // The model reads the dialogue, not the session: constraints stated earlier stay in force while
      // the user refines or asks about the list, as in the offline understanding.
      if (
        previous.constraints &&
        (understanding.intent === 'refine' || understanding.intent === 'ask-about-item')
      ) {
        understanding = {
          ...understanding,
          constraints: mergeConstraints(
            relaxConstraints(previous.constraints, input.text),
            understanding.constraints,
          ),
        };
      }
    } catch (error) {
      aborted(signal);
      degrade(degradationFrom('understand', error, 'understanding fell back to offline rules'));
    }
  }
  if (input.more) {
    understanding = {
      ...understanding,
      intent: 'refine',
      constraints: previous.constraints
        ? mergeConstraints(previous.constraints, understanding.constraints)
        : understanding.constraints,
    };
  }
  emit({ type: 'understanding', understanding });
  const understandMs = clock() - understandStarted;

  // 2. Tools, plan-first.
  const toolsStarted = clock();
  const built = requestFromUnderstanding({
    understanding,
    reading: offline.reading,
    titles: retriever.components.titles,
    lastShown,
    shownIds: previous.shownIds,
    profile: profile.signals,
    k: model ? dependencies.rerankCandidates : dependencies.offlineCandidates,
  });
  const feedback = feedbackFrom(
    understanding,
    built.request,
    lastShown,
    offline.reading.mentions,
    messages.length - 1,
    input.text,
    mentionedIds(understanding, 'neutral', retriever.components.titles),
  );
  if (feedback.length > 0) await tools.recordFeedback(feedback);

  let reply = '';
  let recommendations: Recommendation[] = [];
  let ranking: string[] = [];
  let rerankMs = 0;
  let toolsMs = 0;
  const intent = understanding.intent;
  if (intent === 'chit-chat' || intent === 'clarify') {
    reply = understanding.reply?.trim() || chitChatReply(catalog.items.length, dependencies.catalogKind);
    toolsMs = clock() - toolsStarted;
  } else if (intent === 'ask-about-item') {
    const item = built.referenced ?? firstMentioned(understanding, retriever.components.titles);
    if (item) {
      await tools.getItem(item.id);
      const shownReason = previous.lastShown.find((shown) => shown.itemId === item.id)?.reason;
      toolsMs = clock() - toolsStarted;
      const answerStarted = clock();
      reply = '';
      if (model && dependencies.prompts) {
        try {
          reply = await answerAboutItem(
            model,
            dependencies.prompts.answerItem,
            {
              item,
              catalog,
              catalogKind: dependencies.catalogKind,
              profileText: profile.text,
              dialogueText: dialogueText(messages),
              ...(shownReason ? { shownReason } : {}),
            },
            (delta) => emit({ type: 'text-delta', delta }),
            signal,
          );
        } catch (error) {
          aborted(signal);
          degrade(degradationFrom('answer', error, "answered from the item's card instead"));
        }
      }
      if (!reply) reply = itemReply(item, catalog, shownReason);
      rerankMs = clock() - answerStarted;
    } else {
      reply =
        lastShown.length > 0
          ? `Which one do you mean? Say "the first one" or a number from 1 to ${lastShown.length}.`
          : `Which ${dependencies.catalogKind} do you mean? I could not find that title in the catalog.`;
      toolsMs = clock() - toolsStarted;
    }
  } else {
    let candidates: Candidate[] = [];
    if (model && dependencies.prompts && dependencies.toolMode === 'free' && !input.more) {
      const loop = await freeToolLoop(
        model,
        tools.context,
        {
          prompt: dependencies.prompts.agentTools,
          values: {
            catalog_kind: dependencies.catalogKind,
            profile: profile.text || '(no stored profile)',
            shown: shownText(lastShown),
            dialogue: dialogueText(messages),
          },
          maxSteps: dependencies.maxToolSteps,
        },
        emit,
        tools.records,
        clock,
        signal,
      );
      if (loop.capped) {
        degrade({
          stage: 'tools',
          code: 'MAX_STEPS_EXCEEDED',
          message: `the model was still calling tools after ${dependencies.maxToolSteps} steps; ranking what it found`,
        });
      }
      // The user's constraints and the already-shown items hold whatever the model searched for.
      const accept = compileFilters(built.request.filters);
      candidates = loop.candidates.filter((candidate) => accept(candidate.item));
    }
    if (candidates.length === 0) candidates = await tools.searchCatalog(built.request);
    toolsMs = clock() - toolsStarted;
    const rerankStarted = clock();
    const step = await recommendStep(
      { ...dependencies, ...(reranker ? { reranker } : {}) },
      {
        understanding,
        request: built.request,
        candidates,
        unknownTitles: built.unknownTitles,
        // "I did not like the first one" points at an item; the reply must not build on it.
        ...(built.referenced && !built.request.dislikedIds?.includes(built.referenced.id)
          ? { referenced: built.referenced }
          : {}),
        profileText: profile.text,
        profileLikedIds: profile.signals.likedIds.filter(
          (id) => !events.some((event) => event.itemId === id && event.sessionId === previous.id),
        ),
        dialogueText: dialogueText(messages),
        userText: input.text,
      },
      emit,
      signal,
    );
    rerankMs = clock() - rerankStarted;
    for (const degradation of step.degraded) degraded.push(degradation);
    reply = step.reply;
    recommendations = step.recommendations;
    ranking = step.ranking;
    if (recommendations.length > 0) emit({ type: 'recommendations', recommendations });
  }
  aborted(signal);

  const calls = model?.calls ?? [];
  const result: TurnResult = {
    sessionId: previous.id,
    userId: previous.userId,
    turn,
    mode,
    model: model ? model.modelId : 'offline',
    intent,
    reply,
    recommendations,
    understanding,
    toolCalls: tools.records,
    usage: {
      llmCalls: calls.length,
      inputTokens: calls.reduce((sum, call) => sum + call.inputTokens, 0),
      outputTokens: calls.reduce((sum, call) => sum + call.outputTokens, 0),
      calls: calls.map(({ purpose, inputTokens, outputTokens, counted, ms, failed }) => ({
        purpose,
        inputTokens,
        outputTokens,
        counted,
        ms,
        failed,
      })),
    },
    timings: { understandMs, toolsMs, rerankMs, totalMs: clock() - started },
    degraded,
  };
  const shown = recommendations.map((entry) => ({ itemId: entry.item.id, reason: entry.reason }));
  const session: SessionRecord = {
    ...previous,
    messages: [...messages, { role: 'assistant', text: assistantMessage(reply, recommendations) }],
    lastShown: shown.length > 0 ? shown : previous.lastShown,
    shownIds: [...new Set([...previous.shownIds, ...shown.map((entry) => entry.itemId)])],
    turns: turn,
    updatedAt: dependencies.now(),
  };
  // Questions and small talk leave the request in force: its constraints, and what "/more" reruns.
  if (intent === 'recommend' || intent === 'refine') {
    session.constraints = understanding.constraints;
    if (!input.more) session.requestIndex = messages.length - 1;
  }
  emit({ type: 'turn-end', result });
  return { result, session, ranking };
}

function firstMentioned(
  understanding: Understanding,
  titles: AgentDependencies['retriever']['components']['titles'],
): CatalogItem | undefined {
  for (const mention of understanding.mentionedTitles) {
    const [best] = titles.resolve(mention.title, 1);
    if (best && best.confidence >= 0.6) return best.item;
  }
  return undefined;
}

/** Catalog ids of the titles the understanding says the user named with this sentiment. */
function mentionedIds(
  understanding: Understanding,
  sentiment: Understanding['mentionedTitles'][number]['sentiment'],
  titles: AgentDependencies['retriever']['components']['titles'],
): Set<string> {
  return new Set(
    understanding.mentionedTitles.flatMap((mention) => {
      if (mention.sentiment !== sentiment) return [];
      const [best] = titles.resolve(mention.title, 1);
      return best && best.confidence >= 0.6 ? [best.item.id] : [];
    }),
  );
}

/** Feedback to store from this turn: verdicts on shown items and on titles the user named. */
function feedbackFrom(
  understanding: Understanding,
  request: RetrieveRequest,
  lastShown: CatalogItem[],
  mentions: { id: string; role: string; messageIndex: number }[],
  latestIndex: number,
  text: string,
  neutralIds: Set<string>,
): Omit<FeedbackEvent, 'userId' | 'sessionId' | 'turn' | 'at'>[] {
  const out: Omit<FeedbackEvent, 'userId' | 'sessionId' | 'turn' | 'at'>[] = [];
  const add = (itemId: string, kind: FeedbackEvent['kind']) => {
    if (!out.some((entry) => entry.itemId === itemId)) out.push({ itemId, kind, text: text.slice(0, 500) });
  };
  for (const entry of understanding.shownFeedback) {
    const item = lastShown[entry.position - 1];
    if (item) add(item.id, entry.sentiment);
  }
  const fresh = new Set(
    mentions
      .filter((mention) => mention.role === 'user' && mention.messageIndex === latestIndex)
      .map((mention) => mention.id),
  );
  for (const id of request.dislikedIds ?? []) if (fresh.has(id)) add(id, 'disliked');
  for (const id of request.seenIds ?? []) if (fresh.has(id)) add(id, 'seen');
  // A title the user only named ("tell me about Heat") seeds retrieval but is no verdict to store.
  for (const id of request.likedIds ?? []) if (fresh.has(id) && !neutralIds.has(id)) add(id, 'liked');
  return out;
}
