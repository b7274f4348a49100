import { join, resolve } from 'node:path';
import type { ConvrecConfig } from '../../config/load-config.js';
import type { EvalDatasetFiles } from '../../eval/generic/index.js';
import { checkDataset, redialFiles } from '../../eval/run-redial-eval.js';
import { ConvrecError } from '../../errors/index.js';
import type { LanguageModel } from '../../model/language-model.js';
import { RecordReplayModel } from '../../model/record-replay/index.js';
import { modelFromConfig } from '../open-agent.js';
import { defaultIndexDirectory } from '../paths.js';

/** The data options `convrec eval` and `convrec simulate` share. */
export interface DataCliOptions {
  turns?: string;
  catalog?: string;
  log?: string;
  dataset?: string;
  split?: string;
  indexDir?: string;
}

/** The model options they share: an endpoint model, and the record/replay cache of its calls. */
export interface ModelCliOptions {
  model?: string;
  record?: string;
  replay?: string;
  concurrency?: string;
}

/** Where a run's data is: its files, the index folder, and a title for the report. */
export interface ResolvedData {
  files: EvalDatasetFiles;
  indexDirectory: string;
  title: string;
  /** The ReDial split and folder, when the data is ReDial. */
  redial?: { split: 'valid' | 'test'; dataset: string };
}

/** `text` as a whole number ≥ 1; a CONFIG_INVALID error names the option otherwise. */
export function positiveWhole(text: string, option: string): number {
  const value = Number(text);
  if (!(Number.isInteger(value) && value > 0))
    throw new ConvrecError('CONFIG_INVALID', `${option} must be a positive whole number, got "${text}"`);
  return value;
}

/**
 * Your own data (`--turns`, with `--catalog` or `defaultCatalog`, and `--log`) or a ReDial split
 * (`--split`, `--dataset`), with the index folder each is cached in.
 */
export async function resolveData(
  options: DataCliOptions,
  settings: ConvrecConfig,
  defaultCatalog: string | undefined,
): Promise<ResolvedData> {
  const base = settings.indexDirectory ?? join(process.cwd(), '.convrec', 'indexes');
  if (options.turns) {
    const catalog = options.catalog ?? defaultCatalog;
    if (!catalog)
      throw new ConvrecError('CONFIG_INVALID', '--catalog and --turns go together (--log is optional)');
    return {
      files: { catalog, turns: options.turns, ...(options.log ? { log: options.log } : {}) },
      indexDirectory: options.indexDir ?? defaultIndexDirectory(catalog, join(base, 'eval')),
      title: options.turns,
    };
  }
  if (options.catalog || options.log)
    throw new ConvrecError('CONFIG_INVALID', '--catalog and --log go with --turns');
  const split = options.split ?? 'test';
  if (split !== 'valid' && split !== 'test')
    throw new ConvrecError('CONFIG_INVALID', `--split must be valid or test, got "${split}"`);
  const dataset = resolve(options.dataset ?? settings.dataDirectory);
  await checkDataset(dataset, split);
  return {
    files: redialFiles(dataset, split),
    indexDirectory: options.indexDir ?? '.convrec/indexes/redial',
    title: `ReDial ${split}`,
    redial: { split, dataset },
  };
}

/**
 * The model a run calls: replayed from `--replay DIR` (no network; the model name from `--model`
 * or CONVREC_MODEL), or the configured endpoint model, recorded into `--record DIR` when asked.
 * Undefined when no model is asked for (`required` false) and none is configured.
 */
export function modelFromOptions(
  options: ModelCliOptions,
  settings: ConvrecConfig,
  required: string | undefined,
): LanguageModel | undefined {
  if (options.record && options.replay)
    throw new ConvrecError('CONFIG_INVALID', '--record and --replay do not go together');
  if (options.replay) {
    const modelId = options.model ?? settings.openai.model;
    if (!modelId)
      throw new ConvrecError('CONFIG_INVALID', '--replay needs the name of the recorded model: pass --model');
    return RecordReplayModel.create({ directory: options.replay, mode: 'replay', modelId });
  }
  const { apiKey, baseURL } = settings.openai;
  const wanted = required !== undefined || options.model !== undefined || options.record !== undefined;
  if (!wanted) return undefined;
  const model =
    apiKey || baseURL ? modelFromConfig(settings, options.model ? { model: options.model } : {}) : undefined;
  if (!model)
    throw new ConvrecError(
      'MODEL_NOT_CONFIGURED',
      `${required ?? '--model'} needs an OpenAI-compatible endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL (or replay a recording with --replay DIR)`,
    );
  return options.record
    ? RecordReplayModel.create({ directory: options.record, mode: 'record', model })
    : model;
}

/** `--concurrency`, default 4 with a model (calls wait on the network) and 1 offline. */
export function concurrencyFrom(options: ModelCliOptions, model: LanguageModel | undefined): number {
  return options.concurrency === undefined
    ? model
      ? 4
      : 1
    : positiveWhole(options.concurrency, '--concurrency');
}

/** What a run needs from its options: the model (if any), the concurrency and the data. */
export interface PreparedRun {
  model: LanguageModel | undefined;
  concurrency: number;
  data: ResolvedData;
  /** The cache line to print after the run (see `cacheSummary`). */
  cacheLine: () => string | undefined;
}

/**
 * The model (see `modelFromOptions`; `required` names the option that needs one), the concurrency
 * and the data (see `resolveData`) of an `eval` or `simulate` run, the model first so that a
 * missing endpoint fails before any data is read.
 */
export async function prepareRun(
  options: DataCliOptions & ModelCliOptions,
  settings: ConvrecConfig,
  needs: { model: string | undefined; defaultCatalog: string | undefined },
): Promise<PreparedRun> {
  const model = modelFromOptions(options, settings, needs.model);
  const concurrency = concurrencyFrom(options, model);
  const data = await resolveData(options, settings, needs.defaultCatalog);
  return { model, concurrency, data, cacheLine: () => cacheSummary(model, options) };
}

/** "model calls: 12 replayed from DIR, 3 recorded into DIR", or nothing without a cache. */
export function cacheSummary(model: LanguageModel | undefined, options: ModelCliOptions): string | undefined {
  if (!(model instanceof RecordReplayModel)) return undefined;
  const { replayed, recorded } = model.stats;
  const directory = options.replay ?? options.record;
  return `model calls: ${replayed} answered from ${directory}${options.record ? `, ${recorded} made and recorded` : ''}`;
}
