import { itemReply } from '../../explain/offline-reply.js';
import { dialogueText } from '../../dialogue/dialogue-text.js';
import { answerAboutItem } from '../answer-item-step.js';
import { degradationFrom } from '../degradation.js';
import type { StateChange } from './state-step.js';
import type { TurnContext } from './turn-context.js';
import { checkAborted, type TurnRuntime } from './turn-runtime.js';

/** The reply to a question about one item, and the time spent finding and answering. */
export interface QuestionAnswer {
  reply: string;
  toolsMs: number;
  answerMs: number;
}

/**
 * "Why the first?", "what is Heat about?": the item pointed at (or named) is looked up and the
 * answer written from its card, by the model when there is one, else (or when it fails) from the
 * card's template. An item that cannot be found gets a question back.
 */
export async function answerQuestion(
  runtime: TurnRuntime,
  context: TurnContext,
  change: StateChange,
): Promise<QuestionAnswer> {
  const { dependencies, tools, model, session } = runtime;
  const { clock, retriever } = dependencies;
  const catalog = retriever.catalog;
  const started = clock();
  const named = change.titles.titles[0];
  const item = change.referenced ?? (named ? catalog.byId.get(named.id) : undefined);
  if (!item) {
    const reply =
      context.lastShown.length > 0
        ? `Which one do you mean? Say "the first one" or a number from 1 to ${context.lastShown.length}.`
        : `Which ${dependencies.catalogKind} do you mean? I could not find that title in the catalog.`;
    return { reply, toolsMs: clock() - started, answerMs: 0 };
  }
  await tools.getItem(item.id);
  const shownReason = session.lastShown.find((shown) => shown.itemId === item.id)?.reason;
  const toolsMs = clock() - started;
  const answerStarted = clock();
  let reply = '';
  if (model && dependencies.prompts) {
    try {
      reply = await answerAboutItem(
        model,
        dependencies.prompts.answerItem,
        {
          item,
          catalog,
          catalogKind: dependencies.catalogKind,
          profileText: context.profile.text,
          dialogueText: dialogueText(context.messages),
          ...(shownReason ? { shownReason } : {}),
        },
        (delta) => runtime.emit({ type: 'text-delta', delta }),
        runtime.signal,
      );
    } catch (error) {
      checkAborted(runtime.signal);
      runtime.degrade(degradationFrom('answer', error, "answered from the item's card instead"));
    }
  }
  if (!reply) reply = itemReply(item, catalog, shownReason);
  return { reply, toolsMs, answerMs: clock() - answerStarted };
}
