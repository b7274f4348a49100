import { z } from 'zod';

export const intents = ['recommend', 'refine', 'ask-about-item', 'chit-chat', 'clarify'] as const;

export const titleSentiments = ['liked', 'disliked', 'seen', 'neutral'] as const;

/**
 * What the understanding step reads from a dialogue. It is the LLM's structured output (so every
 * field is required and nullable rather than optional, which strict JSON-schema modes need) and also
 * what the offline understanding produces.
 */
export const understandingSchema = z.object({
  intent: z
    .enum(intents)
    .describe(
      'recommend: wants suggestions; refine: adjusts the last suggestions; ask-about-item: asks about one item; chit-chat: no request; clarify: too vague to act on',
    ),
  queries: z
    .array(z.string())
    .max(5)
    .describe('2-4 diverse short retrieval queries in catalog vocabulary (plot, mood, themes, genre)'),
  mentionedTitles: z
    .array(z.object({ title: z.string(), sentiment: z.enum(titleSentiments) }))
    .describe('Titles the user named, with how they feel about each'),
  proposedTitles: z
    .array(z.string())
    .max(20)
    .describe('Titles you know fit the request, best first; unknown ones are dropped'),
  constraints: z
    .object({
      yearFrom: z.number().int().nullable().describe('Earliest year the user accepts, or null'),
      yearTo: z.number().int().nullable().describe('Latest year the user accepts, or null'),
      genres: z.array(z.string()).describe('Genres the results must have'),
      excludeGenres: z.array(z.string()).describe('Genres the user rules out'),
      people: z.array(z.string()).describe('People the results must involve'),
      excludePeople: z.array(z.string()).describe('People the user rules out'),
    })
    .describe('Hard constraints the user stated'),
  preferences: z
    .object({
      genres: z.array(z.string()).describe('Genres the user leans towards'),
      people: z.array(z.string()).describe('People the user leans towards'),
    })
    .describe('Soft preferences'),
  shownFeedback: z
    .array(
      z.object({
        position: z.number().int().min(1).describe('1-based position in the last shown list'),
        sentiment: z.enum(['liked', 'disliked', 'seen']),
      }),
    )
    .describe('What the user said about items shown last turn'),
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

/** An understanding that asks for nothing in particular. */
export function emptyUnderstanding(intent: Understanding['intent'] = 'recommend'): Understanding {
  return {
    intent,
    queries: [],
    mentionedTitles: [],
    proposedTitles: [],
    constraints: {
      yearFrom: null,
      yearTo: null,
      genres: [],
      excludeGenres: [],
      people: [],
      excludePeople: [],
    },
    preferences: { genres: [], people: [] },
    shownFeedback: [],
    referencedPosition: null,
    reply: null,
  };
}
