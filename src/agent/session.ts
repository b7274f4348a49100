import { randomUUID } from 'node:crypto';
import { ConvrecError } from '../errors/index.js';
import { checkMessageLength, startTurnLimits } from '../limits/index.js';
import type { FeedbackKind, ProfileSummary, SessionRecord } from '../profile/profile-store.js';
import type { AgentDependencies } from './agent-dependencies.js';
import type { Degradation } from './turn-events.js';
import { runTurn } from './run-turn.js';
import { updateProfileSummary } from './update-summary.js';
import { TurnStream } from './turn-stream.js';

/** What `session.end()` left behind. */
export interface SessionEnd {
  /** The user's stored profile summary; absent when there is no feedback yet. */
  summary?: ProfileSummary;
  /** The LLM summary failed (the offline one was written instead), or is empty. */
  degraded: Degradation[];
}

export interface SendOptions {
  signal?: AbortSignal;
  /** The next results for the same request, excluding everything shown so far. */
  more?: boolean;
}

/**
 * One conversation of one user. Turns run one after another; the session is saved after every turn
 * and can be resumed later by id.
 */
export class Session {
  private record: SessionRecord | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Full candidate ranking of the latest recommendation turn (for evaluation). */
  lastRanking: string[] = [];

  constructor(
    private readonly dependencies: AgentDependencies,
    readonly userId: string,
    readonly id: string = randomUUID(),
  ) {}

  private async load(): Promise<SessionRecord> {
    if (this.record) return this.record;
    const stored = await this.dependencies.profileStore.loadSession(this.id);
    if (stored && stored.userId !== this.userId) {
      throw new ConvrecError(
        'SESSION_NOT_FOUND',
        `session ${this.id} does not belong to user ${this.userId}`,
      );
    }
    this.record = stored ?? {
      id: this.id,
      userId: this.userId,
      messages: [],
      lastShown: [],
      shownIds: [],
      turns: 0,
      updatedAt: this.dependencies.now(),
    };
    return this.record;
  }

  /** The saved state of the conversation (messages, last shown items, turns). */
  async state(): Promise<SessionRecord> {
    return structuredClone(await this.load());
  }

  /**
   * Sends the user's message; iterate the returned stream for events or await its `result()`. A
   * message over `limits.maxMessageChars` fails with INPUT_TOO_LONG before any work: nothing is
   * read, run or saved. A turn past `limits.turnDeadlineMs` stops its model calls and answers
   * offline, with `degraded` events.
   */
  send(text: string, options: SendOptions = {}): TurnStream {
    try {
      checkMessageLength(text, this.dependencies.limits);
    } catch (error) {
      return new TurnStream(() => Promise.reject(error));
    }
    const previous = this.queue;
    const stream = new TurnStream(async (emit) => {
      await previous.catch(() => undefined);
      const session = await this.load();
      const limits = startTurnLimits(this.dependencies.limits, this.dependencies.model);
      const embeddingLimits = { retryBudget: limits.retryBudget, turnDeadline: limits.turnDeadline };
      const outcome = await runTurn(
        { ...this.dependencies, ...(limits.model ? { model: limits.model } : {}), embeddingLimits },
        { session, text, ...(options.more ? { more: true } : {}) },
        emit,
        options.signal,
      ).finally(limits.finish);
      this.record = outcome.session;
      this.lastRanking = outcome.ranking;
      await this.dependencies.profileStore.saveSession(outcome.session);
      if (outcome.result.toolCalls.some((call) => call.name === 'record_feedback')) {
        await updateProfileSummary(this.dependencies, this.userId, { useModel: false });
      }
      return outcome.result;
    });
    this.queue = stream.result();
    return stream;
  }

  /** "/more": the next results for the latest request. */
  more(options: Omit<SendOptions, 'more'> = {}): TurnStream {
    return this.send('more like these, please', { ...options, more: true });
  }

  /** Records the user's verdict on the item at `position` (1-based) of the last shown list. */
  async feedback(position: number, kind: FeedbackKind): Promise<string> {
    const session = await this.load();
    const shown = session.lastShown[position - 1];
    if (!shown) {
      throw new ConvrecError(
        'TOOL_INPUT_INVALID',
        session.lastShown.length === 0
          ? 'nothing has been recommended yet'
          : `choose a number from 1 to ${session.lastShown.length}`,
      );
    }
    await this.dependencies.profileStore.addFeedback([
      {
        userId: this.userId,
        itemId: shown.itemId,
        kind,
        sessionId: this.id,
        turn: session.turns,
        at: this.dependencies.now(),
      },
    ]);
    await updateProfileSummary(this.dependencies, this.userId, { useModel: false });
    return shown.itemId;
  }

  /**
   * Ends the session: the profile summary is rewritten (by the LLM when there is one; offline, and
   * said in `degraded`, when that call fails).
   */
  async end(signal?: AbortSignal): Promise<SessionEnd> {
    await this.queue.catch(() => undefined);
    // The summary call runs under the same bounds as a turn.
    const limits = startTurnLimits(this.dependencies.limits, this.dependencies.model);
    const update = await updateProfileSummary(
      { ...this.dependencies, ...(limits.model ? { model: limits.model } : {}) },
      this.userId,
      { useModel: true, ...(signal ? { signal } : {}) },
    ).finally(limits.finish);
    return {
      ...(update.summary ? { summary: update.summary } : {}),
      degraded: update.degraded ? [update.degraded] : [],
    };
  }
}
