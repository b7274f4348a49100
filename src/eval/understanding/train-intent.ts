import { createHash } from 'node:crypto';
import {
  readerContext,
  replayTranscript,
  type TranscriptMessage,
  type YearAnchors,
} from '../../dialogue/state/index.js';
import type { TitleResolver } from '../../titles/index.js';
import {
  intentFeatures,
  trainIntentModel,
  type IntentClass,
  type IntentExample,
  type StoredIntentModel,
} from '../../understanding/offline/intent-classifier.js';
import type { OfflineReader } from '../../understanding/offline/offline-reader.js';
import type { BenchmarkLine } from './benchmark-file.js';

/** A stable hash of the labelled lines a model is trained on. */
export function corpusHash(lines: BenchmarkLine[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line.id}\u0000${line.text}\u0000${line.expect.intent}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The intent model trained on labelled utterances: every context is replayed with the rule-based
 * reader, the utterance read, and its features paired with the labelled intent.
 */
export function trainIntentFromBenchmark(
  lines: BenchmarkLine[],
  reader: OfflineReader,
  titles: TitleResolver,
  years: YearAnchors,
): StoredIntentModel {
  const examples: IntentExample[] = lines.map((line) => {
    const context: TranscriptMessage[] = line.context.map((message) => {
      const shown = message.shown?.flatMap((title) => {
        const [best] = titles.resolve(title, 1);
        return best && best.confidence >= 0.8 ? [best.item] : [];
      });
      return { role: message.role, text: message.text, ...(shown ? { shown } : {}) };
    });
    const { state, lastShown } = replayTranscript(context, reader, titles, years);
    const intentContext = readerContext(state, lastShown, reader.vocabulary.catalog);
    const reading = reader.read(line.text, intentContext);
    const label: IntentClass = line.expect.intent === 'clarify' ? 'recommend' : line.expect.intent;
    return { features: intentFeatures(reading, intentContext), label };
  });
  return trainIntentModel(examples, { corpusHash: corpusHash(lines) });
}
