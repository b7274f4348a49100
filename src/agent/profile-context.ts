import type { Catalog } from '../catalog/index.js';
import { promptText } from '../untrusted/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { FeedbackEvent, ProfileSummary } from '../profile/profile-store.js';
import { profileState } from '../profile/profile-state.js';
import { relevantFeedback } from '../profile/relevant-feedback.js';
import type { ProfileSignals } from '../understanding/request-from-state.js';

export interface ProfileContext {
  signals: ProfileSignals;
  /** The stored summary plus the past feedback most relevant to this request, for prompts. */
  text: string;
}

/**
 * "Summaries offline, retrieval at runtime": the stored profile summary, plus the few past feedback
 * events that bear on the current request.
 */
export function profileContext(
  events: FeedbackEvent[],
  summary: ProfileSummary | undefined,
  catalog: Catalog,
  requestText: string,
): ProfileContext {
  const state = profileState(events);
  const relevant = relevantFeedback(events, catalog, requestText, 5);
  const lines: string[] = [];
  // A summary may be model-written: it goes back into prompts as one fenced, capped line of data.
  if (summary) lines.push(promptText(summary.text, 1200));
  if (relevant.length > 0) {
    lines.push(
      `Relevant past feedback: ${relevant.map((entry) => `${entry.event.kind} ${titleWithYear(entry.item)}`).join('; ')}.`,
    );
  }
  const likedIds = state.liked.filter((id) => catalog.byId.has(id));
  return {
    signals: {
      likedIds,
      dislikedIds: state.disliked.filter((id) => catalog.byId.has(id)),
      seenIds: state.seen.filter((id) => catalog.byId.has(id)),
    },
    text: lines.join('\n'),
  };
}
