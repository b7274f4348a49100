import type { Constraints, Relaxation, Understanding } from '../../understanding/understanding-schema.js';
import type { DialogueState, RequestState, SessionFacts } from './dialogue-state.js';

/** One turn's delta with its titles resolved to catalog items. */
export interface TurnUpdate {
  understanding: Understanding;
  /** Index of the user message in the session's messages. */
  messageIndex: number;
  /** Titles the user named, resolved, with the verdict. */
  titles: { id: string; sentiment: 'liked' | 'disliked' | 'seen' | 'neutral' }[];
  /** Ids of the list the message refers to ("the second one"), in order. */
  lastShown: string[];
  /** Release years of that list, for "older" / "newer". */
  lastShownYears: number[];
  /** The message's topic words (plot, mood), if any. */
  text: string;
  /** "/more": rerun the request as it stands. */
  more?: boolean;
  /** The user's own word for each quality named ("gory" for violent), for replies. */
  qualityWords?: Record<string, string>;
  /** The message states tastes rather than asking ("I like comedies"): its genres lean, they do not lead. */
  statement?: boolean;
  /**
   * The people the message asks for ("Kubrick's films", "more nolan"), when the reader tells them
   * from people it only likes ("I really like Meryl Streep"); else every person it prefers.
   */
  askedPeople?: string[];
  /** Topics the message rules out ("no zombies"): kept with the request, items about them go last. */
  avoidTopics?: string[];
}

/** Soft years "older" / "newer" mean when nothing was shown to compare with. */
export interface YearAnchors {
  /** "An old film": up to this year. */
  oldUpTo: number;
  /** "Something recent": from this year. */
  recentFrom: number;
}

const union = (left: readonly string[], right: readonly string[]) => [...new Set([...left, ...right])];
const minus = (left: readonly string[], right: readonly string[]) =>
  left.filter((value) => !right.includes(value));

/** Verdicts of this turn: named titles and feedback on shown items. A new verdict replaces an old one. */
function updateFacts(facts: SessionFacts, update: TurnUpdate): SessionFacts {
  const next: SessionFacts = { ...facts };
  const set = (id: string, kind: 'liked' | 'disliked' | 'seen') => {
    next.liked = minus(next.liked, [id]);
    next.disliked = minus(next.disliked, [id]);
    next.seen = kind === 'seen' ? next.seen : minus(next.seen, [id]);
    next[kind] = union(next[kind], [id]);
  };
  for (const title of update.titles) {
    next.named = union(next.named, [title.id]);
    if (title.sentiment !== 'neutral') set(title.id, title.sentiment);
  }
  for (const feedback of update.understanding.shownFeedback) {
    const id = update.lastShown[feedback.position - 1];
    if (id) set(id, feedback.sentiment);
  }
  if (update.understanding.rejectsShown)
    next.rejected = union(next.rejected, minus(update.lastShown, next.liked));
  return next;
}

/**
 * Later constraints win field by field; lists are merged; a genre now required is no longer
 * excluded; a year limit that leaves no year with the earlier one replaces it ("before 1960", then
 * "after 2000").
 */
export function mergeConstraints(earlier: Constraints, later: Constraints): Constraints {
  const excludeGenres = minus(union(earlier.excludeGenres, later.excludeGenres), later.genres);
  const excludePeople = minus(union(earlier.excludePeople, later.excludePeople), later.people);
  const yearFrom = later.yearFrom ?? earlier.yearFrom;
  const yearTo = later.yearTo ?? earlier.yearTo;
  const noYearLeft = yearFrom !== null && yearTo !== null && yearFrom > yearTo;
  return {
    yearFrom: noYearLeft ? later.yearFrom : yearFrom,
    yearTo: noYearLeft ? later.yearTo : yearTo,
    genres: minus(union(earlier.genres, later.genres), excludeGenres),
    excludeGenres,
    people: minus(union(earlier.people, later.people), excludePeople),
    excludePeople,
  };
}

/** Constraints loosened as the user said: any year, any genre, "horror is fine after all". */
export function relaxConstraints(constraints: Constraints, relax: Relaxation): Constraints {
  return {
    yearFrom: relax.years ? null : constraints.yearFrom,
    yearTo: relax.years ? null : constraints.yearTo,
    genres: relax.genres ? [] : constraints.genres,
    excludeGenres: minus(constraints.excludeGenres, relax.excludeGenres),
    people: constraints.people,
    excludePeople: minus(constraints.excludePeople, relax.excludePeople),
  };
}

