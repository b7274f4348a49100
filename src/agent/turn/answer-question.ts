import { GroundedProseStream } from '../../explain/grounded-prose.js';
import { itemReply } from '../../explain/offline-reply.js';
import { displayText } from '../../untrusted/index.js';
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
    // The answer is shown a sentence at a time, each once it names no title but this item's, the
    // list shown last or the titles the dialogue named.
    const { facts } = change.state;
    const named = [...facts.liked, ...facts.disliked, ...facts.seen, ...facts.rejected, ...facts.named];
    const grounded = new GroundedProseStream({
      allowed: [item, ...context.lastShown, ...named.flatMap((id) => catalog.byId.get(id) ?? [])],
      texts: context.messages.flatMap((message) => (message.role === 'user' ? [message.text] : [])),
      catalogTitled: (text) => retriever.components.titles.exactItems(text),
    });
    const show = (text: string) => {
      if (text) runtime.emit({ type: 'text-delta', delta: displayText(text) });
    };
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
        (delta) => show(grounded.push(delta)),
        runtime.signal,
      );
      show(grounded.end());
      if (grounded.rejected.length > 0) {
        // What was shown stays the answer; nothing shown, the card's template answers.
        reply = grounded.shown.trim();
        const count = grounded.rejected.length;
        runtime.degrade({
          stage: 'answer',
          code: 'MODEL_OUTPUT_INVALID',
          message: `the model's answer named ${count} title${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not in this conversation, so it was ${reply ? 'cut short' : "answered from the item's card instead"}`,
        });
      }
    } catch (error) {
      checkAborted(runtime.signal);
      runtime.degrade(degradationFrom('answer', error, "answered from the item's card instead"));
    }
  }
  if (!reply) reply = itemReply(item, catalog, shownReason);
  else reply = displayText(reply);
  return { reply, toolsMs, answerMs: clock() - answerStarted };
}
