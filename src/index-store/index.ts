export {
  buildIndex,
  saveIndex,
  hashLog,
  type BuildIndexOptions,
  type BuildProgress,
  type BuiltIndex,
} from './build-index.js';
export {
  openIndex,
  openOrBuildIndex,
  readManifest,
  type OpenIndexOptions,
  type OpenOrBuildOptions,
} from './open-index.js';
export {
  HnswIndex,
  defaultHnswParameters,
  hnswParametersFor,
  type HnswParameters,
  type VectorHit,
} from './hnsw-index.js';
export { manifestSchema, type IndexFileChecksum, type IndexManifest } from './manifest.js';
export type { RetrievalComponents } from './retrieval-components.js';
