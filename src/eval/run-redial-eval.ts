import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalog } from '../catalog/index.js';
import { buildCooccurrence } from '../collaborative/cooccurrence.js';
import { loadInteractionLog } from '../collaborative/interaction-log.js';
import { ConvrecError } from '../errors/index.js';
import { openOrBuildIndex, type BuildProgress } from '../index-store/index.js';
import { defaultRetrievalWeights, Retriever, type RetrievalWeights } from '../retrieval/retriever.js';
import { offlineAgentRanker } from './agent-ranker.js';
import { evaluateRankings, type ProtocolScores, type RetrievalEvalReport } from './evaluate-retrieval.js';
import { loadEvalTurns, type EvalTurn } from './redial-dataset.js';

export interface RedialEvalOptions {
  /** Folder with catalog.json, *_rec_turns.jsonl and train_sessions.jsonl. */
  dataset: string;
  split: 'valid' | 'test';
  /** Where the content index is cached. */
  indexDirectory: string;
  limit?: number;
  /** Score retrieval alone, or the whole offline agent turn (understand → tools → rank → explain). */
  pipeline?: 'retrieval' | 'agent';
  weights?: Partial<RetrievalWeights>;
  /** Folds for the valid split (see below). */
  folds?: number;
  onProgress?: (message: string, done?: number, total?: number) => void;
  signal?: AbortSignal;
}

export interface RedialEvalResult extends RetrievalEvalReport {
  split: string;
  pipeline: 'retrieval' | 'agent';
  folds: number;
  logSessions: number;
  weights: RetrievalWeights;
  elapsedMs: number;
}

async function retrievalRanking(
  retriever: Retriever,
  turn: EvalTurn,
  signal?: AbortSignal,
): Promise<string[]> {
  const { request } = retriever.readDialogue(turn.context);
  const candidates = await retriever.retrieve({ ...request, k: 150 }, signal);
  return candidates.map((candidate) => candidate.item.id);
}

/** Checks that the dataset folder has what the evaluation reads. */
export async function checkDataset(dataset: string, split: string): Promise<void> {
  for (const file of ['catalog.json', `${split}_rec_turns.jsonl`, 'train_sessions.jsonl']) {
    try {
      await access(join(dataset, file));
    } catch {
      throw new ConvrecError(
        'DATASET_INVALID',
        `${join(dataset, file)} not found: point --dataset at the ReDial folder (../shared/data/redial)`,
      );
    }
  }
}

function combine(
  parts: { report: RetrievalEvalReport; weight: number }[],
  key: 'standard' | 'novelOnly',
): ProtocolScores {
  const trials = parts.reduce((sum, part) => sum + part.report[key].trials, 0);
  const average = (field: Exclude<keyof ProtocolScores, 'trials'>) =>
    parts.reduce((sum, part) => sum + part.report[key][field] * part.report[key].trials, 0) /
    Math.max(trials, 1);
  return {
    trials,
    recallAt1: average('recallAt1'),
    recallAt10: average('recallAt10'),
    recallAt50: average('recallAt50'),
    ndcgAt10: average('ndcgAt10'),
    candidateRecallAt100: average('candidateRecallAt100'),
  };
}

/**
 * Offline retrieval evaluation on ReDial. The valid turns come from ReDial's training dialogues, which
 * are also in the interaction log, so on `valid` the co-occurrence signal is rebuilt per fold
 * without that fold's dialogues (no target leaks through the log). `test` uses the whole log.
 */
export async function runRedialEval(options: RedialEvalOptions): Promise<RedialEvalResult> {
  const started = performance.now();
  const { dataset, split } = options;
  await checkDataset(dataset, split);
  const progress = options.onProgress;
  progress?.('loading catalog and turns');
  const catalog = await loadCatalog(join(dataset, 'catalog.json'));
  const log = await loadInteractionLog(join(dataset, 'train_sessions.jsonl'));
  const turns = await loadEvalTurns(join(dataset, `${split}_rec_turns.jsonl`), options.limit);
  const { components } = await openOrBuildIndex({
    catalog,
    directory: options.indexDirectory,
    onProgress: (step: BuildProgress) => progress?.(`building index: ${step.stage}`, step.done, step.total),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const weights = { ...defaultRetrievalWeights, ...options.weights };
  const known = new Set(catalog.byId.keys());
  const evalDialogs = new Set(turns.map((turn) => turn.dialog_id));
  const leaks = log.sessions.some((session) => evalDialogs.has(session.sessionId));
  const folds = leaks ? (options.folds ?? 5) : 1;

  const groups: EvalTurn[][] = Array.from({ length: folds }, () => []);
  const dialogs = [...evalDialogs].sort();
  const foldOf = new Map(dialogs.map((dialog, index) => [dialog, index % folds]));
  for (const turn of turns) groups[foldOf.get(turn.dialog_id)!]!.push(turn);

  const parts: { report: RetrievalEvalReport; weight: number }[] = [];
  let logSessions = 0;
  let done = 0;
  for (const group of groups) {
    const held = new Set(group.map((turn) => turn.dialog_id));
    const sessions = log.sessions.filter((session) => !held.has(session.sessionId));
    logSessions = Math.max(logSessions, sessions.length);
    const retriever = new Retriever(
      { ...components, cooccurrence: buildCooccurrence(sessions, known) },
      weights,
    );
    const rank =
      options.pipeline === 'agent'
        ? await offlineAgentRanker(retriever)
        : (turn: EvalTurn, signal?: AbortSignal) => retrievalRanking(retriever, turn, signal);
    const report = await evaluateRankings(group, rank, {
      onProgress: () => progress?.('evaluating turns', ++done, turns.length),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    parts.push({ report, weight: group.length });
  }
  const latencies = parts.map((part) => part.report.latencyMs);
  return {
    split,
    pipeline: options.pipeline ?? 'retrieval',
    folds,
    logSessions,
    turns: turns.length,
    standard: combine(parts, 'standard'),
    novelOnly: combine(parts, 'novelOnly'),
    latencyMs: {
      p50: Math.max(...latencies.map((latency) => latency.p50)),
      p95: Math.max(...latencies.map((latency) => latency.p95)),
      mean:
        latencies.reduce((sum, latency, index) => sum + latency.mean * parts[index]!.weight, 0) /
        Math.max(turns.length, 1),
    },
    weights,
    elapsedMs: performance.now() - started,
  };
}
