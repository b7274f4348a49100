import type { CatalogItem } from '../../catalog/index.js';
import { dialogueText, shownText } from '../../dialogue/dialogue-text.js';
import type { DialogueState } from '../../dialogue/state/index.js';
import { compileFilters } from '../../retrieval/filters.js';
import type { Candidate } from '../../retrieval/index.js';
import { distinctiveSharedGenre, requestFromState } from '../../understanding/request-from-state.js';
import { freeToolLoop } from '../free-tool-loop.js';
import { recommendStep, type RecommendStepOutput } from '../recommend-step.js';
import type { StateChange } from './state-step.js';
import type { TurnContext } from './turn-context.js';
import type { TurnRuntime } from './turn-runtime.js';
import type { Understood } from './understand-step.js';

/** Ids of every item the dialogue named: liked, disliked, seen, turned down or just named. */
function namedItems(facts: DialogueState['facts']): string[] {
  return [...new Set([...facts.liked, ...facts.disliked, ...facts.seen, ...facts.rejected, ...facts.named])];
}

/** Most items one turn shows, whatever the user asks for. */
export const maxItemsPerTurn = 20;

export interface RecommendAnswer extends RecommendStepOutput {
  toolsMs: number;
  rankMs: number;
}

/**
 * A recommendation turn: the request in force becomes a retrieval request (the plan-first search,
 * or the model's own tool calls in free mode, always inside the request's limits), then the
 * candidates are ranked, explained and introduced.
 */
export async function recommendTurn(
  runtime: TurnRuntime,
  context: TurnContext,
  understood: Understood,
  change: StateChange,
): Promise<RecommendAnswer> {
  const { dependencies, tools, model, session } = runtime;
  const { clock, retriever, reader } = dependencies;
  const catalog = retriever.catalog;
  const started = clock();
  const { state } = change;
  const proposedIds = understood.understanding.proposedTitles.flatMap((title) => {
    const [best] = retriever.components.titles.resolve(title, 1);
    return best && best.confidence >= 0.8 ? [best.item.id] : [];
  });
  const buildRequest = (shownIds: string[]) =>
    requestFromState({
      state,
      lexicon: reader.vocabulary.lexicon,
      shownIds,
      profile: context.profile.signals,
      ...(model && dependencies.prompts && !understood.more
        ? { turnQueries: understood.understanding.queries }
        : {}),
      proposedIds,
      titleGenre: (ids) =>
        distinctiveSharedGenre(
          ids,
          (id) => catalog.byId.get(id)?.genres ?? [],
          (genre) => retriever.genreCount(genre),
        ),
      k: model ? dependencies.rerankCandidates : dependencies.offlineCandidates,
    });
  const built = buildRequest(session.shownIds);
  let candidates: Candidate[] = [];
  if (model && dependencies.prompts && dependencies.toolMode === 'free' && !understood.more) {
    const loop = await freeToolLoop(
      model,
      tools.context,
      {
        prompt: dependencies.prompts.agentTools,
        values: {
          catalog_kind: dependencies.catalogKind,
          profile: context.profile.text || '(no stored profile)',
          shown: shownText(context.lastShown),
          dialogue: dialogueText(context.messages),
        },
        maxSteps: dependencies.maxToolSteps,
      },
      runtime.emit,
      tools.records,
      clock,
      runtime.signal,
    );
    if (loop.capped) {
      runtime.degrade({
        stage: 'tools',
        code: 'MAX_STEPS_EXCEEDED',
        message: `the model was still calling tools after ${dependencies.maxToolSteps} steps; ranking what it found`,
      });
    }
    // The request's limits and the already-shown items hold whatever the model searched for.
    const accept = compileFilters(built.request.filters);
    candidates = loop.candidates.filter((candidate) => accept(candidate.item));
  }
  if (candidates.length === 0) candidates = await tools.searchCatalog(built.request);
  // A narrowing refinement ("from before 1995" after five Tom Hanks films) may leave only picks shown
  // earlier in the session: those that fit are better than "nothing matches" (the reply says so).
  // "/more" asks for new ones only.
  const reshown = candidates.length === 0 && session.shownIds.length > 0 && !understood.more;
  if (reshown) candidates = await tools.searchCatalog(buildRequest([]).request);
  const toolsMs = clock() - started;
  const rankStarted = clock();
  const request = state.request;
  const anchors = (request?.anchors ?? []).flatMap((id) => catalog.byId.get(id) ?? []);
  // A request that names nothing was seeded by the stored profile: reasons may say so, the reply
  // does not claim the user asked for it.
  const reasonAnchors = built.fromProfile
    ? context.profile.signals.likedIds.slice(0, 3).flatMap((id) => catalog.byId.get(id) ?? [])
    : anchors;
  // "I did not like the first one" points at an item; the reply must not build on it.
  const referenced: CatalogItem | undefined =
    change.referenced && !state.facts.disliked.includes(change.referenced.id) ? change.referenced : undefined;
  const step = await recommendStep(
    { ...dependencies, ...(runtime.reranker ? { reranker: runtime.reranker } : {}) },
    {
      request: built.request,
      candidates,
      soft: built.soft,
      anchors,
      reasonAnchors,
      constraints: built.constraints,
      genres: request?.preferences.genres ?? [],
      audienceLabels: (request?.audiences ?? []).map((id) => reader.vocabulary.lexicon.label(id)),
      intent: understood.understanding.intent === 'refine' || understood.more ? 'refine' : 'recommend',
      unknownTitles: change.titles.unknownTitles,
      ...(reshown && candidates.length > 0 ? { reshown: true } : {}),
      ...(referenced ? { referenced } : {}),
      namedItems: namedItems(state.facts).flatMap((id) => catalog.byId.get(id) ?? []),
      userTexts: context.messages.flatMap((message) => (message.role === 'user' ? [message.text] : [])),
      profileText: context.profile.text,
      dialogueText: dialogueText(context.messages),
      topicWords: (request?.texts ?? []).join(' '),
      count: Math.min(request?.quantity ?? dependencies.k, maxItemsPerTurn),
    },
    runtime.emit,
    runtime.signal,
  );
  for (const degradation of step.degraded) runtime.degraded.push(degradation);
  if (step.recommendations.length > 0)
    runtime.emit({ type: 'recommendations', recommendations: step.recommendations });
  return { ...step, toolsMs, rankMs: clock() - rankStarted };
}
