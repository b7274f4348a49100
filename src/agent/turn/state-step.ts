import type { CatalogItem } from '../../catalog/index.js';
import {
  applyTurn,
  resolveTitles,
  turnUpdate,
  type DialogueState,
  type ResolvedTitles,
} from '../../dialogue/state/index.js';
import type { FeedbackEvent } from '../../profile/profile-store.js';
import type { TurnContext } from './turn-context.js';
import type { TurnRuntime } from './turn-runtime.js';
import type { Understood } from './understand-step.js';

export type NewFeedback = Omit<FeedbackEvent, 'userId' | 'sessionId' | 'turn' | 'at'>;

/** The dialogue state after the turn's delta, and what of it is stored in the profile. */
export interface StateChange {
  state: DialogueState;
  titles: ResolvedTitles;
  /** Verdicts to store: titles the user named with one, and feedback on shown items. */
  feedback: NewFeedback[];
  /** The shown item the message points at ("the second one"). */
  referenced?: CatalogItem;
}

/** Resolves the delta's titles and folds it into the dialogue state (see `applyTurn`). */
export function updateState(runtime: TurnRuntime, context: TurnContext, understood: Understood): StateChange {
  const { reader, retriever } = runtime.dependencies;
  const { understanding } = understood;
  // A model's titles are matched loosely; the offline reader's are exact already.
  const titles = resolveTitles(understanding, retriever.components.titles, {
    loose: runtime.model !== undefined && understood.reading?.understanding !== understanding,
  });
  const update = turnUpdate(understanding, titles, {
    messageIndex: context.messages.length - 1,
    lastShown: context.lastShown,
    text: understood.reading?.query ?? '',
    ...(understood.more ? { more: true } : {}),
    ...(understood.reading ? { qualityWords: understood.reading.qualityWords } : {}),
    // With a model the delta is the model's: every genre it reads is asked for.
    ...(understood.reading && !runtime.model
      ? {
          statement: understood.reading.statement,
          askedPeople: understood.reading.askedPeople,
          avoidTopics: understood.reading.avoidTopics,
        }
      : {}),
  });
  const state = applyTurn(context.state, update, reader.yearAnchors);
  const feedback: NewFeedback[] = [];
  // The whole message is kept with the verdicts: Session.send refused it if over limits.maxMessageChars.
  const text = context.text;
  const add = (itemId: string, kind: NewFeedback['kind']) => {
    if (!feedback.some((entry) => entry.itemId === itemId)) feedback.push({ itemId, kind, text });
  };
  if (!understood.more) {
    for (const entry of understanding.shownFeedback) {
      const item = context.lastShown[entry.position - 1];
      if (item) add(item.id, entry.sentiment);
    }
    // A title the user only named ("tell me about Heat") is no verdict to store.
    for (const title of titles.titles) if (title.sentiment !== 'neutral') add(title.id, title.sentiment);
  }
  const position = understanding.referencedPosition;
  const referenced = position === null ? undefined : context.lastShown[position - 1];
  return { state, titles, feedback, ...(referenced ? { referenced } : {}) };
}
