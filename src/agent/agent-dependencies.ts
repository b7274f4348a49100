import type { EmbeddingCallLimits } from '../embeddings/embedding-model.js';
import type { Limits } from '../limits/index.js';
import type { LanguageModel } from '../model/language-model.js';
import type { ProfileStore } from '../profile/profile-store.js';
import type { Reranker, RenderablePrompt } from '../ranking/reranker.js';
import type { Candidate, Retriever, RetrieveRequest } from '../retrieval/index.js';
import type { OfflineReader } from '../understanding/offline/offline-reader.js';
import type { TokenCounter } from '../usage/token-counter.js';

/** Everything a turn needs, injected. */
export interface AgentDependencies {
  retriever: Retriever;
  profileStore: ProfileStore;
  /** Absent in offline mode. */
  model?: LanguageModel;
  /** Loaded prompts (LLM mode only). */
  prompts?: {
    understand: RenderablePrompt;
    summarize: RenderablePrompt;
    agentTools: RenderablePrompt;
    answerItem: RenderablePrompt;
  };
  /**
   * 'plan-first' (default): the agent runs the tools the understanding calls for, 2 LLM calls a
   * turn. 'free': the model calls the tools itself, up to `maxToolSteps` calls, before the rerank.
   */
  toolMode: 'plan-first' | 'free';
  maxToolSteps: number;
  /** Reads messages without an LLM (and always: it resolves titles and the user's own words). */
  reader: OfflineReader;
  /** Builds the LLM reranker over a turn's (metered) model (LLM mode only). */
  createReranker?: (model: LanguageModel) => Reranker;
  /** Deterministic reordering of candidates in offline mode. */
  offlineRank: (input: {
    candidates: Candidate[];
    request: RetrieveRequest;
    retriever: Retriever;
  }) => Candidate[];
  tokenCounter: TokenCounter;
  /** What the catalog holds, in the singular: "movie". */
  catalogKind: string;
  /** Recommendations per turn. */
  k: number;
  /** Candidates handed to the LLM reranker. */
  rerankCandidates: number;
  /** Candidates ranked in offline mode (the eval reads the full ranking). */
  offlineCandidates: number;
  /** Bounds per message and turn: message length, deadlines, retries, model output. */
  limits: Limits;
  /** The turn's retry budget and deadline for its query embeddings (set per turn by the session). */
  embeddingLimits?: EmbeddingCallLimits;
  now: () => string;
  clock: () => number;
}
