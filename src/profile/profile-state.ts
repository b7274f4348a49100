import type { FeedbackEvent, FeedbackKind } from './profile-store.js';

/** Where a user stands on each item they gave feedback on. */
export interface ProfileState {
  /** Item ids whose latest event is of that kind, most recent first. */
  liked: string[];
  disliked: string[];
  seen: string[];
  /** The latest kind per item id. */
  kinds: ReadonlyMap<string, FeedbackKind>;
}

/**
 * Reads feedback (oldest first, as `ProfileStore.feedback` returns it) as the current state per item:
 * the latest event for an item wins, so "liked" then "disliked" leaves the item disliked.
 */
export function profileState(events: readonly FeedbackEvent[]): ProfileState {
  const ids: Record<FeedbackKind, string[]> = { liked: [], disliked: [], seen: [] };
  const kinds = new Map<string, FeedbackKind>();
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (!event || kinds.has(event.itemId)) continue;
    kinds.set(event.itemId, event.kind);
    ids[event.kind].push(event.itemId);
  }
  return { ...ids, kinds };
}
