import type { DialogueState } from '../dialogue/state/dialogue-state.js';
import type { DialogueMessage } from '../dialogue/dialogue-message.js';

export type FeedbackKind = 'liked' | 'disliked' | 'seen';

/** One thing a user told us about an item, and when. */
export interface FeedbackEvent {
  userId: string;
  itemId: string;
  kind: FeedbackKind;
  sessionId: string;
  /** Turn number within the session (1-based). */
  turn: number;
  /** ISO time. */
  at: string;
  /** The user's words the feedback came from, when there were any. */
  text?: string;
}

/** A task-aware summary of a user's tastes, written by the LLM or, offline, extracted. */
export interface ProfileSummary {
  text: string;
  /** 'offline' for the extractive summary, else the model id that wrote it. */
  writtenBy: string;
  updatedAt: string;
  /** How many feedback events the summary covers. */
  feedbackCount: number;
}

/** A shown recommendation, kept so "the second one" and "why the first?" resolve later. */
export interface ShownItem {
  itemId: string;
  reason: string;
}

/** A saved conversation: enough to resume it by id. */
export interface SessionRecord {
  id: string;
  userId: string;
  messages: DialogueMessage[];
  /** Items shown in the latest turn that showed any, in order. */
  lastShown: ShownItem[];
  /** Every item shown in this session (so /more and "something else" skip them). */
  shownIds: string[];
  turns: number;
  /**
   * What the conversation has established (the request in force, this session's verdicts); absent in
   * a session saved before states were kept, whose state is then read from its messages.
   */
  state?: DialogueState;
  updatedAt: string;
}

/** Where users' feedback, profile summaries and sessions live. One user's data never mixes with another's. */
export interface ProfileStore {
  addFeedback(events: FeedbackEvent[]): Promise<void>;
  /** A user's feedback, oldest first; the latest event per item wins when read as a state. */
  feedback(userId: string): Promise<FeedbackEvent[]>;
  summary(userId: string): Promise<ProfileSummary | undefined>;
  saveSummary(userId: string, summary: ProfileSummary): Promise<void>;
  saveSession(session: SessionRecord): Promise<void>;
  loadSession(id: string): Promise<SessionRecord | undefined>;
  /** Deletes a user's feedback, summary and sessions. */
  forget(userId: string): Promise<void>;
  close(): Promise<void>;
}
