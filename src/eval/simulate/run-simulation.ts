import type { BuildProgress } from '../../index-store/index.js';
import type { LanguageModel } from '../../model/language-model.js';
import { RecordReplayModel } from '../../model/record-replay/index.js';
import type { Retriever } from '../../retrieval/index.js';
import type { EvalDataset } from '../generic/eval-dataset.js';
import { dialogOf, heldOutRetriever, openEvalIndex, throwIfCancelled } from '../generic/eval-setup.js';
import { mapConcurrent } from '../generic/map-concurrent.js';
import { createRulesSeeker } from './rules-seeker.js';
import { seededRandom } from './seeded-random.js';
import type { SeekerKind } from './seeker.js';
import { simulateDialogue, type SimulatedDialogue } from './simulate-dialogue.js';
import { retrievalAgent, sessionAgent, type SimulatedAgent } from './simulated-agent.js';
import { summarizeSimulation, type SimulationMetrics } from './simulation-metrics.js';

/** The rules seeker (no model). */
export const rulesSeeker: SeekerKind = { name: 'rules', create: createRulesSeeker };

/** Progress of a simulation: the index build, then the dialogues. */
export type SimulationProgress =
  { stage: 'index'; build: BuildProgress } | { stage: 'dialogues'; done: number; total: number };

export interface SimulationOptions {
  /** Where the catalog's content index is cached (built when missing or stale). */
  indexDirectory: string;
  /** The whole offline agent (default) or the retrieval baseline; or your own agent. */
  agent?: 'offline' | 'retrieval' | ((retriever: Retriever) => SimulatedAgent | Promise<SimulatedAgent>);
  /** With `agent: 'offline'`: the agent's model (LLM mode); without it the agent runs offline. */
  model?: LanguageModel;
  /** Default: the rules seeker. */
  seeker?: SeekerKind;
  /** The models the run uses (the agent's, the seeker's): a replayed model's cache miss stops the run. */
  models?: readonly LanguageModel[];
  /** Dialogues simulated at once (default 1). The figures do not depend on it. */
  concurrency?: number;
  /** Agent turns before a dialogue counts as failed (default 5). */
  maxTurns?: number;
  /** Seeds every dialogue's choices with the dialogue id (default 1). */
  seed?: number;
  name?: string;
  onProgress?: (progress: SimulationProgress) => void;
  onRebuild?: (reason: string) => void;
  signal?: AbortSignal;
  clock?: () => number;
}

/** The figures of a simulation and how it ran. */
export interface SimulationReport extends SimulationMetrics {
  name: string;
  agent: string;
  seeker: string;
  seed: number;
  maxTurns: number;
  /** Turns left out because their first target is not a catalog id. */
  skippedTurns: number;
  elapsedMs: number;
}

/**
 * Simulates one dialogue per evaluation turn: the seeker's hidden target is the turn's first
 * target, the original dialogue is the turn's context, and the agent is reached through its public
 * session API. Log sessions of the evaluated dialogues are left out of the co-occurrence counts.
 */
export async function runSimulation(
  dataset: EvalDataset,
  options: SimulationOptions,
): Promise<{ report: SimulationReport; dialogues: SimulatedDialogue[] }> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { catalog, turns, log } = dataset;
  const signal = options.signal;
  const maxTurns = options.maxTurns ?? 5;
  const seed = options.seed ?? 1;
  const seeker = options.seeker ?? rulesSeeker;
  const components = await openEvalIndex(catalog, options);
  const evaluated = new Set(turns.map(({ turn }) => dialogOf(turn)));
  const { retriever } = heldOutRetriever(components, log, evaluated);
  const choice = options.agent ?? 'offline';
  const agent =
    choice === 'offline'
      ? await sessionAgent(retriever, options.model)
      : choice === 'retrieval'
        ? retrievalAgent(retriever)
        : await choice(retriever);
  const models = [...(options.models ?? []), ...(options.model ? [options.model] : [])];
  const runnable = turns.filter(({ turn }) => catalog.byId.has(turn.target_ids[0]!));
  let done = 0;
  const dialogues: SimulatedDialogue[] = await mapConcurrent(
    runnable,
    options.concurrency ?? 1,
    async ({ turn }) => {
      throwIfCancelled(signal, 'simulation');
      const target = catalog.byId.get(turn.target_ids[0]!)!;
      const random = seededRandom(`${seed}:${turn.id}`);
      const dialogue = await simulateDialogue(
        {
          id: turn.id,
          target,
          seeker: seeker.create({
            target,
            context: turn.context,
            catalog,
            titles: components.titles,
            random,
          }),
          conversation: agent.open(turn.id),
          items: catalog.byId,
          maxTurns,
        },
        signal,
      );
      for (const model of models) if (model instanceof RecordReplayModel) model.throwIfFailed();
      options.onProgress?.({ stage: 'dialogues', done: ++done, total: runnable.length });
      return dialogue;
    },
  );
  const report: SimulationReport = {
    name: options.name ?? `${agent.name} vs ${seeker.name} seeker`,
    agent: agent.name,
    seeker: seeker.name,
    seed,
    maxTurns,
    skippedTurns: turns.length - runnable.length,
    ...summarizeSimulation(dialogues, maxTurns),
    elapsedMs: clock() - started,
  };
  return { report, dialogues };
}
