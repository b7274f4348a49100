import type { Session } from '../agent/session.js';
import type { TurnResult } from '../agent/turn-events.js';
import type { Catalog } from '../catalog/index.js';
import type { FeedbackKind, ProfileStore } from '../profile/profile-store.js';
import type { CatalogNames } from './item-references.js';
import type { TurnScriptedModel } from './turn-scripted-model.js';
import type { TurnObservation } from './turn-observation.js';

export interface PlayContext {
  session: Session;
  store: ProfileStore;
  catalog: Catalog;
  names: CatalogNames;
  model?: TurnScriptedModel;
  signal?: AbortSignal;
}

const feedbackKinds = new Map<string | undefined, FeedbackKind>([
  ['/like', 'liked'],
  ['/dislike', 'disliked'],
  ['/seen', 'seen'],
]);

/** Runs what the user says (or a chat command, as the chat runs it) and observes the outcome. */
export async function playTurn(say: string, context: PlayContext): Promise<TurnObservation> {
  const { session, store, catalog } = context;
  const before = await session.state();
  const feedbackBefore = (await store.feedback(session.userId)).length;
  const options = context.signal ? { signal: context.signal } : {};
  const [command, argument] = say.trim().split(/\s+/, 2);
  let result: TurnResult | undefined;
  let error: unknown;
  try {
    if (command === '/more') result = await session.more(options).result();
    else if (command === '/why')
      result = await session.send(`tell me about number ${argument}`, options).result();
    else if (feedbackKinds.has(command))
      await session.feedback(Number(argument), feedbackKinds.get(command)!);
    else result = await session.send(say, options).result();
  } catch (caught) {
    error = caught;
  }
  const feedback = (await store.feedback(session.userId)).slice(feedbackBefore);
  const summary = await store.summary(session.userId);
  return {
    said: say,
    ...(result ? { result } : {}),
    ...(error !== undefined ? { error } : {}),
    shownBefore: before.lastShown.flatMap((shown) => catalog.byId.get(shown.itemId) ?? []),
    shownEarlier: new Set(before.shownIds),
    feedback,
    ...(summary ? { summary: summary.text } : {}),
    calls: context.model ? [...context.model.calls] : [],
    names: context.names,
    catalogItem: (id) => catalog.byId.get(id),
  };
}