/**
 * "Something older" / "newer": older (newer) than every item just shown, and past a year limit in
 * force ("after 2010" then "older" means 2010 and before); without a list, a soft lean to old or
 * recent.
 */
function applyDirection(
  request: RequestState,
  direction: Understanding['yearDirection'],
  listYears: number[],
  anchors: YearAnchors,
  statement = false,
): RequestState {
  if (!direction) return request;
  // "I love old horror movies" states a taste: a lean, even with a list on screen.
  const shownYears = statement ? [] : listYears;
  const oldest = shownYears.length > 0 ? Math.min(...shownYears) : undefined;
  const newest = shownYears.length > 0 ? Math.max(...shownYears) : undefined;
  const constraints = { ...request.constraints };
  // A year limit in force holds while a few years still fit inside it; otherwise it gives way
  // ("sci-fi after 2010", shown 2013–2019, "older": the "after 2010" limit gives way).
  const narrow = (from: number | null, to: number | null) => from !== null && to !== null && to - from < 2;
  if (direction === 'older') {
    const to =
      oldest !== undefined
        ? oldest - 1
        : constraints.yearFrom !== null && !statement
          ? constraints.yearFrom - 1
          : undefined;
    if (to === undefined) return { ...request, preferredYears: { to: anchors.oldUpTo } };
    constraints.yearTo = Math.min(to, constraints.yearTo ?? Infinity);
    if (
      narrow(constraints.yearFrom, constraints.yearTo) ||
      (constraints.yearFrom !== null && oldest === undefined)
    ) {
      constraints.yearTo = Math.min(constraints.yearTo, (constraints.yearFrom ?? Infinity) - 1);
      constraints.yearFrom = null;
    }
  } else {
    const from =
      newest !== undefined
        ? newest + 1
        : constraints.yearTo !== null && !statement
          ? constraints.yearTo + 1
          : undefined;
    if (from === undefined) return { ...request, preferredYears: { from: anchors.recentFrom } };
    constraints.yearFrom = Math.max(from, constraints.yearFrom ?? -Infinity);
    if (
      narrow(constraints.yearFrom, constraints.yearTo) ||
      (constraints.yearTo !== null && newest === undefined)
    ) {
      constraints.yearFrom = Math.max(constraints.yearFrom, (constraints.yearTo ?? -Infinity) + 1);
      constraints.yearTo = null;
    }
  }
  return { ...request, constraints, preferredYears: null };
}

function likedIds(update: TurnUpdate): string[] {
  const liked = update.titles.filter((title) => title.sentiment === 'liked').map((title) => title.id);
  for (const feedback of update.understanding.shownFeedback) {
    const id = update.lastShown[feedback.position - 1];
    if (id && feedback.sentiment === 'liked') liked.push(id);
  }
  return [...new Set(liked)];
}

/** The titles this message mentions as seeds, the item it points at first. */
function mentioned(update: TurnUpdate, referenced: string | undefined): RequestState['seeds'] {
  const ids = union(referenced ? [referenced] : [], union(anchorIds(update), namedIds(update)));
  return ids.map((id) => ({ id, at: update.messageIndex + (id === referenced ? 0.5 : 0), user: true }));
}

/** Titles the user named in this message without a verdict or a dislike. */
function namedIds(update: TurnUpdate): string[] {
  return update.titles
    .filter((title) => title.sentiment === 'neutral' || title.sentiment === 'seen')
    .map((title) => title.id);
}

/** Genres the message asks for (none when it only states tastes). */
function askedGenres(update: TurnUpdate): string[] {
  if (update.statement) return [];
  const { preferences, constraints } = update.understanding;
  return union(preferences.genres, constraints.genres);
}

/** People a request asks for ("Kubrick's films after 1970"), not only stated as a taste. */
function askedPeople(update: TurnUpdate): string[] {
  if (update.statement) return [];
  const { preferences, constraints } = update.understanding;
  return union(update.askedPeople ?? preferences.people, constraints.people);
}

function referencedId(update: TurnUpdate): string | undefined {
  const position = update.understanding.referencedPosition;
  return position === null ? undefined : update.lastShown[position - 1];
}

/** The delta's qualities with the user's own word for each. */
function withWords(update: TurnUpdate): RequestState['qualities'] {
  return update.understanding.qualities.map((quality) => {
    const word = update.qualityWords?.[quality.id];
    return word ? { ...quality, word } : { ...quality };
  });
}

