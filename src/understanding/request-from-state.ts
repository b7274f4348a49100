import type { DialogueState, RequestState } from '../dialogue/state/index.js';
import type { CatalogLexicon } from '../lexicon/index.js';
import type { RetrievalFilters, RetrieveRequest } from '../retrieval/index.js';
import { tokenize } from '../text/tokenize.js';
import type { Constraints } from './understanding-schema.js';

/** What the user's stored profile says, latest verdict per item. */
export interface ProfileSignals {
  likedIds: string[];
  dislikedIds: string[];
  seenIds: string[];
}

/** Soft wishes the ranking applies after retrieval: qualities and audiences in the catalog's terms. */
export interface SoftPreferences {
  /** Item text word stems and genres that rank an item up. */
  preferWords: string[];
  preferGenres: string[];
  /** Item text word stems and genres that put an item after the others. */
  avoidWords: string[];
  avoidGenres: string[];
  /** The user's words for what they want less of ("violent"), for the reply. */
  lessOf: string[];
  /** Genres the user asked for (or their mood or topic did): items with more of them come first. */
  focusGenres: string[];
  /** Genres the user named themselves ("a western"): picks without any of them are only a last resort. */
  namedGenres: string[];
  /** People the user asked for ("Kubrick's films"): likewise. */
  namedPeople: string[];
  /** Topics ruled out ("no zombies"): items the text search finds for them go after the others. */
  avoidTopics: string[];
}

/** Soft preferences that ask for nothing (a fresh object each time: `effectsOf` fills it in). */
function noSoftPreferences(): SoftPreferences {
  return {
    preferWords: [],
    preferGenres: [],
    avoidWords: [],
    avoidGenres: [],
    lessOf: [],
    focusGenres: [],
    namedGenres: [],
    namedPeople: [],
    avoidTopics: [],
  };
}

export interface StateRequestInput {
  state: DialogueState;
  lexicon: CatalogLexicon;
  /** Every item shown in this session. */
  shownIds: string[];
  profile: ProfileSignals;
  /** This turn's reformulated queries (LLM mode); otherwise built from the user's words. */
  turnQueries?: string[];
  /** Items an LLM proposed this turn. */
  proposedIds?: string[];
  /** The most distinctive genre the request's titles share (see `distinctiveSharedGenre`). */
  titleGenre?: (ids: string[]) => string | undefined;
  k: number;
}

export interface StateRequest {
  request: RetrieveRequest;
  soft: SoftPreferences;
  /** The limits in force, the audiences' included (for the reply). */
  constraints: Constraints;
  /** The request names nothing of its own, so the stored profile seeded it. */
  fromProfile: boolean;
}

const unique = (values: string[]) => [...new Set(values)];

/** Converts constraints into retrieval filters (nulls and empty lists dropped). */
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

/** Whether a request asks for nothing of its own ("what should I watch?"). */
export function namesNothing(request: RequestState | null): boolean {
  if (!request) return true;
  return (
    request.anchors.length === 0 &&
    request.suggested.length === 0 &&
    request.named.length === 0 &&
    request.preferences.genres.length === 0 &&
    request.preferences.people.length === 0 &&
    request.qualities.length === 0 &&
    request.audiences.length === 0 &&
    request.constraints.genres.length === 0 &&
    request.constraints.people.length === 0 &&
    request.texts.every((text) => tokenize(text).length === 0)
  );
}

/** A request's limits and leanings in the catalog's terms. */
export interface RequestEffects {
  /** The request's own limits plus its audiences' ("young-kids" → family films only, no horror). */
  constraints: Constraints;
  soft: SoftPreferences;
  /** Genres retrieval leans towards, most specific source first (see `effectsOf`). */
  preferredGenres: string[];
}

