import type { Catalog } from '../../catalog/index.js';
import type { Lexicon } from '../../lexicon/index.js';
import type { LexicalIndex } from '../../lexical/lexical-index.js';
import type { TitleResolver } from '../../titles/index.js';
import { CatalogVocabulary } from './catalog-vocabulary.js';
import type { IntentModel } from './intent.js';
import { IntentClassifier } from './intent-classifier.js';
import shippedIntentModel from './intent-model.json' with { type: 'json' };
import { OfflineReader } from './offline-reader.js';

export { CatalogVocabulary, type VocabularyOptions } from './catalog-vocabulary.js';
export { decideIntent, type IntentDecision, type IntentModel } from './intent.js';
export {
  IntentClassifier,
  intentFeatures,
  trainIntentModel,
  type StoredIntentModel,
} from './intent-classifier.js';
export { OfflineReader, type ReaderContext } from './offline-reader.js';
export type { MessageReading } from './read-message.js';

let shipped: IntentClassifier | undefined;

/** The intent classifier that ships with the package (trained on the benchmark's train split). */
export function defaultIntentModel(): IntentClassifier {
  shipped ??= IntentClassifier.load(shippedIntentModel, 'src/understanding/offline/intent-model.json');
  return shipped;
}

/** What a reader is built from: the retrieval components of a catalog. */
export interface ReaderSource {
  catalog: Catalog;
  titles: TitleResolver;
  lexical: LexicalIndex;
}

/** The offline reader for a catalog's retrieval components (with the catalog's lexicon, if its mapping gives one). */
export function createOfflineReader(
  source: ReaderSource,
  options: { lexicon?: Lexicon; currentYear?: number; intentModel?: IntentModel | 'rules' } = {},
): OfflineReader {
  const vocabulary = new CatalogVocabulary({
    catalog: source.catalog,
    titles: source.titles,
    documentFrequency: (word) => source.lexical.documentFrequency(word),
    // The option, else the catalog's own (its mapping's), else the movie defaults.
    ...(options.lexicon || source.catalog.lexicon
      ? { lexicon: options.lexicon ?? source.catalog.lexicon! }
      : {}),
  });
  return new OfflineReader(vocabulary, {
    ...(options.currentYear === undefined ? {} : { currentYear: options.currentYear }),
    ...(options.intentModel === 'rules' ? {} : { intentModel: options.intentModel ?? defaultIntentModel() }),
  });
}
