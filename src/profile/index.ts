export type {
  FeedbackEvent,
  FeedbackKind,
  ProfileStore,
  ProfileSummary,
  SessionRecord,
  ShownItem,
} from './profile-store.js';
export { MemoryProfileStore } from './memory-profile-store.js';
export { SqliteProfileStore, type SqliteProfileStoreOptions } from './sqlite-profile-store.js';
export { PostgresProfileStore, type PostgresProfileStoreOptions } from './postgres-profile-store.js';
export { openProfileStore, type OpenProfileStoreOptions } from './open-profile-store.js';
export { isPostgresUrl, maskProfileLocation } from './profile-location.js';
export { profileState, type ProfileState } from './profile-state.js';
export { offlineProfileSummary } from './offline-summary.js';
export { relevantFeedback, type RelevantFeedback } from './relevant-feedback.js';
