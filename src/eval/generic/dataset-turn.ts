import { z } from 'zod';
import { datasetLimits } from './dataset-limits.js';

const id = z.union([z.string().min(1), z.number()]).transform(String);

/**
 * One line of a turns file: the conversation so far (its last message is the user's), the items
 * the recommender should suggest next, and optionally the items already named in the dialogue.
 * Other fields (titles, the original response) are ignored.
 */
export const datasetTurnSchema = z.object({
  id: id.describe('Unique turn id, repeated in --dump-rankings'),
  dialog_id: id
    .optional()
    .describe(
      'The conversation the turn comes from; a log session with this id is held out while the turn is evaluated',
    ),
  context: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant']).describe('Who wrote the message'),
        text: z
          .string()
          .max(datasetLimits.maxMessageChars, `is longer than ${datasetLimits.maxMessageChars} characters`)
          .describe('The message'),
      }),
    )
    .min(1)
    .refine((messages) => messages[messages.length - 1]?.role === 'user', {
      message: 'must end with a user message',
    })
    .describe('The dialogue so far, oldest first'),
  target_ids: z.array(id).min(1).describe('Catalog ids of the items to recommend next'),
  mentioned_ids: z
    .array(id)
    .default([])
    .describe('Catalog ids already named in the dialogue (dropped under the novel-only protocol)'),
});

/** One evaluation turn, as read from a turns file. */
export type DatasetTurn = z.output<typeof datasetTurnSchema>;
