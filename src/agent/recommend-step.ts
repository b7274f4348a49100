import type { CatalogItem } from '../catalog/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import { OfflineReasonWriter } from '../explain/offline-reasons.js';
import { describeConstraints, recommendReply, unknownTitlesNote } from '../explain/offline-reply.js';
import { itemDescription } from '../ranking/candidate-cards.js';
import { hasStem } from '../lexicon/index.js';
import type { Reranker } from '../ranking/reranker.js';
import type { Candidate, RetrieveRequest } from '../retrieval/index.js';
import { foldText } from '../text/tokenize.js';
import type { SoftPreferences } from '../understanding/request-from-state.js';
import type { Constraints } from '../understanding/understanding-schema.js';
import type { AgentDependencies } from './agent-dependencies.js';
import { degradationFrom } from './degradation.js';
import { groundedAnswer } from './turn/grounded-answer.js';
import type { Degradation, Recommendation, TurnEvent } from './turn-events.js';

export interface RecommendStepInput {
  request: RetrieveRequest;
  candidates: Candidate[];
  /** Qualities and audiences in the catalog's terms (see `effectsOf`). */
  soft: SoftPreferences;
  /** Items the request is "like" (never the stored profile's), for the reply. */
  anchors: CatalogItem[];
  /** Items the reasons may compare with (the profile's likes when they seeded the request). */
  reasonAnchors: CatalogItem[];
  /** The limits in force, audiences' included, for the reply. */
  constraints: Constraints;
  /** Genres the user asked for, for the reply. */
  genres: string[];
  /** How the audiences read in a reply: "young kids". */
  audienceLabels: string[];
  intent: 'recommend' | 'refine';
  unknownTitles: string[];
  /** Nothing new fits: the candidates are picks shown earlier in the session. */
  reshown?: boolean;
  referenced?: CatalogItem;
  /** Items the dialogue named (liked, disliked, seen or just named): the reply may name them. */
  namedItems?: CatalogItem[];
  /** The user's own messages: the reply may repeat their words. */
  userTexts?: string[];
  profileText: string;
  /** Recent dialogue as text, for the reranker. */
  dialogueText: string;
  /** The user's topic words for the request, for reasons. */
  topicWords: string;
  /** How many to show. */
  count: number;
}

export interface RecommendStepOutput {
  recommendations: Recommendation[];
  reply: string;
  /** Every candidate id in final order (the eval scores the whole ranking). */
  ranking: string[];
  degraded: Degradation[];
}

/** How an item fares against the soft wishes: 1 wanted, 0 neither, -1 to go after the others. */
function softFit(item: CatalogItem, soft: SoftPreferences, text: string): number {
  const genres = item.genres.map((genre) => foldText(genre));
  const words = text.split(/[^\p{L}\p{N}]+/u);
  const has = (stems: string[]) => hasStem(words, stems);
  if (soft.avoidGenres.some((genre) => genres.includes(foldText(genre))) || has(soft.avoidWords)) return -1;
  if (soft.preferGenres.some((genre) => genres.includes(foldText(genre))) || has(soft.preferWords)) return 1;
  return 0;
}

/** Items per topic ruled out that go last: those the text search ranks highest for it. */
const avoidedPerTopic = 50;

/** Window of the offline order in which the user's genres and wanted qualities move items up. */
const preferWindow = 30;

/**
 * Orders candidates by the offline ranker, then by the soft wishes: items with what the user wants
 * less of ("less violent") go after all the others; the slots shown first go to the candidates
 * among the first few with most of the genres asked for ("a heist comedy": crime and comedy), then
 * with what the user wants more of ("funnier"); the rest keep the ranker's order.
 */