/**
 * Titles a request is about: the liked ones, or, when the message names nothing else, the ones it
 * names ("I've seen all the Godfather films, what else?" is about the Godfather films).
 */
function anchorIds(update: TurnUpdate): string[] {
  const liked = likedIds(update);
  if (liked.length > 0) return liked;
  const { understanding } = update;
  const other =
    understanding.preferences.genres.length +
    understanding.preferences.people.length +
    understanding.constraints.genres.length +
    understanding.qualities.length +
    understanding.audiences.length;
  return other > 0
    ? []
    : update.titles.filter((title) => title.sentiment === 'seen').map((title) => title.id);
}

/**
 * The delta's hard limits; years only stated as a taste ("I love 80s movies") lean instead of
 * limiting, returned apart.
 */
function limitsOf(update: TurnUpdate): {
  constraints: Constraints;
  preferredYears: RequestState['preferredYears'];
} {
  const { constraints } = update.understanding;
  if (!update.statement || (constraints.yearFrom === null && constraints.yearTo === null)) {
    return { constraints, preferredYears: null };
  }
  const preferredYears = {
    ...(constraints.yearFrom !== null ? { from: constraints.yearFrom } : {}),
    ...(constraints.yearTo !== null ? { to: constraints.yearTo } : {}),
  };
  return { constraints: { ...constraints, yearFrom: null, yearTo: null }, preferredYears };
}

/** A request built from one message alone. */
function freshRequest(update: TurnUpdate, anchors: YearAnchors): RequestState {
  const { understanding } = update;
  const limits = limitsOf(update);
  const referenced = referencedId(update);
  const request: RequestState = {
    startIndex: update.messageIndex,
    anchors: union(referenced ? [referenced] : [], anchorIds(update)),
    constraints: limits.constraints,
    qualities: withWords(update),
    audiences: understanding.audiences,
    mentionedAudiences: update.statement ? understanding.audiences : [],
    preferences: understanding.preferences,
    focus: askedGenres(update),
    focusPeople: askedPeople(update),
    avoidTopics: update.avoidTopics ?? [],
    preferredYears: limits.preferredYears,
    texts: update.text ? [update.text] : [],
    quantity: understanding.quantity,
    suggested: [],
    named: namedIds(update),
    seeds: [],
    answered: false,
  };
  request.seeds = mentioned(update, referenced);
  return understanding.yearDirection
    ? applyDirection(request, understanding.yearDirection, [], anchors)
    : request;
}

/** The request in force edited by a refinement or an addition. */
function editRequest(request: RequestState, update: TurnUpdate, anchors: YearAnchors): RequestState {
  const { understanding } = update;
  const { relax } = understanding;
  const referenced = referencedId(update);
  const turnedDown = understanding.rejectsShown ? update.lastShown : [];
  // Seen is no verdict against an item: it stays a seed, it is just not shown again.
  const disliked = understanding.shownFeedback
    .filter((feedback) => feedback.sentiment === 'disliked')
    .flatMap((feedback) => update.lastShown[feedback.position - 1] ?? [])
    .concat(update.titles.filter((title) => title.sentiment === 'disliked').map((title) => title.id));
  const limits = limitsOf(update);
  const constraints = mergeConstraints(relaxConstraints(request.constraints, relax), limits.constraints);
  const qualities = request.qualities.filter(
    (quality) =>
      !relax.qualities.includes(quality.id) &&
      !understanding.qualities.some((next) => next.id === quality.id),
  );
  const edited: RequestState = {
    ...request,
    // "More like the second one" is about that item first; the rest of the list stops seeding.
    anchors: minus(union(referenced ? [referenced] : [], union(likedIds(update), request.anchors)), disliked),
    constraints,
    qualities: [...qualities, ...withWords(update)],
    audiences: union(request.audiences, understanding.audiences),
    // An audience asked for once limits from then on; one only mentioned stays a lean.
    mentionedAudiences: update.statement
      ? union(
          request.mentionedAudiences,
          understanding.audiences.filter(
            (id) => !request.audiences.includes(id) || request.mentionedAudiences.includes(id),
          ),
        )
      : minus(request.mentionedAudiences, understanding.audiences),
    preferences: {
      genres: relax.genres
        ? understanding.preferences.genres
        : minus(
            union(request.preferences.genres, understanding.preferences.genres),
            constraints.excludeGenres,
          ),
      people: minus(
        union(request.preferences.people, understanding.preferences.people),
        constraints.excludePeople,
      ),
    },
    focus: minus(
      relax.genres ? askedGenres(update) : union(askedGenres(update), request.focus),
      constraints.excludeGenres,
    ),
    focusPeople: minus(union(askedPeople(update), request.focusPeople), constraints.excludePeople),
    avoidTopics: union(request.avoidTopics, update.avoidTopics ?? []),
    preferredYears: limits.preferredYears ?? (relax.years ? null : request.preferredYears),
    texts: update.text ? [...request.texts, update.text] : request.texts,
    quantity: understanding.quantity ?? request.quantity,
    suggested: referenced ? [] : minus(request.suggested, [...turnedDown, ...disliked]),
    named: minus(union(namedIds(update), request.named), disliked),
    seeds: [],
  };
  // This message's titles are the latest mentions; seeds that stopped being seeds drop out.
  const fresh = mentioned(update, referenced);
  const dropped = new Set([...turnedDown, ...disliked, ...(referenced ? request.suggested : [])]);
  edited.seeds = [
    ...fresh,
    ...request.seeds.filter((seed) => !fresh.some((entry) => entry.id === seed.id)),
  ].filter(
    (seed) =>
      !dropped.has(seed.id) &&
      (edited.anchors.includes(seed.id) ||
        edited.suggested.includes(seed.id) ||
        edited.named.includes(seed.id)),
  );
  return applyDirection(
    edited,
    understanding.yearDirection,
    update.lastShownYears,
    anchors,
    update.statement,
  );
}

