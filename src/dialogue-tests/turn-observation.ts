import type { TurnResult } from '../agent/turn-events.js';
import type { CatalogItem } from '../catalog/index.js';
import type { ScriptedCall } from '../model/scripted-model.js';
import type { FeedbackEvent } from '../profile/profile-store.js';
import type { CatalogNames } from './item-references.js';

/** Everything a turn's expectations are checked against. */
export interface TurnObservation {
  said: string;
  /** The agent's turn; absent for /like, /dislike, /seen and for a turn that failed. */
  result?: TurnResult;
  error?: unknown;
  /** The list shown before the turn (what `{ shown: N }` and "the first one" point at). */
  shownBefore: CatalogItem[];
  /** Every item shown in the session before the turn. */
  shownEarlier: ReadonlySet<string>;
  /** Feedback recorded during the turn. */
  feedback: FeedbackEvent[];
  /** The user's profile summary after the turn. */
  summary?: string;
  /** The model requests of the turn (scripted mode). */
  calls: ScriptedCall[];
  names: CatalogNames;
  catalogItem(id: string): CatalogItem | undefined;
}
