import type { Catalog, CatalogItem } from '../../catalog/index.js';
import type { DialogueState } from './dialogue-state.js';

/** What the reader is told about the conversation before a message (see `ReaderContext`). */
export interface StateSummary {
  lastShown: CatalogItem[];
  /** The position in `lastShown` of the item the last question was about ("why the first?"). */
  askedPosition?: number;
  hasRequest: boolean;
  answered: boolean;
  request?: {
    genres: string[];
    audiences: string[];
    /** What the request in force rules out: only that can be taken back ("Jim Carrey's fine"). */
    excludedGenres?: string[];
    excludedPeople?: string[];
  };
}

/** The reader's view of a dialogue state: is a request in force, was it answered, what is it about. */
export function readerContext(
  state: DialogueState,
  lastShown: CatalogItem[],
  catalog: Pick<Catalog, 'byId'>,
): StateSummary {
  const request = state.request;
  const at = state.asked === null ? -1 : lastShown.findIndex((item) => item.id === state.asked);
  const asked = at >= 0 ? { askedPosition: at + 1 } : {};
  if (!request) return { lastShown, ...asked, hasRequest: false, answered: false };
  const genres = new Set([...request.preferences.genres, ...request.constraints.genres]);
  for (const id of request.anchors.slice(0, 3))
    for (const genre of catalog.byId.get(id)?.genres ?? []) genres.add(genre);
  return {
    lastShown,
    ...asked,
    hasRequest: true,
    answered: request.answered,
    request: {
      genres: [...genres],
      audiences: request.audiences,
      excludedGenres: request.constraints.excludeGenres,
      excludedPeople: request.constraints.excludePeople,
    },
  };
}
