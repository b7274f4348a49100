import { basename, extname } from 'node:path';
import type { BuildProgress } from '../../index-store/index.js';
import type { LanguageModel } from '../../model/language-model.js';
import { RecordReplayModel } from '../../model/record-replay/index.js';
import { defaultRetrievalWeights, type Retriever, type RetrievalWeights } from '../../retrieval/index.js';
import { createOfflineReader } from '../../understanding/offline/index.js';
import { FaithfulnessTally } from '../faithfulness/index.js';
import { agentRanker } from './agent-ranker.js';
import type { BootstrapOptions } from './bootstrap.js';
import type { EvalDataset } from './eval-dataset.js';
import { summarizeEval, type EvalReport, type TurnOutcome } from './eval-report.js';
import { dialogOf, heldOutRetriever, openEvalIndex, throwIfCancelled } from './eval-setup.js';
import { mapConcurrent } from './map-concurrent.js';
import { summarizeModelUsage } from './model-usage.js';
import { popularityRanking } from './popularity.js';
import { retrievalRanker } from './retrieval-ranker.js';
import { lastMessageIntent } from './turn-intent.js';
import type { TurnRanker } from './turn-ranking.js';

/** Progress of an evaluation: the index build, then the turns. */
export type EvalProgress =
  { stage: 'index'; build: BuildProgress } | { stage: 'turns'; done: number; total: number };

export interface EvalOptions {
  /** Where the catalog's content index is cached (built when missing or stale). */
  indexDirectory: string;
  /** Score retrieval alone, or the whole agent turn (understand → tools → rank → explain). */
  pipeline?: 'retrieval' | 'agent';
  /** The agent's model (LLM mode: understanding, reranking, explanations); implies the agent pipeline. */
  model?: LanguageModel;
  /** Turns evaluated at once (default 1). The figures do not depend on it. */
  concurrency?: number;
  weights?: Partial<RetrievalWeights>;
  /** Folds when the log holds the evaluated dialogues (default 5); see `runEval`. */
  folds?: number;
  /** The run's name in reports and plots (default: the turns file's name and the pipeline). */
  name?: string;
  bootstrap?: BootstrapOptions;
  /** Ranks the turns instead of the pipeline (a scripted ranker in tests, your own model). */
  ranker?: (retriever: Retriever) => TurnRanker | Promise<TurnRanker>;
  onProgress?: (progress: EvalProgress) => void;
  /** Told before the index is (re)built, with the reason. */
  onRebuild?: (reason: string) => void;
  signal?: AbortSignal;
  clock?: () => number;
}

/** The report, and every turn's ranking in the turns file's order (for `--dump-rankings`). */
export interface EvalRun {
  report: EvalReport;
  outcomes: TurnOutcome[];
}

/**
 * Evaluates a data set: every turn is ranked (retrieval, or the whole agent turn offline or with a
 * model), and the rankings are scored with the popularity baseline, bootstrap intervals, a
 * breakdown by intent and the faithfulness of the reasons shown. When the log holds sessions whose
 * id is a turn's `dialog_id`, the turns are split into folds by dialogue and each fold's
 * co-occurrence counts (and popularity) are rebuilt without its own dialogues, so no target leaks
 * through the log. A replayed model's cache miss stops the run (it is not scored as a degraded turn).
 */
export async function runEval(dataset: EvalDataset, options: EvalOptions): Promise<EvalRun> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { catalog, turns, log } = dataset;
  const { signal, model } = options;
  const components = await openEvalIndex(catalog, options);
  const weights = { ...defaultRetrievalWeights, ...options.weights };
  const pipeline = model ? 'agent' : (options.pipeline ?? 'retrieval');
  const evalDialogs = new Set(turns.map(({ turn }) => dialogOf(turn)));
  const leaks = log?.some((session) => evalDialogs.has(session.sessionId)) ?? false;
  const folds = leaks ? (options.folds ?? 5) : 1;
  const foldOf = new Map([...evalDialogs].sort().map((dialog, index) => [dialog, index % folds]));
  const groups: number[][] = Array.from({ length: folds }, () => []);
  turns.forEach(({ turn }, index) => groups[foldOf.get(dialogOf(turn))!]!.push(index));

  const reader = createOfflineReader(components);
  const faithfulness = new FaithfulnessTally(catalog, components.titles);
  const outcomes: TurnOutcome[] = new Array<TurnOutcome>(turns.length);
  let logSessions = 0;
  let done = 0;
  for (const [fold, group] of groups.entries()) {
    const held = new Set(group.map((index) => dialogOf(turns[index]!.turn)));
    const { retriever, sessions } = heldOutRetriever(components, log, held, weights);
    logSessions = Math.max(logSessions, sessions?.length ?? 0);
    const rank: TurnRanker = options.ranker
      ? await options.ranker(retriever)
      : pipeline === 'agent'
        ? await agentRanker(retriever, model)
        : retrievalRanker(retriever);
    const popularity = popularityRanking(catalog, sessions);
    await mapConcurrent(group, options.concurrency ?? 1, async (index) => {
      throwIfCancelled(signal, 'evaluation');
      const { turn } = turns[index]!;
      const intent = lastMessageIntent(turn.context, reader, components.titles);
      const turnStarted = clock();
      const ranking = await rank(turn, signal);
      if (model instanceof RecordReplayModel) model.throwIfFailed();
      outcomes[index] = {
        id: turn.id,
        ...ranking,
        intent,
        latencyMs: clock() - turnStarted,
        fold,
        popularity,
      };
      options.onProgress?.({ stage: 'turns', done: ++done, total: turns.length });
    });
  }
  // Checked in the turns file's order, so the examples do not depend on the concurrency.
  turns.forEach(({ turn }, index) => {
    const shown = outcomes[index]!.shown;
    if (shown && shown.length > 0)
      faithfulness.add(
        turn.id,
        turn.context.map((message) => message.text),
        shown,
        turn.mentioned_ids,
      );
  });
  const name = options.name ?? `${basename(dataset.files.turns, extname(dataset.files.turns))}-${pipeline}`;
  const report = summarizeEval(dataset, outcomes, {
    name,
    pipeline,
    folds,
    logSessions,
    weights,
    faithfulness: faithfulness.report(),
    ...(model ? { modelUsage: summarizeModelUsage(model.modelId, outcomes) } : {}),
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
  });
  return { report: { ...report, elapsedMs: clock() - started }, outcomes };
}
