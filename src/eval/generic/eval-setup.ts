import type { Catalog } from '../../catalog/index.js';
import { buildCooccurrence } from '../../collaborative/cooccurrence.js';
import type { Interaction } from '../../collaborative/interaction-log.js';
import { ConvrecError } from '../../errors/index.js';
import { openOrBuildIndex, type BuildProgress, type RetrievalComponents } from '../../index-store/index.js';
import { Retriever, type RetrievalWeights } from '../../retrieval/index.js';
import type { DatasetTurn } from './dataset-turn.js';

/** How an evaluation run opens its index: where it is cached, and who hears about a (re)build. */
export interface EvalIndexOptions {
  /** Where the catalog's content index is cached (built when missing or stale). */
  indexDirectory: string;
  onProgress?: (progress: { stage: 'index'; build: BuildProgress }) => void;
  /** Told before the index is (re)built, with the reason. */
  onRebuild?: (reason: string) => void;
  signal?: AbortSignal;
}

/** Opens the catalog's content index for an evaluation run, building it when missing or stale. */
export async function openEvalIndex(
  catalog: Catalog,
  options: EvalIndexOptions,
): Promise<RetrievalComponents> {
  const { components } = await openOrBuildIndex({
    catalog,
    directory: options.indexDirectory,
    onProgress: (build) => options.onProgress?.({ stage: 'index', build }),
    ...(options.onRebuild ? { onRebuild: options.onRebuild } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return components;
}

/** The dialogue a turn comes from: its `dialog_id`, else the turn itself. */
export const dialogOf = (turn: DatasetTurn): string => turn.dialog_id ?? turn.id;

/**
 * A retriever whose co-occurrence counts (and so popularity) come from the log without the
 * sessions of `heldOut` dialogues, so no evaluated target leaks through the log; without a log,
 * the index's own counts.
 */
export function heldOutRetriever(
  components: RetrievalComponents,
  log: Interaction[] | undefined,
  heldOut: ReadonlySet<string>,
  weights?: RetrievalWeights,
): { retriever: Retriever; sessions: Interaction[] | undefined } {
  const sessions = log?.filter((session) => !heldOut.has(session.sessionId));
  const known = new Set(components.catalog.byId.keys());
  const retriever = new Retriever(
    sessions ? { ...components, cooccurrence: buildCooccurrence(sessions, known) } : components,
    weights,
  );
  return { retriever, sessions };
}

/** Throws ABORTED ("the evaluation was cancelled") once `signal` has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted)
    throw new ConvrecError('ABORTED', `the ${what} was cancelled`, { cause: signal.reason });
}