/**
 * Folds one turn into the dialogue state. Verdicts (titles named, feedback on shown items, a list
 * turned down) always go into the session's facts. Then: a new request (or the first) replaces the
 * request in force and keeps only the facts; an addition or a refinement ("older", "not that one",
 * "funnier", "any year is fine") edits it; "/more", questions and small talk leave it as it is.
 */
export function applyTurn(state: DialogueState, update: TurnUpdate, anchors: YearAnchors): DialogueState {
  const facts = updateFacts(state.facts, update);
  if (update.more) return { ...state, facts, asked: null };
  const { intent, newRequest } = update.understanding;
  // "why the first?" then "who's in it?": the item asked about stays the one "it" means, through
  // small talk, until the next request or refinement.
  if (intent === 'ask-about-item') return { ...state, facts, asked: referencedId(update) ?? null };
  if (intent === 'chit-chat' || intent === 'clarify') return { ...state, facts };
  if (state.request === null) {
    // The first request takes up what was shown before it, unless turned down.
    const fresh = freshRequest(update, anchors);
    const pending = minus(state.pending, [...facts.rejected, ...facts.disliked]);
    return {
      request: {
        ...fresh,
        suggested: pending,
        seeds: [...fresh.seeds, ...pending.map((id) => ({ id, at: -1, user: false }))],
      },
      facts,
      pending: [],
      asked: null,
    };
  }
  const request =
    intent === 'recommend' && newRequest
      ? freshRequest(update, anchors)
      : editRequest(state.request, update, anchors);
  return { request, facts, pending: state.pending, asked: null };
}

/**
 * After the assistant answered the request in force: the list shown becomes weak seeds, and the
 * request counts as answered (also when nothing matched: the next request of the user's own is new).
 * A transcript's assistant message answers only when it names items.
 */
export function recordShown(
  state: DialogueState,
  shownIds: string[],
  options: { answered?: boolean; at?: number } = {},
): DialogueState {
  if (!state.request) return { ...state, pending: union(shownIds, state.pending) };
  if (shownIds.length === 0)
    return options.answered ? { ...state, request: { ...state.request, answered: true } } : state;
  const suggested = minus(shownIds, [...state.facts.rejected, ...state.facts.disliked]);
  const request = state.request;
  return {
    ...state,
    request: {
      ...request,
      answered: true,
      suggested: union(suggested, request.suggested),
      seeds: [
        ...suggested
          .filter((id) => !request.seeds.some((seed) => seed.id === id && seed.user))
          .map((id) => ({ id, at: options.at ?? Number.MAX_SAFE_INTEGER, user: false })),
        ...request.seeds.filter((seed) => seed.user || !suggested.includes(seed.id)),
      ],
    },
  };
}
