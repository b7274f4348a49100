import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ConvrecError } from '../errors/index.js';
import type { RetrievalWeights } from '../retrieval/index.js';
import { loadEvalDataset, type EvalDatasetFiles } from './generic/eval-dataset.js';
import type { EvalReport } from './generic/eval-report.js';
import { runEval, type EvalOptions, type EvalRun } from './generic/run-eval.js';

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

export interface RedialEvalResult extends EvalReport {
  split: string;
}

/**
 * The ReDial adapter of the generic evaluation: the catalog, a split's turns (already in the generic
 * turns format, `dialog_id` included) and the training sessions as the interaction log.
 */
export function redialFiles(dataset: string, split: string): Required<EvalDatasetFiles> {
  return {
    catalog: join(dataset, 'catalog.json'),
    turns: join(dataset, `${split}_rec_turns.jsonl`),
    log: join(dataset, 'train_sessions.jsonl'),
  };
}

/** Checks that the dataset folder has what the evaluation reads. */
export async function checkDataset(dataset: string, split: string): Promise<void> {
  for (const file of Object.values(redialFiles(dataset, split))) {
    try {
      await access(file);
    } catch {
      throw new ConvrecError(
        'DATASET_INVALID',
        `${file} not found: point --dataset at the ReDial folder (../shared/data/redial)`,
      );
    }
  }
}

/**
 * Runs a ReDial split through the generic evaluation (`runEval`), returning the rankings too. The
 * valid turns come from ReDial's training dialogues, which are also in the interaction log, so on
 * `valid` the co-occurrence signal is rebuilt per fold without that fold's dialogues (no target
 * leaks through the log). `test` uses the whole log.
 */
export async function runRedialSplit(
  options: Pick<RedialEvalOptions, 'dataset' | 'split' | 'limit'> & EvalOptions,
): Promise<EvalRun & { split: string }> {
  const { dataset, split, limit, ...evalOptions } = options;
  await checkDataset(dataset, split);
  const data = await loadEvalDataset(redialFiles(dataset, split), limit === undefined ? {} : { limit });
  const run = await runEval(data, {
    name: `redial-${split}-${evalOptions.pipeline ?? 'retrieval'}`,
    ...evalOptions,
  });
  return { ...run, split };
}

/** Offline evaluation on a ReDial split (see `runRedialSplit`): the report. */
export async function runRedialEval(options: RedialEvalOptions): Promise<RedialEvalResult> {
  const { onProgress, ...rest } = options;
  onProgress?.('loading catalog and turns');
  const run = await runRedialSplit({
    ...rest,
    ...(onProgress
      ? {
          onProgress: (progress) =>
            progress.stage === 'index'
              ? onProgress(
                  `building index: ${progress.build.stage}`,
                  progress.build.done,
                  progress.build.total,
                )
              : onProgress('evaluating turns', progress.done, progress.total),
        }
      : {}),
  });
  return { ...run.report, split: run.split };
}
