import type { Catalog } from '../catalog/index.js';
import type { CooccurrenceData } from '../collaborative/cooccurrence.js';
import type { EmbeddingModel } from '../embeddings/embedding-model.js';
import type { LexicalIndex } from '../lexical/lexical-index.js';
import type { TitleResolver } from '../titles/index.js';
import type { HnswIndex } from './hnsw-index.js';

/** Everything retrieval needs, loaded from an index directory or built in memory. */
export interface RetrievalComponents {
  catalog: Catalog;
  embedder: EmbeddingModel;
  vectors: HnswIndex;
  lexical: LexicalIndex;
  titles: TitleResolver;
  cooccurrence?: CooccurrenceData;
}
