import { ungroundedTitles } from '../../explain/grounded-prose.js';
import { chitChatReply } from '../../explain/offline-reply.js';
import { displayText } from '../../untrusted/index.js';
import type { StateChange } from './state-step.js';
import type { TurnContext } from './turn-context.js';
import type { TurnRuntime } from './turn-runtime.js';

/**
 * The reply to small talk or a clarifying question: the model's own (from the understand call) when
 * it names no title but the items the dialogue named, liked or was shown (see `ungroundedTitles`),
 * else the offline one, with a `degraded` event that says so without repeating the names.
 */
export function smallTalkReply(
  runtime: TurnRuntime,
  context: TurnContext,
  change: StateChange,
  modelReply: string | null | undefined,
): string {
  const { retriever, catalogKind } = runtime.dependencies;
  const catalog = retriever.catalog;
  const offline = () =>
    chitChatReply(catalog.items.length, catalogKind, context.text, runtime.session.shownIds.length > 0);
  const reply = displayText(modelReply ?? '').trim();
  if (!reply) return offline();
  const { facts } = change.state;
  const ids = new Set([
    ...facts.liked,
    ...facts.disliked,
    ...facts.seen,
    ...facts.rejected,
    ...facts.named,
    ...runtime.session.shownIds,
  ]);
  const found = ungroundedTitles(reply, {
    allowed: [...context.lastShown, ...[...ids].flatMap((id) => catalog.byId.get(id) ?? [])],
    texts: context.messages.flatMap((message) => (message.role === 'user' ? [message.text] : [])),
    catalogTitled: (text) => retriever.components.titles.exactItems(text),
  });
  if (found.length === 0) return reply;
  const count = found.length;
  runtime.degrade({
    stage: 'understand',
    code: 'MODEL_OUTPUT_INVALID',
    message: `the model's reply named ${count} title${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not in this conversation, so it was replaced with a plain one`,
  });
  return offline();
}