/**
 * The hard limits, soft preferences and ranking hints of the request in force, with its qualities
 * and audiences turned into the catalog's terms by the lexicon. Retrieval leans towards the genres
 * the user named (plus their topic's: "a horror movie set in space"), else the genres of the
 * qualities and topic ("something scary" → horror), else the audience's; only qualities reorder the
 * list after retrieval ("less violent" last, "funnier" first).
 */
export function effectsOf(
  request: RequestState,
  lexicon: CatalogLexicon,
  titleGenre?: string,
): RequestEffects {
  const soft = noSoftPreferences();
  const constraints: Constraints = { ...request.constraints };
  const qualityGenres: string[] = [];
  /** Each wanted quality's first genre: "funny" → comedy, "feel-good" → comedy. */
  const primaryGenres: string[] = [];
  const audienceGenres: string[] = [];
  /** Each audience's first genre: "kids" → family. */
  const audiencePrimary: string[] = [];
  for (const audience of request.audiences) {
    const effect = lexicon.effect(audience, 'more');
    if (!effect) continue;
    const limits = !request.mentionedAudiences.includes(audience);
    if (limits && effect.requireGenres.length > 0 && constraints.genres.length === 0)
      constraints.genres = effect.requireGenres.filter((genre) => !constraints.excludeGenres.includes(genre));
    if (limits)
      constraints.excludeGenres = unique([...constraints.excludeGenres, ...effect.excludeGenres]).filter(
        (genre) => !request.constraints.genres.includes(genre) && !request.preferences.genres.includes(genre),
      );
    audienceGenres.push(...effect.preferGenres);
    if (effect.preferGenres[0]) audiencePrimary.push(effect.preferGenres[0]);
    soft.avoidGenres.push(...effect.avoidGenres);
    soft.avoidWords.push(...effect.avoidWords);
  }
  for (const quality of request.qualities) {
    const effect = lexicon.effect(quality.id, quality.polarity);
    if (!effect) continue;
    if (quality.polarity === 'less') soft.lessOf.push(quality.word ?? quality.id);
    qualityGenres.push(...effect.preferGenres);
    if (quality.polarity === 'more' && effect.preferGenres[0]) primaryGenres.push(effect.preferGenres[0]);
    soft.preferGenres.push(...effect.preferGenres);
    soft.preferWords.push(...effect.preferWords);
    soft.avoidGenres.push(...effect.avoidGenres);
    soft.avoidWords.push(...effect.avoidWords);
  }
  const named = unique([...request.preferences.genres, ...request.constraints.genres]);
  const topic = lexicon.topicGenres(request.texts.join(' '));
  const asked = named.length > 0 ? [...named, ...topic] : [...qualityGenres, ...topic];
  const leaning = asked.length > 0 ? asked : audienceGenres;
  // The list leads with genres asked for in a request ("a western"), or a mood's, topic's or
  // audience's, or the most distinctive genre its titles share ("like the Toy Story movies" →
  // animation); genres only stated as a taste ("I like westerns") just lean retrieval.
  const asking = request.focus;
  const focus =
    asking.length > 0
      ? [...asking, ...topic]
      : named.length > 0
        ? []
        : primaryGenres.length + topic.length > 0
          ? [...primaryGenres, ...topic, ...audiencePrimary]
          : audiencePrimary.length > 0
            ? audiencePrimary
            : titleGenre
              ? [titleGenre]
              : [];
  soft.focusGenres = unique(focus).filter((genre) => !constraints.excludeGenres.includes(genre));
  soft.namedGenres = asking.filter((genre) => !constraints.excludeGenres.includes(genre));
  soft.namedPeople = request.focusPeople.filter((person) => !constraints.excludePeople.includes(person));
  soft.avoidTopics = [...request.avoidTopics];
  // What the user asks for outright wins over what a quality or audience leans away from.
  soft.avoidGenres = unique(soft.avoidGenres).filter(
    (genre) => !named.includes(genre) && !constraints.genres.includes(genre),
  );
  soft.preferGenres = unique(soft.preferGenres).filter((genre) => !soft.avoidGenres.includes(genre));
  soft.preferWords = unique(soft.preferWords);
  soft.avoidWords = unique(soft.avoidWords).filter((word) => !soft.preferWords.includes(word));
  return {
    constraints,
    soft,
    preferredGenres: unique(leaning).filter((genre) => !constraints.excludeGenres.includes(genre)),
  };
}

