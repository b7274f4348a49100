import type { z } from 'zod';
import type { EmbeddingCallLimits } from '../src/embeddings/embedding-model.js';
import type { Retriever } from '../src/retrieval/index.js';
import type { ProfileStore } from '../src/profile/profile-store.js';

/** What a tool may use: the retriever (and through it the catalog), the profile store, who is asking. */
export interface ToolContext {
  retriever: Retriever;
  profileStore: ProfileStore;
  userId: string;
  sessionId: string;
  /** Turn number within the session (1-based). */
  turn: number;
  /** ISO time now; injected so tests are deterministic. */
  now: () => string;
  signal?: AbortSignal;
  /** The turn's retry budget and deadline, for the query embeddings a search makes. */
  embeddingLimits?: EmbeddingCallLimits;
}

/** A tool's answer: compact text for the model and the full objects for the application. */
export interface ToolOutput<Data> {
  text: string;
  data: Data;
}

/** A schema-first tool: zod input (with `.describe()` on every field), run with `(input, context)`. */
export interface ToolDefinition<Input extends z.ZodType = z.ZodType, Data = unknown> {
  name: string;
  description: string;
  inputSchema: Input;
  run(input: z.output<Input>, context: ToolContext): Promise<ToolOutput<Data>>;
}

/** Identity helper that keeps a tool's input and output types. */
export function defineTool<Input extends z.ZodType, Data>(
  definition: ToolDefinition<Input, Data>,
): ToolDefinition<Input, Data> {
  return definition;
}
