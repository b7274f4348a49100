import type { CatalogItem } from '../catalog/index.js';
import type { DialogueReading } from '../dialogue/build-retrieval-request.js';
import type { RetrieveRequest } from '../retrieval/retriever.js';
import type { RetrievalFilters } from '../retrieval/filters.js';
import type { TitleResolver } from '../titles/index.js';
import type { Constraints } from './hard-constraints.js';
import type { Understanding } from './understanding-schema.js';

/** What the user's stored profile says, latest verdict per item. */
export interface ProfileSignals {
  likedIds: string[];
  /** The stored likes that bear on the current request (see `relevantFeedback`). */
  relevantLikedIds?: string[];
  dislikedIds: string[];
  seenIds: string[];
}

export interface RequestContext {
  understanding: Understanding;
  /** The offline reading of the same dialogue. */
  reading: DialogueReading;
  titles: TitleResolver;
  lastShown: CatalogItem[];
  /** Every item shown earlier in this session: not shown again unless the user points at it. */
  shownIds: string[];
  profile: ProfileSignals;
  k: number;
}

export interface BuiltRequest {
  request: RetrieveRequest;
  /** Titles the user named that the catalog does not have. */
  unknownTitles: string[];
  /** The shown item the user pointed at, if any. */
  referenced?: CatalogItem;
}

/** Converts understood constraints into retrieval filters (nulls and empty lists dropped). */
export function constraintsToFilters(constraints: Constraints, excludeIds: string[]): RetrievalFilters {
  return {
    ...(constraints.yearFrom !== null ? { yearFrom: constraints.yearFrom } : {}),
    ...(constraints.yearTo !== null ? { yearTo: constraints.yearTo } : {}),
    ...(constraints.genres.length > 0 ? { genres: constraints.genres } : {}),
    ...(constraints.excludeGenres.length > 0 ? { excludeGenres: constraints.excludeGenres } : {}),
    ...(constraints.people.length > 0 ? { people: constraints.people } : {}),
    ...(constraints.excludePeople.length > 0 ? { excludePeople: constraints.excludePeople } : {}),
    ...(excludeIds.length > 0 ? { excludeIds } : {}),
  };
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The retrieval request for a turn: the offline reading of the dialogue, refined by the
 * understanding (titles with sentiment, proposed titles, feedback on shown items, the item pointed
 * at), the stored profile, and the session's already-shown items.
 */
export function requestFromUnderstanding(context: RequestContext): BuiltRequest {
  const { understanding, reading, titles, lastShown, profile } = context;
  const base = reading.request;
  const liked: string[] = [];
  const disliked: string[] = [];
  const seen: string[] = [];
  const unknownTitles: string[] = [];
  for (const mention of understanding.mentionedTitles) {
    const [best] = titles.resolve(mention.title, 1);
    if (!best || best.confidence < 0.6) {
      unknownTitles.push(mention.title);
      continue;
    }
    if (mention.sentiment === 'disliked') disliked.push(best.item.id);
    else if (mention.sentiment === 'seen') seen.push(best.item.id);
    else liked.push(best.item.id);
  }
  for (const feedback of understanding.shownFeedback) {
    const item = lastShown[feedback.position - 1];
    if (!item) continue;
    if (feedback.sentiment === 'liked') liked.push(item.id);
    else if (feedback.sentiment === 'disliked') disliked.push(item.id);
    else seen.push(item.id);
  }
  const position = understanding.referencedPosition;
  const referenced = position === null ? undefined : lastShown[position - 1];
  const wantsNeighbours = referenced !== undefined && understanding.intent === 'refine';
  const proposedIds = understanding.proposedTitles.flatMap((title) => {
    const [best] = titles.resolve(title, 1);
    return best && best.confidence >= 0.8 ? [best.item.id] : [];
  });

  const dislikedIds = unique([...disliked, ...base.dislikedIds, ...profile.dislikedIds]);
  const rejected = new Set(dislikedIds);
  // "More like the second one" is about that item: the other shown items are not likes.
  const readingLikes = wantsNeighbours
    ? reading.mentions
        .filter((mention) => mention.role === 'user' && mention.sentiment !== 'disliked')
        .map((mention) => mention.id)
    : base.likedIds;
  // Likes stored in earlier sessions seed a request that names nothing itself ("what should I
  // watch?"); once this conversation has its own seeds ("something like Heat"), only the stored
  // likes that bear on the request keep a say, so last week's Alien does not take half the list.
  const ownSeeds = wantsNeighbours || liked.length > 0 || readingLikes.length > 0;
  const profileSeeds = ownSeeds ? (profile.relevantLikedIds ?? []) : profile.likedIds;
  const likedIds = unique([
    ...(wantsNeighbours ? [referenced.id] : []),
    ...liked,
    ...readingLikes,
    ...profileSeeds,
  ]).filter((id) => !rejected.has(id));
  const seenIds = unique([...seen, ...base.seenIds, ...profile.seenIds]);
  // Items shown in this session, titles the user named and items they have seen are not suggested
  // again. Titles a (human) assistant named earlier in a transcript stay eligible: the user may
  // still take them up.
  const userNamed = reading.mentions
    .filter((mention) => mention.role === 'user')
    .map((mention) => mention.id);
  const excludeIds = unique([...context.shownIds, ...liked, ...userNamed, ...seenIds, ...profile.likedIds]);
  // The understanding's queries replace the raw reading's (cleaned offline, reformulated by an LLM).
  const queries = unique(understanding.queries.map((query) => query.trim())).filter(Boolean);
  const request: RetrieveRequest = {
    queries,
    likedIds,
    dislikedIds,
    seenIds,
    recentIds: wantsNeighbours ? [] : base.recentIds.filter((id) => !rejected.has(id)),
    proposedIds,
    // "No horror" names horror, but it is never a preference.
    preferredGenres: unique([...understanding.preferences.genres, ...base.preferredGenres]).filter(
      (genre) => !understanding.constraints.excludeGenres.includes(genre),
    ),
    preferredPeople: unique([...understanding.preferences.people, ...base.preferredPeople]).filter(
      (person) => !understanding.constraints.excludePeople.includes(person),
    ),
    ...(base.preferredYears ? { preferredYears: base.preferredYears } : {}),
    filters: constraintsToFilters(understanding.constraints, excludeIds),
    excludeSeen: false,
    k: context.k,
  };
  return { request, unknownTitles: unique(unknownTitles), ...(referenced ? { referenced } : {}) };
}
