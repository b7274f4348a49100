import type { Catalog } from '../catalog/index.js';
import type { Candidate } from '../retrieval/index.js';

/** A rendered prompt: static system text first, per-turn user text last. */
export interface RenderablePrompt {
  render(values: Record<string, string>): { system: string; user: string };
}

export interface RerankInput {
  /** Candidates best first (the agent passes the offline ranking); the reranker sees at most its card limit. */
  candidates: Candidate[];
  k: number;
  catalog: Pick<Catalog, 'mapping'>;
  /** "movie", "book", …: what the catalog holds. */
  catalogKind: string;
  /** Profile summary and relevant past feedback, as text. */
  profileText: string;
  /** The user's request: recent dialogue and the understood constraints, as text. */
  requestText: string;
}

export interface RerankOutcome {
  /** The top picks, best first, with the model's reason when it gave one. */
  picks: { candidate: Candidate; reason?: string }[];
  reply?: string;
  /** What was wrong with the model's answer (unknown or repeated handles, a short list). */
  problems: string[];
}

/** Reorders candidates with a language model and explains the top ones. */
export interface Reranker {
  readonly strategy: 'one-pass' | 'sliding-window';
  rerank(
    input: RerankInput,
    hooks: { onReplyDelta?: (delta: string) => void },
    signal?: AbortSignal,
  ): Promise<RerankOutcome>;
}

/**
 * Keeps the model's valid handles in order (unknown and repeated ones are dropped and reported),
 * then fills up to `k` from the candidates' own order. Nothing outside the candidate set survives.
 */
export function selectPicks(
  picks: { handle: string; reason: string }[],
  byHandle: Map<string, Candidate>,
  fallbackOrder: Candidate[],
  k: number,
): { picks: RerankOutcome['picks']; problems: string[] } {
  const problems: string[] = [];
  const out: RerankOutcome['picks'] = [];
  const used = new Set<string>();
  for (const pick of picks) {
    const candidate = byHandle.get(pick.handle);
    if (!candidate) {
      problems.push(`unknown handle ${pick.handle}`);
      continue;
    }
    if (used.has(candidate.item.id)) {
      problems.push(`repeated handle ${pick.handle}`);
      continue;
    }
    if (out.length >= k) break;
    used.add(candidate.item.id);
    out.push(pick.reason ? { candidate, reason: pick.reason } : { candidate });
  }
  if (out.length < k && out.length < fallbackOrder.length) {
    problems.push(`model returned ${out.length} of ${k} picks`);
    for (const candidate of fallbackOrder) {
      if (out.length >= k) break;
      if (used.has(candidate.item.id)) continue;
      used.add(candidate.item.id);
      out.push({ candidate });
    }
  }
  return { picks: out, problems };
}
