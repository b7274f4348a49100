import type { CatalogItem } from '../catalog/index.js';
import type { DialogueReading } from '../dialogue/build-retrieval-request.js';
import type { DialogueMessage } from '../dialogue/dialogue-message.js';
import { sentenceAt, sentimentOf } from '../dialogue/sentiment.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import type { Retriever } from '../retrieval/retriever.js';
import { cleanQuery } from './clean-query.js';
import {
  hardConstraints,
  mergeConstraints,
  relaxConstraints,
  relaxesYears,
  type Constraints,
} from './hard-constraints.js';
import { offlineIntent } from './offline-intent.js';
import { shownFeedbackIn, shownReferences } from './shown-references.js';
import { emptyUnderstanding, type Understanding } from './understanding-schema.js';
import { unresolvedTitles } from './unresolved-titles.js';

export interface UnderstandInput {
  /** The conversation so far, ending with the user's new message. */
  messages: DialogueMessage[];
  /** Items shown in the last turn that showed any, in order. */
  lastShown: CatalogItem[];
  /** Constraints in force from earlier turns; a refinement keeps them, a new request drops them. */
  activeConstraints?: Constraints;
  /**
   * Let a new request that names its own genre, person or years drop earlier likes (default true:
   * in chat "now something for the kids" means it; on ReDial valid it costs R@50 .372 → .366).
   */
  topicShift?: boolean;
}

export interface OfflineUnderstanding {
  understanding: Understanding;
  /** The deterministic reading the retrieval request starts from (tuned on ReDial). */
  reading: DialogueReading;
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)];
}

/** "Something older" / "newer" relative to what was just shown. */
function relativeYears(text: string, shown: CatalogItem[]): Partial<Constraints> {
  const middle = median(shown.flatMap((item) => (item.year === undefined ? [] : [item.year])));
  if (middle === undefined) return {};
  if (/\b(older|earlier|less recent)\b/i.test(text)) return { yearTo: middle - 1 };
  if (/\b(newer|more recent|later|modern)\b/i.test(text)) return { yearFrom: middle + 1 };
  return {};
}

/**
 * Understanding without an LLM: titles with sentiment, the user's words as queries, genres, people
 * and years, explicit hard constraints, references to shown items ("the second one") and an intent
 * by rules. Deterministic.
 */
export function understandOffline(input: UnderstandInput, retriever: Retriever): OfflineUnderstanding {
  const { messages, lastShown } = input;
  const reading = retriever.readDialogue(messages, { topicShift: input.topicShift ?? true });
  const lastUserIndex = messages.map((message) => message.role).lastIndexOf('user');
  const latest = messages[lastUserIndex]?.text ?? '';
  const vocabulary = { genres: retriever.genres(), findPeople: (text: string) => retriever.peopleIn(text) };
  const titleMentions = retriever.components.titles.findMentions(latest);
  const references = shownReferences(latest, lastShown.length);
  const shownFeedback = shownFeedbackIn(latest, lastShown.length);
  const latestRequest = reading.request;
  const understanding = emptyUnderstanding();
  understanding.intent = offlineIntent({
    text: latest,
    shownCount: lastShown.length,
    referencedPosition: references[0]?.position ?? null,
    mentionsTitle: titleMentions.length > 0,
    hasHints: latestRequest.preferredGenres.length > 0 || latestRequest.preferredPeople.length > 0,
    hasFeedback: shownFeedback.length > 0,
  });
  understanding.queries = [...new Set(latestRequest.queries.map(cleanQuery))].filter(
    (query) => query.length > 2,
  );
  understanding.referencedPosition = references[0]?.position ?? null;
  understanding.shownFeedback = shownFeedback;
  understanding.preferences = {
    genres: latestRequest.preferredGenres,
    people: latestRequest.preferredPeople,
  };
  for (const mention of titleMentions) {
    const sentiment = sentimentOf(sentenceAt(latest, mention.start));
    understanding.mentionedTitles.push({
      // With the year, so the title resolves back to this very item (remakes share titles).
      title: titleWithYear(mention.item),
      sentiment: sentiment === 'unseen' ? 'neutral' : sentiment,
    });
  }
  const isPerson = (phrase: string) => retriever.peopleIn(phrase).length > 0;
  for (const title of unresolvedTitles(latest, titleMentions, isPerson)) {
    understanding.mentionedTitles.push({ title, sentiment: 'neutral' });
  }

  // Constraints hold while the user refines; a new request starts from its own.
  let constraints = { ...hardConstraints(latest, vocabulary), ...relativeYears(latest, lastShown) };
  if (
    input.activeConstraints &&
    (understanding.intent === 'refine' || understanding.intent === 'ask-about-item')
  ) {
    constraints = mergeConstraints(relaxConstraints(input.activeConstraints, latest), constraints);
  }
  understanding.constraints = constraints;
  // "Any year is fine" also drops the years the earlier messages leaned towards.
  if (relaxesYears(latest)) delete reading.request.preferredYears;
  return { understanding, reading };
}