/**
 * The rarest genre every one of the first three titles has: what most sets them apart ("Toy Story"
 * and its sequels → animation rather than comedy; "The Godfather" → crime rather than drama).
 */
export function distinctiveSharedGenre(
  ids: string[],
  genresOf: (id: string) => string[],
  genreCount: (genre: string) => number,
): string | undefined {
  const [first, ...rest] = ids.slice(0, 3).map(genresOf);
  if (!first) return undefined;
  const shared = first.filter((genre) => rest.every((genres) => genres.includes(genre)));
  return shared.sort((left, right) => genreCount(left) - genreCount(right))[0];
}

/** Retrieval queries from the user's words: the latest, the latest two, all of the request's. */
function queriesOf(texts: string[]): string[] {
  const recent = texts.slice(-2).reverse();
  return unique([recent[0] ?? '', recent.join(' '), texts.join(' ')].map((text) => text.trim())).filter(
    (text) => text.length > 2,
  );
}

/**
 * The retrieval request for the request in force. Items shown in this session, named or seen by the
 * user are never suggested again. The stored profile is a prior, not a co-pilot: its likes seed only
 * a request that names nothing of its own; otherwise it only keeps seen and disliked items out.
 */
export function requestFromState(input: StateRequestInput): StateRequest {
  const { state, lexicon, profile } = input;
  const request = state.request;
  const { facts } = state;
  const fromProfile = namesNothing(request);
  const effects = request ? effectsOf(request, lexicon, input.titleGenre?.(request.anchors)) : undefined;
  const disliked = unique([...facts.disliked, ...profile.dislikedIds]);
  const rejected = new Set([...disliked, ...facts.rejected]);
  // The request's titles, most recently mentioned first (a title the user named only as seen comes
  // last); the stored profile only when the request names nothing.
  const likedIds = unique([
    ...[...(request?.seeds ?? [])].sort((left, right) => right.at - left.at).map((seed) => seed.id),
    ...(request?.anchors ?? []),
    ...(fromProfile ? profile.likedIds : []),
  ]).filter((id) => !rejected.has(id));
  const seenIds = unique([...facts.seen, ...profile.seenIds]);
  const excludeIds = unique([
    ...input.shownIds,
    ...facts.liked,
    ...facts.named,
    ...facts.rejected,
    ...seenIds,
    ...profile.likedIds,
    ...(request?.anchors ?? []),
  ]);
  const queries =
    input.turnQueries && input.turnQueries.length > 0
      ? unique(input.turnQueries.map((query) => query.trim()).filter(Boolean))
      : queriesOf(request?.texts ?? []);
  const constraints = effects?.constraints ?? {
    yearFrom: null,
    yearTo: null,
    genres: [],
    excludeGenres: [],
    people: [],
    excludePeople: [],
  };
  const retrieveRequest: RetrieveRequest = {
    queries,
    likedIds,
    dislikedIds: disliked,
    seenIds,
    recentIds: (request?.suggested ?? []).filter((id) => !rejected.has(id)),
    proposedIds: input.proposedIds ?? [],
    preferredGenres: effects?.preferredGenres ?? [],
    preferredPeople: (request?.preferences.people ?? []).filter(
      (person) => !constraints.excludePeople.includes(person),
    ),
    ...(request?.preferredYears ? { preferredYears: request.preferredYears } : {}),
    filters: constraintsToFilters(constraints, excludeIds),
    excludeSeen: false,
    k: input.k,
  };
  return {
    request: retrieveRequest,
    constraints,
    soft: effects?.soft ?? noSoftPreferences(),
    fromProfile,
  };
}
