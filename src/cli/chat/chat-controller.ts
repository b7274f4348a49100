import type { Recommender, Session, TurnStream } from '../../agent/index.js';
import { isConvrecError } from '../../errors/index.js';
import type { FeedbackKind } from '../../profile/profile-store.js';
import { titleWithYear } from '../../catalog/title-with-year.js';
import { parseCommand, type ChatCommand } from './chat-commands.js';
import type { ChatAction } from './chat-state.js';
import { helpText } from './chat-text.js';

export interface ChatControllerOptions {
  recommender: Recommender;
  userId: string;
  dispatch: (action: ChatAction) => void;
  /** Called once, after the session has ended on /quit or Ctrl-C. */
  onExit: () => void;
  /** Error lines carry the stack trace. */
  debug?: boolean;
  /** An offline recommender over the same retriever and profile store, for /offline. */
  goOffline?: () => Promise<Recommender>;
}

/** Resolves when the signal aborts (never rejects). */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * The user's line as the chat shows it: a line over the message limit (refused with one error line)
 * is shown by its start and its length, not pasted back whole.
 */
function echoed(text: string, maxMessageChars: number): string {
  if (text.length <= maxMessageChars) return text;
  const start = Array.from(text.slice(0, 81)).slice(0, 80).join('');
  return `${start}… (${text.length.toLocaleString('en-US')} characters)`;
}

const feedbackVerbs: Record<FeedbackKind, string> = { liked: 'liked', disliked: 'disliked', seen: 'seen' };

/**
 * What the chat does with a line or a Ctrl-C, independent of how it is drawn: runs turns and
 * commands against the session and reports everything as ChatActions.
 */
export class ChatController {
  private recommender: Recommender;
  private session: Session;
  private running: AbortController | undefined;
  private busy = false;
  private confirming = false;
  private phase: 'open' | 'quitting' | 'closed' = 'open';
  private readonly ending = new AbortController();

  constructor(private readonly options: ChatControllerOptions) {
    this.recommender = options.recommender;
    this.session = this.recommender.session({ userId: options.userId });
  }

  /** True once the chat has quit. */
  get closed(): boolean {
    return this.phase === 'closed';
  }

  private dispatch(action: ChatAction): void {
    this.options.dispatch(action);
  }

  private say(text: string, tone: 'info' | 'warning' | 'error' = 'info'): void {
    this.dispatch({ type: 'command-output', text, tone });
  }

  /** One line for an error: message and code; the stack only with --debug. */
  errorLine(error: unknown): string {
    const line = isConvrecError(error)
      ? `! ${error.message} [${error.code}]`
      : `! ${error instanceof Error ? error.message : String(error)}`;
    return this.options.debug && error instanceof Error && error.stack ? `${line}\n${error.stack}` : line;
  }

  /** Handles one submitted line; ignored while a turn or command is still running. */
  async submit(line: string): Promise<void> {
    if (this.phase !== 'open' || this.busy) return;
    const text = line.trim();
    const command: ChatCommand = this.confirming ? { kind: 'empty' } : parseCommand(text);
    if (!this.confirming && command.kind === 'empty') return;
    this.busy = true;
    this.dispatch({ type: 'input-submitted', text: echoed(text, this.recommender.limits.maxMessageChars) });
    try {
      if (this.confirming) await this.answerForget(text);
      else await this.run(command);
    } catch (error) {
      this.say(this.errorLine(error), 'error');
    } finally {
      this.busy = false;
      if (this.phase === 'open' && !this.running) this.dispatch({ type: 'command-finished' });
    }
    if (this.phase === 'open' && command.kind === 'quit') await this.quit();
  }

  private async run(command: ChatCommand): Promise<void> {
    const userId = this.options.userId;
    switch (command.kind) {
      case 'message':
        return this.turn((signal) => this.session.send(command.text, { signal }));
      case 'more': {
        const state = await this.session.state();
        if (state.shownIds.length === 0)
          return this.say('Nothing to show more of yet: ask for something first.', 'error');
        return this.turn((signal) => this.session.more({ signal }));
      }
      case 'why': {
        const shown = (await this.session.state()).lastShown.length;
        if (shown === 0)
          return this.say('Nothing has been recommended yet: ask for something first.', 'error');
        if (command.position > shown) return this.say(`Choose a number from 1 to ${shown}.`, 'error');
        return this.turn((signal) =>
          this.session.send(`tell me about number ${command.position}`, { signal }),
        );
      }
      case 'feedback': {
        this.dispatch({ type: 'command-started' });
        const id = await this.session.feedback(command.position, command.feedback);
        const item = this.recommender.retriever.catalog.byId.get(id);
        return this.say(`Noted: ${feedbackVerbs[command.feedback]} ${item ? titleWithYear(item) : id}.`);
      }
      case 'profile':
        this.dispatch({ type: 'command-started' });
        return this.showProfile();
      case 'forget':
        this.confirming = true;
        this.dispatch({
          type: 'confirm-forget',
          question: `Clear everything convrec knows about ${userId}? Type yes to confirm.`,
        });
        return;
      case 'reset':
        this.dispatch({ type: 'command-started' });
        await this.endSession();
        this.session = this.recommender.session({ userId });
        return this.say('New conversation: earlier requests no longer count.');
      case 'offline':
        return this.switchOffline();
      case 'help':
        return this.say(helpText);
      case 'invalid':
        return this.say(command.message, 'error');
      case 'quit':
      case 'empty':
        return;
    }
  }

