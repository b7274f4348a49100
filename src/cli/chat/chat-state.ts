import type { Degradation, Recommendation, TurnResult } from '../../agent/index.js';
import { endpointNote, statusLine } from './chat-text.js';

export type Tone = 'info' | 'warning' | 'error';

/** The start-up lines: catalog, size, mode, user. */
export interface HeaderEntry {
  kind: 'header';
  id: number;
  title: string;
  details: { label: string; value: string }[];
}

/** What the user typed, echoed. */
export interface UserEntry {
  kind: 'user';
  id: number;
  text: string;
}

/** A finished turn: the reply and cards, or what was shown before it was cancelled or failed. */
export interface TurnEntry {
  kind: 'turn';
  id: number;
  outcome: 'answered' | 'cancelled' | 'failed';
  reply: string;
  recommendations: Recommendation[];
  /** The status line of an answered turn. */
  status?: string;
  /** The endpoint-failure line, or the error line of a failed turn. */
  note?: string;
}

/** Output of a command or a notice from the chat itself. */
export interface NoticeEntry {
  kind: 'notice';
  id: number;
  text: string;
  tone: Tone;
}

export type HistoryEntry = HeaderEntry | UserEntry | TurnEntry | NoticeEntry;

/** The turn that is running: only this part of the screen re-renders. */
export interface LiveTurn {
  reply: string;
  recommendations: Recommendation[];
  degraded: Degradation[];
}

export type Activity = 'idle' | 'turn' | 'command' | 'confirm-forget' | 'quitting' | 'closed';

export interface ChatState {
  /** Finished, append-only: rendered once in ink's <Static>. */
  history: HistoryEntry[];
  live: LiveTurn | undefined;
  activity: Activity;
  nextId: number;
}

export type ChatAction =
  | { type: 'input-submitted'; text: string }
  | { type: 'turn-started' }
  | { type: 'text-delta'; delta: string }
  | { type: 'recommendations'; recommendations: Recommendation[] }
  | { type: 'degraded'; degradation: Degradation }
  | { type: 'turn-ended'; result: TurnResult }
  | { type: 'turn-failed'; message: string }
  | { type: 'turn-cancelled' }
  | { type: 'command-started' }
  | { type: 'command-output'; text: string; tone?: Tone }
  | { type: 'command-finished' }
  | { type: 'confirm-forget'; question: string }
  | { type: 'quitting' }
  | { type: 'closed' };

/** The state before anything was typed: the header and one line of help. */
export function initialChatState(header: Omit<HeaderEntry, 'kind' | 'id'>): ChatState {
  return { history: [{ kind: 'header', id: 0, ...header }], live: undefined, activity: 'idle', nextId: 1 };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewEntry = DistributiveOmit<HistoryEntry, 'id'>;

function append(state: ChatState, entry: NewEntry): ChatState {
  return {
    ...state,
    history: [...state.history, { ...entry, id: state.nextId } as HistoryEntry],
    nextId: state.nextId + 1,
  };
}

function finishLive(
  state: ChatState,
  outcome: TurnEntry['outcome'],
  extra: { reply?: string; recommendations?: Recommendation[]; status?: string; note?: string | undefined },
): ChatState {
  const live = state.live ?? { reply: '', recommendations: [], degraded: [] };
  const { note, ...rest } = extra;
  const entry: NewEntry = {
    kind: 'turn',
    outcome,
    reply: live.reply,
    recommendations: live.recommendations,
    ...rest,
    ...(note !== undefined ? { note } : {}),
  };
  return { ...append(state, entry), live: undefined, activity: 'idle' };
}

/** The chat's UI state machine; pure, so it is tested without ink. */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  const live = state.live;
  switch (action.type) {
    case 'input-submitted':
      return append(state, { kind: 'user', text: action.text });
    case 'turn-started':
      return { ...state, live: { reply: '', recommendations: [], degraded: [] }, activity: 'turn' };
    case 'text-delta':
      return live ? { ...state, live: { ...live, reply: live.reply + action.delta } } : state;
    case 'recommendations':
      return live ? { ...state, live: { ...live, recommendations: action.recommendations } } : state;
    case 'degraded':
      return live ? { ...state, live: { ...live, degraded: [...live.degraded, action.degradation] } } : state;
    case 'turn-ended':
      if (!live) return state;
      return finishLive(state, 'answered', {
        reply: action.result.reply,
        recommendations: action.result.recommendations,
        status: statusLine(action.result),
        note: endpointNote(action.result.degraded),
      });
    case 'turn-failed':
      return live ? finishLive(state, 'failed', { note: action.message }) : state;
    case 'turn-cancelled':
      return live ? finishLive(state, 'cancelled', {}) : state;
    case 'command-started':
      return { ...state, activity: 'command' };
    case 'command-output':
      return append(state, { kind: 'notice', text: action.text, tone: action.tone ?? 'info' });
    case 'command-finished':
      return state.activity === 'command' ? { ...state, activity: 'idle' } : state;
    case 'confirm-forget':
      return {
        ...append(state, { kind: 'notice', text: action.question, tone: 'warning' }),
        activity: 'confirm-forget',
      };
    case 'quitting':
      return { ...state, activity: 'quitting' };
    case 'closed':
      return { ...state, live: undefined, activity: 'closed' };
  }
}
