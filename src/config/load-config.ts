import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import { limitsSchema } from '../limits/index.js';

/** Settings that come from the environment. The only module that reads `process.env`. */
export const configSchema = z.object({
  catalog: z.string().optional().describe('Default catalog file (CONVREC_CATALOG)'),
  indexDirectory: z.string().optional().describe('Where indexes are kept (CONVREC_INDEX_DIR)'),
  profileDatabase: z
    .string()
    .describe(
      'User profiles: a SQLite file, or a postgres:// (postgresql://) URL for a shared PostgreSQL database (CONVREC_PROFILE_DB; default a file under XDG_DATA_HOME)',
    ),
  dataDirectory: z.string().describe('ReDial data folder for eval and bench (CONVREC_DATA_DIR)'),
  openai: z.object({
    apiKey: z.string().optional().describe('OPENAI_API_KEY'),
    baseURL: z.string().url().optional().describe('OPENAI_BASE_URL, for local OpenAI-compatible servers'),
    model: z.string().optional().describe('CONVREC_MODEL: the chat model for the agent'),
    timeoutMs: z.coerce.number().int().positive().optional().describe('CONVREC_MODEL_TIMEOUT_MS'),
    maxRetries: z.coerce.number().int().min(0).max(10).optional().describe('CONVREC_MODEL_MAX_RETRIES'),
    embeddingModel: z
      .string()
      .optional()
      .describe('CONVREC_EMBEDDING_MODEL: use this endpoint model for embeddings'),
    embeddingDimensions: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe('CONVREC_EMBEDDING_DIMENSIONS'),
  }),
  limits: limitsSchema.describe(
    'Bounds per message and turn (CONVREC_MAX_MESSAGE_CHARS, CONVREC_TURN_DEADLINE_MS, CONVREC_MODEL_DEADLINE_MS, CONVREC_TURN_RETRY_BUDGET, CONVREC_MODEL_MAX_OUTPUT_CHARS)',
  ),
});

/** The environment variable behind each limit. */
const limitVariables = {
  maxMessageChars: 'CONVREC_MAX_MESSAGE_CHARS',
  turnDeadlineMs: 'CONVREC_TURN_DEADLINE_MS',
  modelDeadlineMs: 'CONVREC_MODEL_DEADLINE_MS',
  turnRetryBudget: 'CONVREC_TURN_RETRY_BUDGET',
  maxModelOutputChars: 'CONVREC_MODEL_MAX_OUTPUT_CHARS',
} as const;

export type ConvrecConfig = z.infer<typeof configSchema>;

/** Reads and validates configuration from an environment (default `process.env`). */
export function loadConfig(environment: Record<string, string | undefined> = process.env): ConvrecConfig {
  const value = (name: string) => {
    const raw = environment[name]?.trim();
    return raw ? raw : undefined;
  };
  const raw = {
    catalog: value('CONVREC_CATALOG'),
    indexDirectory: value('CONVREC_INDEX_DIR'),
    profileDatabase:
      value('CONVREC_PROFILE_DB') ??
      join(value('XDG_DATA_HOME') ?? join(homedir(), '.local', 'share'), 'convrec', 'profiles.sqlite'),
    dataDirectory: value('CONVREC_DATA_DIR') ?? '../shared/data/redial',
    openai: {
      apiKey: value('OPENAI_API_KEY'),
      baseURL: value('OPENAI_BASE_URL'),
      model: value('CONVREC_MODEL'),
      timeoutMs: value('CONVREC_MODEL_TIMEOUT_MS'),
      maxRetries: value('CONVREC_MODEL_MAX_RETRIES'),
      embeddingModel: value('CONVREC_EMBEDDING_MODEL'),
      embeddingDimensions: value('CONVREC_EMBEDDING_DIMENSIONS'),
    },
    limits: Object.fromEntries(
      Object.entries(limitVariables).map(([key, variable]) => [key, value(variable)]),
    ),
  };
  const strip = (object: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(object)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [
          key,
          entry && typeof entry === 'object' ? strip(entry as Record<string, unknown>) : entry,
        ]),
    );
  const parsed = configSchema.safeParse(strip(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const names: Record<string, string> = {
      'openai.baseURL': 'OPENAI_BASE_URL',
      'openai.embeddingDimensions': 'CONVREC_EMBEDDING_DIMENSIONS',
      'openai.timeoutMs': 'CONVREC_MODEL_TIMEOUT_MS',
      'openai.maxRetries': 'CONVREC_MODEL_MAX_RETRIES',
      ...Object.fromEntries(
        Object.entries(limitVariables).map(([key, variable]) => [`limits.${key}`, variable]),
      ),
    };
    const path = issue?.path.join('.') ?? '';
    throw new ConvrecError(
      'CONFIG_INVALID',
      `invalid configuration: ${names[path] ?? path}: ${issue?.message}`,
    );
  }
  return parsed.data;
}
