import { z } from 'zod';

const constraintsSchema = z.object({
  yearFrom: z.number().int().nullable(),
  yearTo: z.number().int().nullable(),
  genres: z.array(z.string()),
  excludeGenres: z.array(z.string()),
  people: z.array(z.string()),
  excludePeople: z.array(z.string()),
});

/** The request in force: what the user is asking for now. A new request replaces it whole. */
export const requestStateSchema = z.object({
  /** Index in the session's messages of the user message that started it. */
  startIndex: z.number().int().nonnegative(),
  /** Items it is "like" (named as liked, or "more like the second one"), most important first. */
  anchors: z.array(z.string()),
  /** Hard limits: years, required and excluded genres and people. */
  constraints: constraintsSchema,
  /** Soft qualities: "less violent", "funnier". */
  qualities: z.array(
    z.object({
      id: z.string(),
      polarity: z.enum(['more', 'less']),
      /** The user's own word for it ("gory"), for replies. */
      word: z.string().optional(),
    }),
  ),
  /** Audiences and occasions: "young-kids", "date-night". */
  audiences: z.array(z.string()),
  /** Of those, the ones only mentioned in passing ("my kids love Moana"): they lean, they do not limit. */
  mentionedAudiences: z.array(z.string()),
  /** Soft genre and people preferences. */
  preferences: z.object({ genres: z.array(z.string()), people: z.array(z.string()) }),
  /** Genres asked for in a request ("a western"), not only stated as a taste ("I like westerns"): the list leads with them. */
  focus: z.array(z.string()),
  /** People asked for in a request ("Kubrick's films", "more nolan"), not only stated as a taste ("I love Meryl Streep"). */
  focusPeople: z.array(z.string()).default([]),
  /** Topics ruled out ("no zombies", "without aliens"): items about them go after the others. */
  avoidTopics: z.array(z.string()).default([]),
  /** Soft years ("something recent", "an old film"), when not a hard limit. */
  preferredYears: z.object({ from: z.number().int().optional(), to: z.number().int().optional() }).nullable(),
  /** The user's topic words since the request started, oldest first. */
  texts: z.array(z.string()),
  /** How many items to show, when the user said ("just one"). */
  quantity: z.number().int().positive().nullable(),
  /** Items shown for this request and not turned down: weak seeds for the next round. */
  suggested: z.array(z.string()),
  /** Titles the user named without a verdict ("I've seen Heat"): the weakest seeds. */
  named: z.array(z.string()),
  /**
   * Every seed (anchors, suggestions, named titles) with the index of the message that last
   * mentioned it (a user's mention sticks: an assistant repeating the title does not move it).
   */
  seeds: z.array(z.object({ id: z.string(), at: z.number(), user: z.boolean() })),
  /** A list has been shown for it. */
  answered: z.boolean(),
});

/** Verdicts of this session: kept across requests, never recommended again. */
export const sessionFactsSchema = z.object({
  liked: z.array(z.string()),
  disliked: z.array(z.string()),
  seen: z.array(z.string()),
  /** Shown items the user turned down ("none of these"). */
  rejected: z.array(z.string()),
  /** Titles the user named, whatever the verdict: not suggested back. */
  named: z.array(z.string()),
});

/**
 * Everything a conversation has established: the request in force and the session's verdicts.
 * The lists shown live beside it in the session record (`lastShown`, `shownIds`). Changed only by
 * `applyTurn` (a turn's delta) and `recordShown` (a list was shown): one place decides what carries
 * over from one turn to the next.
 */
export const dialogueStateSchema = z.object({
  request: requestStateSchema.nullable(),
  facts: sessionFactsSchema,
  /** Items shown before any request (an assistant that opened with suggestions): the first request's weak seeds. */
  pending: z.array(z.string()).default([]),
  /** The shown item the last question was about ("why the first?"): what "it" means in the next one. */
  asked: z.string().nullable().default(null),
});

export type DialogueState = z.infer<typeof dialogueStateSchema>;
export type RequestState = z.infer<typeof requestStateSchema>;
export type SessionFacts = z.infer<typeof sessionFactsSchema>;

/** A conversation that has established nothing yet. */
export function initialState(): DialogueState {
  return {
    request: null,
    facts: { liked: [], disliked: [], seen: [], rejected: [], named: [] },
    pending: [],
    asked: null,
  };
}
