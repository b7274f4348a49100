import { ConvrecError } from '../../errors/index.js';
import type { SessionRecord } from '../../profile/profile-store.js';
import type { Reranker } from '../../ranking/reranker.js';
import { MeteredModel } from '../../usage/metered-model.js';
import type { AgentDependencies } from '../agent-dependencies.js';
import { createToolRunner } from '../tool-runner.js';
import type { Degradation, TurnEvent } from '../turn-events.js';

/** What every step of one turn shares: the dependencies, the metered model, the tools, the events. */
export interface TurnRuntime {
  dependencies: AgentDependencies;
  session: SessionRecord;
  turn: number;
  /** The turn's model, metered so its calls count in the turn's usage; absent offline. */
  model?: MeteredModel;
  /** Built over the metered model, so its calls count too. */
  reranker?: Reranker;
  tools: ReturnType<typeof createToolRunner>;
  emit: (event: TurnEvent) => void;
  degraded: Degradation[];
  degrade: (degradation: Degradation) => void;
  started: number;
  signal?: AbortSignal;
}

/** Starts a turn: meters the model, opens the tools and announces the turn. */
export function startTurn(
  dependencies: AgentDependencies,
  session: SessionRecord,
  emit: (event: TurnEvent) => void,
  signal?: AbortSignal,
): TurnRuntime {
  const { clock } = dependencies;
  const model = dependencies.model
    ? new MeteredModel(dependencies.model, dependencies.tokenCounter, clock)
    : undefined;
  const reranker = model && dependencies.createReranker ? dependencies.createReranker(model) : undefined;
  const turn = session.turns + 1;
  const degraded: Degradation[] = [];
  const degrade = (degradation: Degradation) => {
    degraded.push(degradation);
    emit({ type: 'degraded', degradation });
  };
  const tools = createToolRunner(
    dependencies,
    { userId: session.userId, sessionId: session.id, turn },
    emit,
    degrade,
    signal,
  );
  emit({ type: 'turn-start', sessionId: session.id, turn, mode: model ? 'llm' : 'offline' });
  return {
    dependencies,
    session,
    turn,
    ...(model ? { model } : {}),
    ...(reranker ? { reranker } : {}),
    tools,
    emit,
    degraded,
    degrade,
    started: clock(),
    ...(signal ? { signal } : {}),
  };
}

/** Throws the cancellation as a ConvrecError when the turn's signal fired. */
export function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ConvrecError('ABORTED', 'the turn was cancelled', { cause: signal.reason });
}
