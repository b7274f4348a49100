import type { Retriever } from '../retrieval/index.js';
import { buildRetrievalRequest, type DialogueReading } from './build-retrieval-request.js';
import type { DialogueMessage } from './dialogue-message.js';

/** The parts of a retriever the reading uses: its titles and what its catalog knows. */
export type DialogueReadingSource = Pick<Retriever, 'components' | 'genres' | 'peopleIn' | 'latestYear'>;

/**
 * The offline reading of a dialogue (titles with sentiment, genres, people, years) as a retrieval
 * request for the retriever's catalog; no LLM.
 */
export function readDialogue(
  retriever: DialogueReadingSource,
  messages: DialogueMessage[],
  options: { topicShift?: boolean } = {},
): DialogueReading {
  const latestYear = retriever.latestYear();
  return buildRetrievalRequest(messages, retriever.components.titles, {
    genres: retriever.genres(),
    findPeople: (text) => retriever.peopleIn(text),
    ...(latestYear ? { latestYear } : {}),
    ...(options.topicShift === undefined ? {} : { topicShift: options.topicShift }),
  });
}
