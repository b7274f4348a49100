import { z } from 'zod';

export const intents = ['recommend', 'refine', 'ask-about-item', 'chit-chat', 'clarify'] as const;

export const titleSentiments = ['liked', 'disliked', 'seen', 'neutral'] as const;

export const qualityPolarities = ['more', 'less'] as const;

const constraintsSchema = z
  .object({
    yearFrom: z.number().int().nullable().describe('Earliest year the user accepts, or null'),
    yearTo: z.number().int().nullable().describe('Latest year the user accepts, or null'),
    genres: z.array(z.string()).describe('Genres the results must have (one of them): "only comedies"'),
    excludeGenres: z
      .array(z.string())
      .describe('Genres the user rules out: "no horror", "anything but westerns"'),
    people: z.array(z.string()).describe('People the results must involve: "only Tom Hanks films"'),
    excludePeople: z.array(z.string()).describe('People the user rules out: "nothing with Tom Cruise"'),
  })
  .describe('Hard constraints stated in this message');

/**
 * What one user message changes: the *delta* of a turn. It is the LLM's structured output (so every
 * field is required and nullable rather than optional, which strict JSON-schema modes need) and what
 * the offline reader produces; `applyTurn` folds it into the dialogue state.
 */
export const understandingSchema = z.object({
  intent: z
    .enum(intents)
    .describe(
      'recommend: wants suggestions; refine: adjusts the suggestions just shown; ask-about-item: asks about one item; chit-chat: no request; clarify: too vague to act on',
    ),
  newRequest: z
    .boolean()
    .describe(
      'true when the message starts a new request of its own (a new topic, audience, anchor title or plot); false when it adds to or adjusts the current request, asks about an item or is small talk',
    ),
  queries: z
    .array(z.string())
    .max(5)
    .describe('2-4 diverse short retrieval queries in catalog vocabulary (plot, mood, themes, genre)'),
  mentionedTitles: z
    .array(z.object({ title: z.string(), sentiment: z.enum(titleSentiments) }))
    .describe(
      'Titles the user named in this message, with how they feel about each; a series ("all the Alien films") lists each film',
    ),
  proposedTitles: z
    .array(z.string())
    .max(20)
    .describe('Titles you know fit the request, best first; unknown ones are dropped'),
  constraints: constraintsSchema,
  preferences: z
    .object({
      genres: z.array(z.string()).describe('Genres the user asks for or leans towards: "a horror movie"'),
      people: z.array(z.string()).describe('People the user asks for or leans towards: "with Tom Hanks"'),
    })
    .describe('Soft preferences stated in this message'),
  qualities: z
    .array(
      z.object({
        id: z.string().describe('A quality id from the list in the instructions'),
        polarity: z
          .enum(qualityPolarities)
          .describe('more: wanted ("funnier"); less: unwanted ("not too scary")'),
      }),
    )
    .describe('Moods and qualities the user wants more or less of'),
  audiences: z
    .array(z.string())
    .describe(
      'Audience or occasion ids from the list in the instructions ("with my 6 year old" → young-kids)',
    ),
  relax: z
    .object({
      years: z.boolean().describe('"any year is fine": earlier year limits no longer hold'),
      genres: z.boolean().describe('"any genre": earlier required or preferred genres no longer hold'),
      excludeGenres: z.array(z.string()).describe('Genres allowed again: "horror is fine after all"'),
      excludePeople: z.array(z.string()).describe('People allowed again'),
      qualities: z.array(z.string()).describe('Quality ids no longer restricted: "violence is ok"'),
    })
    .describe('What the user loosens of the current request'),
  yearDirection: z
    .enum(['older', 'newer'])
    .nullable()
    .describe('"something older" / "more recent" (relative to what was shown, or in general), or null'),
  quantity: z
    .number()
    .int()
    .min(1)
    .max(50)
    .nullable()
    .describe('How many items the user asks for ("just one", "a couple"), or null'),
  shownFeedback: z
    .array(
      z.object({
        position: z.number().int().min(1).describe('1-based position in the last shown list'),
        sentiment: z.enum(['liked', 'disliked', 'seen']),
      }),
    )
    .describe('What the user said about items shown last turn'),
  rejectsShown: z
    .boolean()
    .describe('The user turns the shown list down as a whole: "none of these", "something else"'),
  referencedPosition: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('The shown item the user points at ("more like the second one", "why the first?"), or null'),
  reply: z
    .string()
    .nullable()
    .describe('For chit-chat or clarify only: the full reply to the user; otherwise null'),
});

export type Understanding = z.infer<typeof understandingSchema>;
export type Constraints = Understanding['constraints'];
export type Quality = Understanding['qualities'][number];
export type Relaxation = Understanding['relax'];

/** Constraints that constrain nothing. */
export function emptyConstraints(): Constraints {
  return { yearFrom: null, yearTo: null, genres: [], excludeGenres: [], people: [], excludePeople: [] };
}

/** A relaxation that loosens nothing. */
export function emptyRelaxation(): Relaxation {
  return { years: false, genres: false, excludeGenres: [], excludePeople: [], qualities: [] };
}

/** An understanding that asks for nothing in particular. */
export function emptyUnderstanding(intent: Understanding['intent'] = 'recommend'): Understanding {
  return {
    intent,
    newRequest: false,
    queries: [],
    mentionedTitles: [],
    proposedTitles: [],
    constraints: emptyConstraints(),
    preferences: { genres: [], people: [] },
    qualities: [],
    audiences: [],
    relax: emptyRelaxation(),
    yearDirection: null,
    quantity: null,
    shownFeedback: [],
    rejectsShown: false,
    referencedPosition: null,
    reply: null,
  };
}
