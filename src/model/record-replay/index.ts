/** Record/replay of model calls: a LanguageModel decorator over a folder of responses keyed by request hash. */
export {
  RecordReplayModel,
  type RecordReplayOptions,
  type RecordReplayStats,
} from './record-replay-model.js';
export { ModelCache, maxCacheFileBytes } from './model-cache.js';
export { cacheEntrySchema, type CacheEntry } from './cache-entry.js';
export { canonicalRequest, requestKey } from './request-key.js';
export { ModelCacheMissError } from './model-cache-miss-error.js';
export { ModelCacheInvalidError } from './model-cache-invalid-error.js';
