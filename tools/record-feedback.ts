import { z } from 'zod';
import type { FeedbackEvent } from '../src/profile/profile-store.js';
import { cleanText, itemTitle } from './format-item.js';
import { throwIfAborted } from './throw-if-aborted.js';
import { defineTool } from './tool-definition.js';

export const recordFeedbackInputSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.string().min(1).describe('The catalog id of the item'),
        kind: z
          .enum(['liked', 'disliked', 'seen'])
          .describe('What the user said: liked it, disliked it, or has seen it (no verdict)'),
        text: z
          .string()
          .max(300)
          .optional()
          .describe("The user's own words this verdict comes from, quoted briefly"),
      }),
    )
    .min(1)
    .max(50)
    .describe('Verdicts the user gave in this turn, one per item'),
});

/** What was stored, and which ids were refused because the catalog does not have them. */
export interface RecordedFeedback {
  recorded: FeedbackEvent[];
  refusedIds: string[];
}

/** Stores the user's verdicts on catalog items; a later verdict on the same item replaces an earlier one. */
export const recordFeedbackTool = defineTool({
  name: 'record_feedback',
  description:
    'Remember what the user said about specific items: liked, disliked or seen. Only catalog ids are ' +
    'accepted (use resolve_titles first). A later verdict on the same item replaces the earlier one.',
  inputSchema: recordFeedbackInputSchema,
  async run(input, context): Promise<{ text: string; data: RecordedFeedback }> {
    throwIfAborted(context.signal, 'record_feedback');
    const { catalog } = context.retriever;
    const at = context.now();
    const recorded: FeedbackEvent[] = [];
    const refusedIds: string[] = [];
    for (const entry of input.items) {
      if (!catalog.byId.has(entry.id)) {
        refusedIds.push(entry.id);
        continue;
      }
      recorded.push({
        userId: context.userId,
        itemId: entry.id,
        kind: entry.kind,
        sessionId: context.sessionId,
        turn: context.turn,
        at,
        ...(entry.text === undefined ? {} : { text: entry.text }),
      });
    }
    if (recorded.length > 0) await context.profileStore.addFeedback(recorded);
    const lines = recorded.map((event) => {
      const item = catalog.byId.get(event.itemId)!;
      return `Recorded: ${event.kind} [${cleanText(event.itemId, 40)}] ${itemTitle(item)}`;
    });
    if (refusedIds.length > 0) {
      const ids = refusedIds.map((id) => JSON.stringify(cleanText(id, 40))).join(', ');
      lines.push(`Refused, not in the catalog (nothing stored): ${ids}. Use resolve_titles to find ids.`);
    }
    return { text: lines.join('\n'), data: { recorded, refusedIds } };
  },
});
