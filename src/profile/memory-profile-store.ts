import { ConvrecError } from '../errors/index.js';
import type { FeedbackEvent, ProfileStore, ProfileSummary, SessionRecord } from './profile-store.js';
import { byTime, checkFeedback, checkSession, checkSessionOwner, checkSummary } from './profile-schemas.js';

/** A ProfileStore held in memory, for tests and programs that keep no file. Everything it returns is a copy. */
export class MemoryProfileStore implements ProfileStore {
  readonly #feedback = new Map<string, FeedbackEvent[]>();
  readonly #summaries = new Map<string, ProfileSummary>();
  readonly #sessions = new Map<string, SessionRecord>();
  #closed = false;

  async addFeedback(events: FeedbackEvent[]): Promise<void> {
    this.#checkOpen();
    const checked = checkFeedback(events);
    for (const event of checked) {
      const list = this.#feedback.get(event.userId) ?? [];
      list.push(event);
      this.#feedback.set(event.userId, list);
    }
  }

  async feedback(userId: string): Promise<FeedbackEvent[]> {
    this.#checkOpen();
    return structuredClone(this.#feedback.get(userId) ?? []).sort(byTime);
  }

  async summary(userId: string): Promise<ProfileSummary | undefined> {
    this.#checkOpen();
    const summary = this.#summaries.get(userId);
    return summary && structuredClone(summary);
  }

  async saveSummary(userId: string, summary: ProfileSummary): Promise<void> {
    this.#checkOpen();
    this.#summaries.set(userId, checkSummary(summary));
  }

  async saveSession(session: SessionRecord): Promise<void> {
    this.#checkOpen();
    const checked = checkSession(session);
    checkSessionOwner(checked, this.#sessions.get(checked.id)?.userId);
    this.#sessions.set(checked.id, checked);
  }

  async loadSession(id: string): Promise<SessionRecord | undefined> {
    this.#checkOpen();
    const session = this.#sessions.get(id);
    return session && structuredClone(session);
  }

  async forget(userId: string): Promise<void> {
    this.#checkOpen();
    this.#feedback.delete(userId);
    this.#summaries.delete(userId);
    for (const [id, session] of this.#sessions) if (session.userId === userId) this.#sessions.delete(id);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #checkOpen(): void {
    if (this.#closed) throw new ConvrecError('PROFILE_STORE_FAILED', 'the in-memory profile store is closed');
  }
}
