import { z } from 'zod';
import { intents } from '../understanding/understanding-schema.js';

const shownSchema = z.strictObject({
  shown: z.number().int().min(1).describe('1-based position in the list shown before the turn'),
});

/** An item by id, title or "Title (year)", or `{ shown: N }`: item N of the list shown before the turn. */
export const itemRefSchema = z.union([z.string().min(1), shownSchema]);

/** A literal text, or `{ shown: N }`: the title of item N of the list shown before the turn. */
const textRefSchema = z.union([z.string().min(1), shownSchema]);

export type ItemRef = z.infer<typeof itemRefSchema>;

const oneOrMany = <Schema extends z.ZodType>(schema: Schema) =>
  z.union([schema, z.array(schema).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));

const stages = ['understand', 'tools', 'rerank', 'answer', 'summarize'] as const;

/** What may be expected of a turn. Unknown keys are errors, so a typo never passes silently. */
export const expectationsSchema = z
  .object({
    include: oneOrMany(itemRefSchema).describe('Every one of these items is recommended'),
    exclude: oneOrMany(itemRefSchema).describe('None of these items is recommended'),
    first: itemRefSchema.describe('The first recommendation is this item'),
    genre: oneOrMany(z.string().min(1)).describe('Every recommendation has each of these genres'),
    exclude_genre: oneOrMany(z.string().min(1)).describe('No recommendation has any of these genres'),
    person: oneOrMany(z.string().min(1)).describe('Every recommendation involves each of these people'),
    exclude_person: oneOrMany(z.string().min(1)).describe('No recommendation involves any of these people'),
    year_at_least: z.number().int().describe('Every recommendation is from this year or later'),
    year_at_most: z.number().int().describe('Every recommendation is from this year or earlier'),
    items: z.number().int().min(0).describe('Exactly this many recommendations'),
    min_items: z.number().int().min(0).describe('At least this many recommendations'),
    max_items: z.number().int().min(0).describe('At most this many recommendations'),
    new_items: z.literal(true).describe('No recommendation was shown earlier in this session'),
    reply_mentions: oneOrMany(textRefSchema).describe('The reply contains each text (case-insensitive)'),
    reply_not_mentions: oneOrMany(textRefSchema).describe('The reply contains none of these texts'),
    intent: z.enum(intents).describe('How the agent read the message'),
    tools: z.array(z.string().min(1)).describe('The tools called, exactly and in order'),
    llm_calls: z.number().int().min(0).describe('Exactly this many LLM calls'),
    max_llm_calls: z.number().int().min(0).describe('At most this many LLM calls'),
    model_calls: z
      .array(z.string().min(1))
      .describe('Scripted mode: the purposes of the model calls, in order'),
    degraded: z
      .union([z.boolean(), z.array(z.enum(stages)).min(1)])
      .describe('false: nothing fell back; true: something did; a list: exactly these stages did'),
    feedback: z
      .array(
        z.strictObject({
          item: itemRefSchema,
          kind: z.enum(['liked', 'disliked', 'seen']),
        }),
      )
      .describe('Exactly the feedback recorded during this turn ([] for none)'),
    profile_mentions: oneOrMany(z.string().min(1)).describe('The stored profile summary contains each text'),
    cards_include: oneOrMany(itemRefSchema).describe(
      'Scripted mode: these items are cards of the rerank prompt',
    ),
    fenced_in_prompt: z
      .string()
      .min(1)
      .describe('Scripted mode: this text reaches the model, only inside one card line of the <cards> block'),
    error: z
      .string()
      .regex(/^[A-Z_]+$/)
      .describe('The turn fails with this error code (e.g. TOOL_INPUT_INVALID)'),
  })
  .partial()
  .strict();

export type Expectations = z.infer<typeof expectationsSchema>;
