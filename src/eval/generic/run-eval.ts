import { basename, extname } from 'node:path';
import { buildCooccurrence } from '../../collaborative/cooccurrence.js';
import { ConvrecError } from '../../errors/index.js';
import { openOrBuildIndex, type BuildProgress } from '../../index-store/index.js';
import { defaultRetrievalWeights, Retriever, type RetrievalWeights } from '../../retrieval/index.js';
import { createOfflineReader } from '../../understanding/offline/index.js';
import { offlineAgentRanker } from './agent-ranker.js';
import type { BootstrapOptions } from './bootstrap.js';
import type { EvalDataset } from './eval-dataset.js';
import { summarizeEval, type EvalReport, type TurnOutcome } from './eval-report.js';
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
  /** Score retrieval alone, or the whole offline agent turn (understand → tools → rank → explain). */
  pipeline?: 'retrieval' | 'agent';
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
 * Evaluates a data set: every turn is ranked (retrieval or the whole offline agent turn), and the
 * rankings are scored with the popularity baseline, bootstrap intervals and a breakdown by intent.
 * When the log holds sessions whose id is a turn's `dialog_id`, the turns are split into folds by
 * dialogue and each fold's co-occurrence counts (and popularity) are rebuilt without its own
 * dialogues, so no target leaks through the log.
 */
export async function runEval(dataset: EvalDataset, options: EvalOptions): Promise<EvalRun> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { catalog, turns, log } = dataset;
  const signal = options.signal;
  const { components } = await openOrBuildIndex({
    catalog,
    directory: options.indexDirectory,
    onProgress: (build) => options.onProgress?.({ stage: 'index', build }),
    ...(options.onRebuild ? { onRebuild: options.onRebuild } : {}),
    ...(signal ? { signal } : {}),
  });
  const weights = { ...defaultRetrievalWeights, ...options.weights };
  const pipeline = options.pipeline ?? 'retrieval';
  const known = new Set(catalog.byId.keys());
  const dialogOf = (index: number) => turns[index]!.turn.dialog_id ?? turns[index]!.turn.id;
  const evalDialogs = new Set(turns.map((_, index) => dialogOf(index)));
  const leaks = log?.some((session) => evalDialogs.has(session.sessionId)) ?? false;
  const folds = leaks ? (options.folds ?? 5) : 1;
  const dialogs = [...evalDialogs].sort();
  const foldOf = new Map(dialogs.map((dialog, index) => [dialog, index % folds]));
  const groups: number[][] = Array.from({ length: folds }, () => []);
  turns.forEach((_, index) => groups[foldOf.get(dialogOf(index))!]!.push(index));

  const reader = createOfflineReader(components);
  const outcomes: TurnOutcome[] = new Array<TurnOutcome>(turns.length);
  let logSessions = 0;
  let done = 0;
  for (const [fold, group] of groups.entries()) {
    const held = new Set(group.map(dialogOf));
    const sessions = log?.filter((session) => !held.has(session.sessionId));
    logSessions = Math.max(logSessions, sessions?.length ?? 0);
    const retriever = new Retriever(
      sessions ? { ...components, cooccurrence: buildCooccurrence(sessions, known) } : components,
      weights,
    );
    const rank: TurnRanker = options.ranker
      ? await options.ranker(retriever)
      : pipeline === 'agent'
        ? await offlineAgentRanker(retriever)
        : retrievalRanker(retriever);
    const popularity = popularityRanking(catalog, sessions);
    for (const index of group) {
      if (signal?.aborted)
        throw new ConvrecError('ABORTED', 'the evaluation was cancelled', { cause: signal.reason });
      const { turn } = turns[index]!;
      const intent = lastMessageIntent(turn.context, reader, components.titles);
      const turnStarted = clock();
      const ranking = await rank(turn, signal);
      outcomes[index] = {
        id: turn.id,
        ...ranking,
        intent,
        latencyMs: clock() - turnStarted,
        fold,
        popularity,
      };
      options.onProgress?.({ stage: 'turns', done: ++done, total: turns.length });
    }
  }
  const name = options.name ?? `${basename(dataset.files.turns, extname(dataset.files.turns))}-${pipeline}`;
  const report = summarizeEval(dataset, outcomes, {
    name,
    pipeline,
    folds,
    logSessions,
    weights,
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
  });
  return { report: { ...report, elapsedMs: clock() - started }, outcomes };
}
