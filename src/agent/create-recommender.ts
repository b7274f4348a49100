import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LanguageModel } from '../model/language-model.js';
import { MemoryProfileStore } from '../profile/memory-profile-store.js';
import type { ProfileStore } from '../profile/profile-store.js';
import { loadPrompt, promptsDirectory } from '../prompts/load-prompt.js';
import { OnePassReranker } from '../ranking/one-pass-reranker.js';
import { offlineRank } from '../ranking/offline-ranker.js';
import { SlidingWindowReranker } from '../ranking/sliding-window-reranker.js';
import type { Reranker } from '../ranking/reranker.js';
import type { Lexicon } from '../lexicon/index.js';
import { resolveLimits, type Limits } from '../limits/index.js';
import type { Retriever } from '../retrieval/index.js';
import { createOfflineReader } from '../understanding/offline/index.js';
import { approximateTokenCounter, loadO200kCounter, type TokenCounter } from '../usage/token-counter.js';
import type { AgentDependencies } from './agent-dependencies.js';
import { Session } from './session.js';

export interface CreateRecommenderOptions {
  /** A ready retriever over the catalog and its index (see `openRetriever`). */
  retriever: Retriever;
  /** An OpenAI-compatible or scripted model; omit for offline mode. */
  model?: LanguageModel;
  /** Where feedback, summaries and sessions live (default: in memory). */
  profileStore?: ProfileStore;
  /** LLM reranking strategy (default one-pass). */
  reranking?: 'one-pass' | 'sliding-window';
  /** What the catalog holds, singular (default: the catalog mapping's `kind`, else "movie"). */
  catalogKind?: string;
  /** Recommendations per turn (default 5). */
  k?: number;
  /** Candidates the LLM reranker sees (default 40). */
  rerankCandidates?: number;
  /** 'plan-first' (default, ≤ 2 LLM calls a turn) or 'free' (the model calls the tools itself). */
  toolMode?: 'plan-first' | 'free';
  /** Model calls allowed in free tool-calling mode before the rerank (default 4). */
  maxToolSteps?: number;
  /**
   * The concept lexicon (qualities, audiences, genre words) the reader understands; default: the
   * catalog's (`catalog.lexicon`: the movie lexicon extended by its mapping's `lexicon`), else the
   * movie lexicon.
   */
  lexicon?: Lexicon;
  /** Folder with the prompt files (default: the package's `prompts/`). */
  promptsDirectory?: string;
  /** Token counter for usage when the server reports none (default o200k_base in LLM mode). */
  tokenCounter?: TokenCounter;
  /** The year "the last ten years" counts back from (default: this year). */
  currentYear?: number;
  /**
   * Bounds per message and turn; any subset, the rest default (4,000-character messages, 120 s a
   * turn, 60 s a model request, 4 retries a turn, 20,000 characters of model output a call).
   */
  limits?: Partial<Limits>;
  now?: () => string;
  clock?: () => number;
}

/** A conversational recommender over one catalog. */
export interface Recommender {
  readonly mode: 'offline' | 'llm';
  /** "offline" or the model id. */
  readonly modelLabel: string;
  readonly retriever: Retriever;
  readonly profileStore: ProfileStore;
  /** The bounds it runs under (see `CreateRecommenderOptions.limits`). */
  readonly limits: Limits;
  /** A new conversation, or the saved one with this id. */
  session(options: { userId: string; sessionId?: string }): Session;
  /** Clears one user's feedback, summary and sessions. */
  forget(userId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds a recommender. Without a model every stage runs offline (rules, fused retrieval, the offline
 * ranker, template explanations); with one, prompts are loaded and checked up front.
 */
export async function createRecommender(options: CreateRecommenderOptions): Promise<Recommender> {
  const { retriever, model } = options;
  const limits = resolveLimits(options.limits);
  const lexicon = options.lexicon ?? retriever.components.catalog.lexicon;
  const profileStore = options.profileStore ?? new MemoryProfileStore();
  const directory = options.promptsDirectory ?? promptsDirectory();
  let prompts: AgentDependencies['prompts'];
  let createReranker: ((model: LanguageModel) => Reranker) | undefined;
  if (model) {
    const [understand, rerank, window, summarize, agentTools, answerItem] = await Promise.all(
      ['understand', 'rerank', 'rerank-window', 'summarize-profile', 'agent-tools', 'answer-item'].map(
        (name) => loadPrompt(join(directory, `${name}.md`)),
      ),
    );
    prompts = {
      understand: understand!,
      summarize: summarize!,
      agentTools: agentTools!,
      answerItem: answerItem!,
    };
    const maxCards = options.rerankCandidates ?? 40;
    createReranker = (turnModel) =>
      options.reranking === 'sliding-window'
        ? new SlidingWindowReranker(turnModel, window!, rerank!, { maxCards })
        : new OnePassReranker(turnModel, rerank!, { maxCards });
  }
  const tokenCounter =
    options.tokenCounter ??
    (model ? await loadO200kCounter().catch(() => approximateTokenCounter) : approximateTokenCounter);
  const dependencies: AgentDependencies = {
    retriever,
    profileStore,
    ...(model ? { model } : {}),
    ...(prompts ? { prompts } : {}),
    ...(createReranker ? { createReranker } : {}),
    offlineRank,
    toolMode: options.toolMode ?? 'plan-first',
    maxToolSteps: options.maxToolSteps ?? 4,
    reader: createOfflineReader(retriever.components, {
      ...(lexicon ? { lexicon } : {}),
      ...(options.currentYear ? { currentYear: options.currentYear } : {}),
    }),
    tokenCounter,
    catalogKind: options.catalogKind ?? options.retriever.catalog.kind ?? 'movie',
    k: options.k ?? 5,
    rerankCandidates: options.rerankCandidates ?? 40,
    offlineCandidates: 150,
    limits,
    now: options.now ?? (() => new Date().toISOString()),
    clock: options.clock ?? (() => performance.now()),
  };
  return {
    mode: model ? 'llm' : 'offline',
    modelLabel: model ? model.modelId : 'offline',
    retriever,
    profileStore,
    limits,
    session: ({ userId, sessionId }) => new Session(dependencies, userId, sessionId ?? randomUUID()),
    forget: (userId) => profileStore.forget(userId),
    close: () => profileStore.close(),
  };
}
