import type { CatalogItem } from '../../catalog/index.js';
import type { DialogueMessage } from '../../dialogue/dialogue-message.js';
import { replayTranscript, type DialogueState } from '../../dialogue/state/index.js';
import type { FeedbackEvent } from '../../profile/profile-store.js';
import { profileContext, type ProfileContext } from '../profile-context.js';
import { checkAborted, type TurnRuntime } from './turn-runtime.js';

/** What a turn starts from. */
export interface TurnContext {
  /** The conversation including the new user message. */
  messages: DialogueMessage[];
  text: string;
  /** The list shown last, as catalog items. */
  lastShown: CatalogItem[];
  /** The dialogue state before this turn. */
  state: DialogueState;
  profile: ProfileContext;
  events: FeedbackEvent[];
}

/**
 * Loads what the turn needs: the user's stored feedback and summary, the list shown last, and the
 * dialogue state (read from the messages when the session has none, e.g. history passed in; then
 * the list shown last is what the last assistant message listed or named).
 */
export async function loadContext(runtime: TurnRuntime, text: string): Promise<TurnContext> {
  const { dependencies, session } = runtime;
  const { retriever, profileStore, reader } = dependencies;
  const catalog = retriever.catalog;
  const stored = session.lastShown.flatMap((shown) => catalog.byId.get(shown.itemId) ?? []);
  const [events, summary] = await Promise.all([
    profileStore.feedback(session.userId),
    profileStore.summary(session.userId),
  ]);
  checkAborted(runtime.signal);
  // A session without a state is history passed in: replaying it also tells which items the last
  // assistant message showed or named, so "I've seen that one" has something to point at.
  const replayed = session.state
    ? undefined
    : replayTranscript(session.messages, reader, retriever.components.titles, reader.yearAnchors);
  const state = session.state ?? replayed!.state;
  const lastShown = stored.length > 0 || !replayed ? stored : replayed.lastShown;
  return {
    messages: [...session.messages, { role: 'user', text }],
    text,
    lastShown,
    state,
    profile: profileContext(events, summary, catalog, text),
    events,
  };
}
