import type { Interaction } from '../../collaborative/interaction-log.js';
import { loadCatalog, type Catalog, type LoadCatalogOptions } from '../../catalog/index.js';
import { DatasetError } from '../../errors/index.js';
import type { DatasetLimits } from './dataset-limits.js';
import { loadEvalLog } from './load-log.js';
import { loadDatasetTurns, type LocatedTurn } from './load-turns.js';

/** Where an evaluation data set comes from. */
export interface EvalDatasetFiles {
  /** Any catalog the loader takes (JSONL, JSON array or keyed object, CSV). */
  catalog: string;
  /** JSONL of `{id, context: [{role, text}], target_ids[], mentioned_ids?, dialog_id?}`. */
  turns: string;
  /** Optional JSONL interaction log of `{session_id | user_id, item_ids[]}`. */
  log?: string;
}

/** A catalog, its evaluation turns and (optionally) an interaction log, validated. */
export interface EvalDataset {
  files: EvalDatasetFiles;
  catalog: Catalog;
  turns: LocatedTurn[];
  /** Sessions of the log; absent without one. */
  log?: Interaction[];
  /** Targets that are not catalog ids (they count as misses), with the first one's line. */
  unknownTargets: { count: number; trials: number; first?: { line: number; id: string } };
}

export interface LoadEvalDatasetOptions {
  limit?: number;
  catalogOptions?: LoadCatalogOptions;
  limits?: Pick<DatasetLimits, 'maxFileBytes' | 'maxLineChars'>;
}

/**
 * Loads and validates an evaluation data set. A bad turn or log line names `file:line`; turns whose
 * targets are all outside the catalog are a DATASET_INVALID error (the ids do not match), a few
 * unknown targets are counted as misses and reported.
 */
export async function loadEvalDataset(
  files: EvalDatasetFiles,
  options: LoadEvalDatasetOptions = {},
): Promise<EvalDataset> {
  const catalog = await loadCatalog(files.catalog, options.catalogOptions);
  const limits = options.limits ? { limits: options.limits } : {};
  const turns = await loadDatasetTurns(files.turns, {
    ...limits,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  const log = files.log === undefined ? undefined : await loadEvalLog(files.log, limits);
  let count = 0;
  let trials = 0;
  let first: { line: number; id: string } | undefined;
  for (const { turn, line } of turns) {
    for (const id of turn.target_ids) {
      trials++;
      if (catalog.byId.has(id)) continue;
      count++;
      first ??= { line, id };
    }
  }
  if (first && count === trials) {
    throw new DatasetError(
      'DATASET_INVALID',
      `no target id is a catalog id (first: "${first.id}"); the turns and the catalog must use the same ids`,
      { file: files.turns, line: first.line, field: 'target_ids' },
    );
  }
  return {
    files,
    catalog,
    turns,
    ...(log ? { log } : {}),
    unknownTargets: { count, trials, ...(first ? { first } : {}) },
  };
}
