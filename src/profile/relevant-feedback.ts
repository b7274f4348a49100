import type { Catalog, CatalogItem } from '../catalog/index.js';
import { tokenize } from '../text/tokenize.js';
import type { FeedbackEvent } from './profile-store.js';

/** A past feedback event that bears on the current request. */
export interface RelevantFeedback {
  event: FeedbackEvent;
  item: CatalogItem;
  /** How many distinct request words the item's title, genres and people share. */
  score: number;
}

function itemWords(item: CatalogItem): Set<string> {
  return new Set(tokenize([item.title, ...item.genres, ...item.people].join(' ')));
}

/**
 * The past feedback most relevant to a request, for retrieval at runtime next to the offline summary:
 * the latest event per item, scored by how many of the request's words its title, genres and people
 * share, ties broken by recency. Events with no overlap and items missing from the catalog are left out.
 */
export function relevantFeedback(
  events: readonly FeedbackEvent[],
  catalog: Catalog,
  requestText: string,
  limit: number,
): RelevantFeedback[] {
  const requestWords = new Set(tokenize(requestText));
  if (limit <= 0 || requestWords.size === 0) return [];
  const found: RelevantFeedback[] = [];
  const decided = new Set<string>();
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (!event || decided.has(event.itemId)) continue;
    decided.add(event.itemId);
    const item = catalog.byId.get(event.itemId);
    if (!item) continue;
    let score = 0;
    for (const word of itemWords(item)) if (requestWords.has(word)) score += 1;
    if (score > 0) found.push({ event, item, score });
  }
  // `found` is most recent first and the sort is stable, so equal scores stay in recency order.
  return found.sort((left, right) => right.score - left.score).slice(0, limit);
}
