import type { TurnIntent } from '../../agent/turn-events.js';
import { readerContext, replayTranscript } from '../../dialogue/state/index.js';
import type { DialogueMessage } from '../../dialogue/dialogue-message.js';
import type { TitleResolver } from '../../titles/index.js';
import type { OfflineReader } from '../../understanding/offline/offline-reader.js';

/** How the evaluation report groups turns by what their last user message does. */
export const intentGroups = ['request', 'refinement', 'question', 'small talk', 'vague'] as const;

export type IntentGroup = (typeof intentGroups)[number];

const groupOf: Record<TurnIntent, IntentGroup> = {
  recommend: 'request',
  refine: 'refinement',
  'ask-about-item': 'question',
  'chit-chat': 'small talk',
  clarify: 'vague',
};

/**
 * The offline reader's intent for a dialogue's last user message, read as the offline agent reads
 * it: the earlier messages replayed into a dialogue state, the assistant's last message as context.
 */
export function lastMessageIntent(
  messages: readonly DialogueMessage[],
  reader: OfflineReader,
  titles: TitleResolver,
): IntentGroup {
  const history = messages.slice(0, -1);
  const last = messages[messages.length - 1];
  if (!last) return 'small talk';
  const { state, lastShown } = replayTranscript(history, reader, titles, reader.yearAnchors);
  const assistantText = history.findLast((message) => message.role === 'assistant')?.text;
  const reading = reader.read(last.text, {
    ...readerContext(state, lastShown, reader.vocabulary.catalog),
    ...(assistantText !== undefined ? { assistantText } : {}),
  });
  return groupOf[reading.understanding.intent];
}
