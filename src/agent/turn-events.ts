import type { CatalogItem } from '../catalog/index.js';
import type { ErrorCode } from '../errors/index.js';
import type { Understanding } from '../understanding/understanding-schema.js';

/** A recommendation shown to the user: always a catalog item from a tool result. */
export interface Recommendation {
  item: CatalogItem;
  /** One sentence on why, in terms of the user's words, liked items and the item's real attributes. */
  reason: string;
  /** Higher is better; the retrieval score for offline or filled-in items. */
  score: number;
}

/** One LLM call of a turn. */
export interface ModelCallUsage {
  purpose: string;
  inputTokens: number;
  outputTokens: number;
  /** Whether the server reported the tokens or they were estimated from the text. */
  counted: 'reported' | 'estimated';
  ms: number;
  /** The call failed (no answer, or a stream cut off); its tokens are what was sent and received. */
  failed: boolean;
}

export interface TurnUsage {
  llmCalls: number;
  inputTokens: number;
  outputTokens: number;
  calls: ModelCallUsage[];
}

/** Milliseconds per stage of a turn. */
export interface TurnTimings {
  /**
   * Loading what the turn starts from: the stored profile and, for a session with no state of its
   * own (history passed in, an evaluation turn), reading the dialogue so far into one.
   */
  contextMs: number;
  understandMs: number;
  toolsMs: number;
  /** Ranking, explaining and writing the reply (or the answer about one item). */
  rerankMs: number;
  totalMs: number;
}

/** Something in the turn fell back: the model failed, its output was unusable, a tool failed. */
export interface Degradation {
  /** 'answer': the LLM answer about one item ("why the first?") fell back to the offline one. */
  stage: 'understand' | 'tools' | 'rerank' | 'answer' | 'summarize';
  code: ErrorCode;
  message: string;
}

export type TurnIntent = Understanding['intent'];

export interface ToolCallRecord {
  name: string;
  input: unknown;
  /** The compact text the tool returned. */
  output: string;
  ms: number;
}

/** The outcome of one turn. */
export interface TurnResult {
  sessionId: string;
  userId: string;
  turn: number;
  /** 'offline' when no LLM was used, else the model id. */
  mode: 'offline' | 'llm';
  model: string;
  intent: TurnIntent;
  reply: string;
  recommendations: Recommendation[];
  understanding: Understanding;
  toolCalls: ToolCallRecord[];
  usage: TurnUsage;
  timings: TurnTimings;
  degraded: Degradation[];
}

/** Events of a streamed turn, in order; `turn-end` (or `error`) comes last. */
export type TurnEvent =
  | { type: 'turn-start'; sessionId: string; turn: number; mode: 'offline' | 'llm' }
  | { type: 'understanding'; understanding: Understanding }
  | { type: 'tool-call'; name: string; input: unknown }
  | { type: 'tool-result'; name: string; output: string }
  | { type: 'text-delta'; delta: string }
  | { type: 'recommendations'; recommendations: Recommendation[] }
  | { type: 'degraded'; degradation: Degradation }
  | { type: 'turn-end'; result: TurnResult };
