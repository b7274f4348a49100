import { basename } from 'node:path';
import type { HeaderEntry } from './chat-state.js';

/** The start-up header: which catalog, how many items, which mode, whose profile. */
export function chatHeader(input: {
  catalogPath: string;
  itemCount: number;
  mode: string;
  userId: string;
}): Omit<HeaderEntry, 'kind' | 'id'> {
  return {
    title: `convrec · ${input.itemCount} items from ${basename(input.catalogPath)}`,
    details: [
      { label: 'catalog', value: input.catalogPath },
      { label: 'mode', value: input.mode },
      { label: 'user', value: input.userId },
    ],
  };
}
