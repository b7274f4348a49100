import type { CatalogItem } from '../../catalog/index.js';
import type { TitleResolver } from '../../titles/index.js';
import type { OfflineReader } from '../../understanding/offline/offline-reader.js';
import type { MessageReading } from '../../understanding/offline/read-message.js';
import type { DialogueMessage } from '../dialogue-message.js';
import { applyTurn, recordShown, type YearAnchors } from './apply-turn.js';
import { initialState, type DialogueState } from './dialogue-state.js';
import { readerContext } from './reader-context.js';
import { resolveTitles, turnUpdate } from './resolve-turn.js';

/** A message of a transcript; an assistant message may say which items it showed. */
export interface TranscriptMessage extends DialogueMessage {
  shown?: CatalogItem[];
}

export interface ReplayResult {
  state: DialogueState;
  /** The list the last assistant message showed (or named). */
  lastShown: CatalogItem[];
}

/**
 * The dialogue state of a conversation given as a transcript (an evaluation turn, history passed to
 * the API, a session saved before states were kept): every user message is read offline and folded
 * in, and every assistant message counts as showing the items it lists (or the titles it names).
 */
export function replayTranscript(
  messages: readonly TranscriptMessage[],
  reader: OfflineReader,
  titles: TitleResolver,
  years: YearAnchors,
  onRead?: (reading: MessageReading, index: number) => void,
): ReplayResult {
  let state = initialState();
  let lastShown: CatalogItem[] = [];
  messages.forEach((message, messageIndex) => {
    if (message.role === 'assistant') {
      const shown =
        message.shown ??
        reader.vocabulary.titleFinder
          .find(reader.vocabulary.analyzer.analyze(message.text))
          .flatMap((found) => (found.series ? [] : found.items));
      if (shown.length > 0) {
        lastShown = shown;
        state = recordShown(
          state,
          shown.map((item) => item.id),
          { at: messageIndex },
        );
      }
      return;
    }
    const reading = reader.read(message.text, readerContext(state, lastShown, reader.vocabulary.catalog));
    onRead?.(reading, messageIndex);
    const resolved = resolveTitles(reading.understanding, titles, { loose: false });
    state = applyTurn(
      state,
      turnUpdate(reading.understanding, resolved, {
        messageIndex,
        lastShown,
        text: reading.query,
        qualityWords: reading.qualityWords,
        statement: reading.statement,
        askedPeople: reading.askedPeople,
        avoidTopics: reading.avoidTopics,
      }),
      years,
    );
  });
  return { state, lastShown };
}
