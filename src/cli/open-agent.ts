import { createRecommender, type Recommender } from '../agent/index.js';
import type { ConvrecConfig } from '../config/load-config.js';
import { ConvrecError } from '../errors/index.js';
import type { LanguageModel } from '../model/language-model.js';
import { OpenAIChatModel } from '../model/openai-compatible-model.js';
import { openProfileStore } from '../profile/open-profile-store.js';
import type { Retriever } from '../retrieval/index.js';

/** Options shared by commands that talk to the agent. */
export interface AgentCliOptions {
  model?: string;
  offline?: boolean;
  profileDb?: string;
  reranking?: string;
  k?: string;
}

/** The chat model the configuration asks for, or undefined for offline mode. */
export function modelFromConfig(config: ConvrecConfig, options: AgentCliOptions): LanguageModel | undefined {
  if (options.offline) return undefined;
  const { apiKey, baseURL } = config.openai;
  const modelId = options.model ?? config.openai.model ?? (apiKey && !baseURL ? 'gpt-4o-mini' : undefined);
  if (!apiKey && !baseURL && !options.model) return undefined;
  if (!modelId) {
    throw new ConvrecError(
      'CONFIG_INVALID',
      `OPENAI_BASE_URL is set (${baseURL}) but no model is named: set CONVREC_MODEL or pass --model`,
    );
  }
  return new OpenAIChatModel({
    model: modelId,
    ...(apiKey ? { apiKey } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(config.openai.timeoutMs ? { timeoutMs: config.openai.timeoutMs } : {}),
    ...(config.openai.maxRetries !== undefined ? { maxRetries: config.openai.maxRetries } : {}),
  });
}

/**
 * A recommender over an opened retriever, with the configured model and the configured profile store
 * (a SQLite file, or PostgreSQL for a `postgres://` URL); `close()` closes the store.
 */
export async function openAgent(
  retriever: Retriever,
  config: ConvrecConfig,
  options: AgentCliOptions,
): Promise<Recommender> {
  const model = modelFromConfig(config, options);
  const reranking = options.reranking ?? 'one-pass';
  if (reranking !== 'one-pass' && reranking !== 'sliding-window') {
    throw new ConvrecError(
      'CONFIG_INVALID',
      `--reranking must be one-pass or sliding-window, got "${reranking}"`,
    );
  }
  const k = options.k === undefined ? 5 : Number(options.k);
  if (!Number.isInteger(k) || k < 1 || k > 20)
    throw new ConvrecError('CONFIG_INVALID', '--k must be 1 to 20');
  const profileStore = await openProfileStore(options.profileDb ?? config.profileDatabase);
  try {
    return await createRecommender({
      retriever,
      ...(model ? { model } : {}),
      profileStore,
      reranking,
      k,
      limits: config.limits,
    });
  } catch (error) {
    // A Postgres pool left open would keep the process alive.
    await profileStore.close();
    throw error;
  }
}

/** "offline" or "gpt-4o-mini at api.openai.com", for the start-up line. */
export function describeMode(recommender: Recommender, config: ConvrecConfig): string {
  if (recommender.mode === 'offline') return 'offline — set OPENAI_API_KEY or OPENAI_BASE_URL to use an LLM';
  const host = config.openai.baseURL ? new URL(config.openai.baseURL).host : 'api.openai.com';
  return `${recommender.modelLabel} at ${host}`;
}
