import type { Catalog, CatalogItem } from '../catalog/index.js';
import { profileState } from './profile-state.js';
import type { FeedbackEvent, ProfileSummary } from './profile-store.js';

/** How many titles each list of the summary names before "and N more". */
const titleLimit = 10;
/** How many genres and people the summary names. */
const attributeLimit = 3;

function titleOf(item: CatalogItem): string {
  return item.year === undefined ? item.title : `${item.title} (${item.year})`;
}

function titleList(label: string, items: readonly CatalogItem[]): string | undefined {
  if (items.length === 0) return undefined;
  const named = items.slice(0, titleLimit).map(titleOf).join(', ');
  const more = items.length > titleLimit ? `, and ${items.length - titleLimit} more` : '';
  return `${label}: ${named}${more}.`;
}

/**
 * The values most frequent over `items` (counted once per item), ties in order of first appearance;
 * with several items only values shared by at least two of them count.
 */
function frequent(items: readonly CatalogItem[], values: (item: CatalogItem) => string[]): string[] {
  const counts = new Map<string, { value: string; count: number }>();
  for (const item of items) {
    for (const value of new Set(values(item))) {
      const entry = counts.get(value) ?? { value, count: 0 };
      entry.count += 1;
      counts.set(value, entry);
    }
  }
  const minimum = items.length > 1 ? 2 : 1;
  return [...counts.values()]
    .filter((entry) => entry.count >= minimum)
    .sort((left, right) => right.count - left.count)
    .slice(0, attributeLimit)
    .map((entry) => entry.value);
}

function lookUp(ids: readonly string[], catalog: Catalog): CatalogItem[] {
  return ids.flatMap((id) => {
    const item = catalog.byId.get(id);
    return item ? [item] : [];
  });
}

/**
 * An extractive summary of a user's feedback, written without a model: liked, disliked and seen
 * titles, then the genres and people their liked items share. Only catalog attributes are used,
 * items missing from the catalog are skipped, and the same input always gives the same text.
 */
export function offlineProfileSummary(
  events: readonly FeedbackEvent[],
  catalog: Catalog,
  now: string,
): ProfileSummary {
  const state = profileState(events);
  const liked = lookUp(state.liked, catalog);
  const genres = frequent(liked, (item) => item.genres.map((genre) => genre.trim().toLowerCase()));
  const people = frequent(liked, (item) => item.people.map((person) => person.trim()));
  const sentences = [
    titleList('Likes', liked),
    titleList('Dislikes', lookUp(state.disliked, catalog)),
    titleList('Seen', lookUp(state.seen, catalog)),
    genres.length > 0 ? `Leans towards: ${genres.join(', ')}.` : undefined,
    people.length > 0 ? `People: ${people.join(', ')}.` : undefined,
  ].filter((sentence) => sentence !== undefined);
  return {
    text: sentences.length > 0 ? sentences.join(' ') : 'No feedback yet.',
    writtenBy: 'offline',
    updatedAt: now,
    feedbackCount: events.length,
  };
}