  private async answerForget(text: string): Promise<void> {
    this.confirming = false;
    if (!/^y(es)?$/i.test(text)) return this.say('Kept your profile.');
    this.dispatch({ type: 'command-started' });
    await this.recommender.forget(this.options.userId);
    this.session = this.recommender.session({ userId: this.options.userId });
    this.say('Your profile and conversations are cleared.');
  }

  private async showProfile(): Promise<void> {
    const store = this.recommender.profileStore;
    const userId = this.options.userId;
    const [summary, events] = await Promise.all([store.summary(userId), store.feedback(userId)]);
    const counts = (['liked', 'disliked', 'seen'] as const)
      .map((kind) => [kind, events.filter((event) => event.kind === kind).length] as const)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${count} ${kind}`);
    this.say(summary ? summary.text : 'No profile yet: tell me what you like.');
    this.say(
      `(${events.length} feedback event${events.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}` +
        `${summary ? ` · summary written by ${summary.writtenBy}` : ''})`,
    );
  }

  private async switchOffline(): Promise<void> {
    if (this.recommender.mode === 'offline') return this.say('Already offline: no LLM calls are made.');
    if (!this.options.goOffline) return this.say('Offline mode is not available here.', 'error');
    this.dispatch({ type: 'command-started' });
    const offline = await this.options.goOffline();
    this.recommender = offline;
    // The conversation is saved after every turn, so the offline session picks it up by id.
    this.session = offline.session({ userId: this.options.userId, sessionId: this.session.id });
    this.say('Offline for the rest of this session: no more LLM calls.');
  }

  private async turn(start: (signal: AbortSignal) => TurnStream): Promise<void> {
    const abort = new AbortController();
    this.running = abort;
    const current = () => this.running === abort;
    this.dispatch({ type: 'turn-started' });
    const consume = async () => {
      try {
        const stream = start(abort.signal);
        for await (const event of stream) {
          if (!current()) return;
          if (event.type === 'text-delta' || event.type === 'recommendations' || event.type === 'degraded')
            this.dispatch(event);
        }
        const result = await stream.result();
        if (current()) this.dispatch({ type: 'turn-ended', result });
      } catch (error) {
        if (!current()) return;
        if (isConvrecError(error, 'ABORTED')) this.dispatch({ type: 'turn-cancelled' });
        else this.dispatch({ type: 'turn-failed', message: this.errorLine(error) });
      } finally {
        if (current()) this.running = undefined;
      }
    };
    // A cancelled turn frees the chat at once, even if its last model call has not returned yet.
    await Promise.race([consume(), whenAborted(abort.signal)]);
  }

  /** Ctrl-C: cancels the running turn; otherwise (or while quitting) quits. */
  interrupt(): void {
    const running = this.running;
    if (running) {
      this.running = undefined;
      running.abort();
      this.dispatch({ type: 'turn-cancelled' });
      return;
    }
    if (this.phase === 'quitting') this.ending.abort();
    else void this.quit();
  }

  /** Ends the session (the profile summary is rewritten), saying so when the model could not write it. */
  private async endSession(signal?: AbortSignal): Promise<void> {
    const ended = await this.session.end(signal);
    for (const degradation of ended.degraded) this.say(degradation.message, 'warning');
  }

  /** Ends the session (the profile summary is rewritten) and calls onExit. */
  async quit(): Promise<void> {
    if (this.phase !== 'open') return;
    this.phase = 'quitting';
    if (this.running) this.interrupt();
    this.dispatch({ type: 'quitting' });
    try {
      await Promise.race([this.endSession(this.ending.signal), whenAborted(this.ending.signal)]);
    } catch (error) {
      if (!isConvrecError(error, 'ABORTED')) this.say(this.errorLine(error), 'error');
    }
    this.phase = 'closed';
    this.dispatch({ type: 'closed' });
    this.options.onExit();
  }

  /** Aborts a running turn (when the UI goes away without /quit). */
  dispose(): void {
    this.running?.abort();
    this.ending.abort();
  }
}
