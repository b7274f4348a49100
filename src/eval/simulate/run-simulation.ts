import { buildCooccurrence } from '../../collaborative/cooccurrence.js';
import { ConvrecError } from '../../errors/index.js';
import { openOrBuildIndex, type BuildProgress } from '../../index-store/index.js';
import { Retriever } from '../../retrieval/index.js';
import type { EvalDataset } from '../generic/eval-dataset.js';
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
  /** Default: the rules seeker. */
  seeker?: SeekerKind;
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
  const { components } = await openOrBuildIndex({
    catalog,
    directory: options.indexDirectory,
    onProgress: (build) => options.onProgress?.({ stage: 'index', build }),
    ...(options.onRebuild ? { onRebuild: options.onRebuild } : {}),
    ...(signal ? { signal } : {}),
  });
  const evaluated = new Set(turns.map(({ turn }) => turn.dialog_id ?? turn.id));
  const sessions = log?.filter((session) => !evaluated.has(session.sessionId));
  const known = new Set(catalog.byId.keys());
  const retriever = new Retriever(
    sessions ? { ...components, cooccurrence: buildCooccurrence(sessions, known) } : components,
  );
  const choice = options.agent ?? 'offline';
  const agent =
    choice === 'offline'
      ? await sessionAgent(retriever)
      : choice === 'retrieval'
        ? retrievalAgent(retriever)
        : await choice(retriever);
  const runnable = turns.filter(({ turn }) => catalog.byId.has(turn.target_ids[0]!));
  const dialogues: SimulatedDialogue[] = [];
  for (const { turn } of runnable) {
    if (signal?.aborted)
      throw new ConvrecError('ABORTED', 'the simulation was cancelled', { cause: signal.reason });
    const target = catalog.byId.get(turn.target_ids[0]!)!;
    const random = seededRandom(`${seed}:${turn.id}`);
    dialogues.push(
      await simulateDialogue(
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
      ),
    );
    options.onProgress?.({ stage: 'dialogues', done: dialogues.length, total: runnable.length });
  }
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