export function softOrder(
  ranked: Candidate[],
  soft: SoftPreferences,
  textOf: (item: CatalogItem) => string,
  slots: number,
  /** Items about a topic ruled out ("no zombies"): they go after the others. */
  avoidIds: ReadonlySet<string> = new Set(),
): Candidate[] {
  const active =
    avoidIds.size +
      soft.avoidWords.length +
      soft.avoidGenres.length +
      soft.preferWords.length +
      soft.preferGenres.length +
      soft.focusGenres.length >
    0;
  if (!active) return ranked;
  const fit = new Map(
    ranked.map((candidate) => [
      candidate.item.id,
      avoidIds.has(candidate.item.id) ? -1 : softFit(candidate.item, soft, foldText(textOf(candidate.item))),
    ]),
  );
  const focus = new Set(soft.focusGenres.map((genre) => foldText(genre)));
  const focusCount = (item: CatalogItem) => item.genres.filter((genre) => focus.has(foldText(genre))).length;
  const kept = ranked.filter((candidate) => fit.get(candidate.item.id)! >= 0);
  const avoided = ranked.filter((candidate) => fit.get(candidate.item.id)! < 0);
  // The first slots go to the best fits among the first candidates; the rest keep the ranker's order.
  const picks = kept
    .slice(0, preferWindow)
    .map((candidate, index) => ({
      candidate,
      index,
      focus: focusCount(candidate.item),
      fit: fit.get(candidate.item.id)!,
    }))
    .sort((left, right) => right.focus - left.focus || right.fit - left.fit || left.index - right.index)
    .slice(0, slots)
    .map((entry) => entry.candidate);
  const picked = new Set(picks);
  return [...picks, ...kept.filter((candidate) => !picked.has(candidate)), ...avoided];
}

