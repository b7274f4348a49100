import type { CatalogItem } from '../catalog/index.js';
import { OfflineReasonWriter } from '../explain/offline-reasons.js';
import { describeConstraints, recommendReply, unknownTitlesNote } from '../explain/offline-reply.js';
import { itemDescription, titleWithYear } from '../ranking/candidate-cards.js';
import { hasSoftened, softenedWishes } from '../understanding/softened-wishes.js';
import type { Candidate, RetrieveRequest } from '../retrieval/retriever.js';
import type { Understanding } from '../understanding/understanding-schema.js';
import type { Reranker } from '../ranking/reranker.js';
import type { AgentDependencies } from './agent-dependencies.js';
import { degradationFrom } from './degradation.js';
import type { Degradation, Recommendation, TurnEvent } from './turn-events.js';

export interface RecommendStepInput {
  understanding: Understanding;
  request: RetrieveRequest;
  candidates: Candidate[];
  unknownTitles: string[];
  referenced?: CatalogItem;
  profileText: string;
  /** Liked items that come from the stored profile, not this conversation. */
  profileLikedIds: string[];
  /** Recent dialogue as text, for the reranker. */
  dialogueText: string;
  userText: string;
}

export interface RecommendStepOutput {
  recommendations: Recommendation[];
  reply: string;
  /** Every candidate id in final order (the eval scores the whole ranking). */
  ranking: string[];
  degraded: Degradation[];
}

/** Ranks candidates (LLM reranker, or the offline ranker), explains the top k and writes the reply. */
export async function recommendStep(
  dependencies: AgentDependencies & { reranker?: Reranker },
  input: RecommendStepInput,
  emit: (event: TurnEvent) => void,
  signal?: AbortSignal,
): Promise<RecommendStepOutput> {
  const { retriever, k } = dependencies;
  const { understanding, request } = input;
  const degraded: Degradation[] = [];
  const catalog = retriever.catalog;
  const itemText = (item: CatalogItem) => `${item.genres.join(' ')} ${itemDescription(item, catalog)}`;
  const liked = (request.likedIds ?? []).flatMap((id) => catalog.byId.get(id) ?? []);
  const writer = new OfflineReasonWriter({
    retriever,
    liked,
    preferredGenres: request.preferredGenres ?? [],
    preferredPeople: request.preferredPeople ?? [],
    yearFrom: understanding.constraints.yearFrom,
    yearTo: understanding.constraints.yearTo,
    userText: input.userText,
    catalogKind: dependencies.catalogKind,
  });
  // "Less violent": items described with what the user wants less of go after the others.
  const { words: softened, stems: avoid } = softenedWishes(input.userText);
  const ranked = dependencies.offlineRank({ candidates: input.candidates, request, retriever });
  const offlineOrder =
    avoid.length === 0
      ? ranked
      : [
          ...ranked.filter((candidate) => !hasSoftened(itemText(candidate.item), avoid)),
          ...ranked.filter((candidate) => hasSoftened(itemText(candidate.item), avoid)),
        ];
  // Said only when it is true of every pick.
  const softenedNote =
    softened.length > 0 &&
    offlineOrder.slice(0, k).every((candidate) => !hasSoftened(itemText(candidate.item), avoid))
      ? `none of them described as ${softened.join(' or ')}`
      : '';
  const templateReply = recommendReply({
    count: Math.min(k, offlineOrder.length),
    intent: understanding.intent === 'refine' ? 'refine' : 'recommend',
    likedTitles: liked
      .filter((item) => !input.profileLikedIds.includes(item.id))
      .slice(0, 2)
      .map((item) => item.title),
    genres: request.preferredGenres ?? [],
    constraints: understanding.constraints,
    unknownTitles: input.unknownTitles,
    ...(input.referenced ? { referenced: input.referenced } : {}),
  });
  const offlineReply =
    softenedNote && templateReply.endsWith(':')
      ? `${templateReply.slice(0, -1)}, ${softenedNote}:`
      : templateReply;
  const fromOffline = (order: Candidate[]) =>
    order.slice(0, k).map((candidate) => ({
      item: candidate.item,
      reason: writer.reason(candidate),
      score: candidate.score,
    }));

  if (!dependencies.reranker || offlineOrder.length === 0) {
    return {
      recommendations: fromOffline(offlineOrder),
      reply: offlineReply,
      ranking: offlineOrder.map((candidate) => candidate.item.id),
      degraded,
    };
  }
  const constraints = describeConstraints(understanding.constraints);
  const requestText = [
    input.dialogueText,
    constraints ? `Constraints: ${constraints}.` : '',
    liked.length > 0 ? `Liked: ${liked.slice(0, 5).map(titleWithYear).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  try {
    const outcome = await dependencies.reranker.rerank(
      {
        // The model sees the offline ranker's order: the best candidates make the cut and come
        // first, and a failed rerank falls back to the same order the model was shown.
        candidates: offlineOrder.slice(0, dependencies.rerankCandidates),
        k,
        catalog,
        catalogKind: dependencies.catalogKind,
        profileText: input.profileText || '(no stored profile)',
        requestText,
      },
      { onReplyDelta: (delta) => emit({ type: 'text-delta', delta }) },
      signal,
    );
    if (outcome.problems.length > 0) {
      const degradation: Degradation = {
        stage: 'rerank',
        code: 'MODEL_OUTPUT_INVALID',
        message: `reranker output repaired: ${outcome.problems.join('; ')}`,
      };
      degraded.push(degradation);
      emit({ type: 'degraded', degradation });
    }
    const picked = new Set(outcome.picks.map((pick) => pick.candidate.item.id));
    const note = unknownTitlesNote(input.unknownTitles).join(' ');
    return {
      recommendations: outcome.picks.map((pick) => ({
        item: pick.candidate.item,
        reason: pick.reason || writer.reason(pick.candidate),
        score: pick.candidate.score,
      })),
      reply: outcome.reply ? [note, outcome.reply].filter(Boolean).join(' ') : offlineReply,
      ranking: [
        ...outcome.picks.map((pick) => pick.candidate.item.id),
        ...offlineOrder.map((candidate) => candidate.item.id).filter((id) => !picked.has(id)),
      ],
      degraded,
    };
  } catch (error) {
    if (signal?.aborted) throw error;
    const degradation = degradationFrom('rerank', error, 'reranking failed, showing the offline ranking');
    degraded.push(degradation);
    emit({ type: 'degraded', degradation });
    return {
      recommendations: fromOffline(offlineOrder),
      reply: offlineReply,
      ranking: offlineOrder.map((candidate) => candidate.item.id),
      degraded,
    };
  }
}