/** Ranks candidates (LLM reranker, or the offline ranker), explains the top k and writes the reply. */
export async function recommendStep(
  dependencies: AgentDependencies & { reranker?: Reranker },
  input: RecommendStepInput,
  emit: (event: TurnEvent) => void,
  signal?: AbortSignal,
): Promise<RecommendStepOutput> {
  const { retriever } = dependencies;
  const { request, soft, count } = input;
  const degraded: Degradation[] = [];
  const catalog = retriever.catalog;
  const textOf = (item: CatalogItem) => `${item.genres.join(' ')} ${itemDescription(item, catalog)}`;
  const writer = new OfflineReasonWriter({
    retriever,
    liked: input.reasonAnchors,
    preferredGenres: request.preferredGenres ?? [],
    preferredPeople: request.preferredPeople ?? [],
    yearFrom: input.constraints.yearFrom,
    yearTo: input.constraints.yearTo,
    userText: input.topicWords,
    avoidWords: soft.avoidWords,
    catalogKind: dependencies.catalogKind,
  });
  const ranked = dependencies.offlineRank({ candidates: input.candidates, request, retriever });
  // "no zombies": what the text search finds for a topic ruled out (titles included) goes last.
  const avoidIds = new Set(
    soft.avoidTopics.flatMap((topic) =>
      retriever.components.lexical
        .search(topic, avoidedPerTopic)
        .map((hit) => catalog.items[hit.position]!.id),
    ),
  );
  const offlineOrder = softOrder(ranked, soft, textOf, count, avoidIds);
  // "A western", "Kubrick's films": when only a few of those are left, show them rather than fill up
  // with other films (the reply says they are all that fit); with none left, the others fill the list.
  const named = new Set(soft.namedGenres.map((genre) => foldText(genre)));
  const people = new Set(soft.namedPeople.map((person) => foldText(person)));
  const hasNamedGenre = (item: CatalogItem) => item.genres.some((genre) => named.has(foldText(genre)));
  const ofNamed = (item: CatalogItem) =>
    (named.size === 0 || hasNamedGenre(item)) &&
    (people.size === 0 || item.people.some((person) => people.has(foldText(person))));
  const left =
    named.size + people.size > 0 ? offlineOrder.filter((candidate) => ofNamed(candidate.item)).length : count;
  const shown = left < count && left >= 1 ? left : count;
  const outOfGenres =
    named.size > 0 &&
    input.genres.length > 0 &&
    offlineOrder.length > 0 &&
    !offlineOrder.some((candidate) => hasNamedGenre(candidate.item));
  const picksOf = (order: Candidate[]) =>
    shown < count
      ? order.filter((candidate) => ofNamed(candidate.item)).slice(0, shown)
      : order.slice(0, count);
  // "None of them described as violent" is said only when it is true of every pick.
  const avoidedAll =
    soft.lessOf.length > 0 &&
    picksOf(offlineOrder).every(
      (candidate) =>
        softFit(
          candidate.item,
          { ...soft, preferGenres: [], preferWords: [] },
          foldText(textOf(candidate.item)),
        ) >= 0,
    );
  const replyFor = (count: number) =>
    recommendReply({
      count,
      intent: input.intent,
      likedTitles: input.anchors.slice(0, 2).map((item) => item.title),
      // Named genres none of the picks has ("thriller" once every thriller up to 1939 was shown) are
      // not claimed in the lead; the reply says none is left.
      ...(outOfGenres ? { genres: [], outOfGenres: input.genres } : { genres: input.genres }),
      audiences: input.audienceLabels,
      constraints: input.constraints,
      unknownTitles: input.unknownTitles,
      ...(avoidedAll ? { lessOf: soft.lessOf } : {}),
      ...(shown < count ? { exhausted: true } : {}),
      ...(input.reshown ? { reshown: true } : {}),
      ...(input.referenced ? { referenced: input.referenced } : {}),
    });
  const templateReply = replyFor(Math.min(shown, offlineOrder.length));
  const fromOffline = (order: Candidate[]) =>
    picksOf(order).map((candidate) => ({
      item: candidate.item,
      reason: writer.reason(candidate),
      score: candidate.score,
    }));
  const offline = () => ({
    recommendations: fromOffline(offlineOrder),
    reply: templateReply,
    ranking: offlineOrder.map((candidate) => candidate.item.id),
    degraded,
  });

  if (!dependencies.reranker || offlineOrder.length === 0) return offline();
  const constraints = describeConstraints(input.constraints);
  const requestText = [
    input.dialogueText,
    constraints ? `Constraints: ${constraints}.` : '',
    input.anchors.length > 0 ? `Liked: ${input.anchors.slice(0, 5).map(titleWithYear).join('; ')}.` : '',
    soft.lessOf.length > 0 ? `Less: ${soft.lessOf.join(', ')}.` : '',
    input.audienceLabels.length > 0 ? `For: ${input.audienceLabels.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  try {
    const outcome = await dependencies.reranker.rerank(
      {
        // The model sees the offline order: the best candidates make the cut and come first, and a
        // failed rerank falls back to the same order the model was shown.
        candidates: offlineOrder.slice(0, dependencies.rerankCandidates),
        k: count,
        catalog,
        catalogKind: dependencies.catalogKind,
        profileText: input.profileText || '(no stored profile)',
        requestText,
      },
      // No reply deltas: the reply is shown only once the picks have validated (see `groundedAnswer`).
      {},
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
    const answer = groundedAnswer(outcome, {
      allowed: [
        ...outcome.picks.map((pick) => pick.candidate.item),
        ...input.anchors,
        ...input.reasonAnchors,
        ...(input.referenced ? [input.referenced] : []),
        ...(input.namedItems ?? []),
      ],
      texts: input.userTexts ?? [],
      catalogTitled: (text) => retriever.components.titles.exactItems(text),
    });
    if (answer.degradation) {
      degraded.push(answer.degradation);
      emit({ type: 'degraded', degradation: answer.degradation });
    }
    const note = unknownTitlesNote(input.unknownTitles).join(' ');
    const reply = answer.reply
      ? [note, answer.reply].filter(Boolean).join(' ')
      : replyFor(outcome.picks.length);
    emit({ type: 'text-delta', delta: reply });
    return {
      recommendations: outcome.picks.map((pick, index) => ({
        item: pick.candidate.item,
        reason: answer.reasons[index] || writer.reason(pick.candidate),
        score: pick.candidate.score,
      })),
      reply,
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
    return offline();
  }
}
