import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConvrecError } from '../../src/errors/index.js';
import { loadEvalDataset, runEval, type EvalDataset, type EvalRun } from '../../src/eval/generic/index.js';
import { ModelCacheMissError, RecordReplayModel, type LanguageModel } from '../../src/model/index.js';
import { scriptedAgentModel } from './scripted-agent-model.js';

const fixtures = 'test/fixtures/eval-generic';
let directory: string;
let dataset: EvalDataset;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-llm-eval-'));
  dataset = await loadEvalDataset({
    catalog: join(fixtures, 'catalog.jsonl'),
    turns: join(fixtures, 'turns.jsonl'),
    log: join(fixtures, 'log.jsonl'),
  });
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

const evaluate = (
  model: LanguageModel,
  options: { concurrency?: number; signal?: AbortSignal; onTurn?: (done: number) => void } = {},
) =>
  runEval(dataset, {
    indexDirectory: join(directory, 'index'),
    name: 'llm',
    model,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (progress) => {
      if (progress.stage === 'turns') options.onTurn?.(progress.done);
    },
  });

/** The parts of a run that do not depend on time. */
const figures = ({ report, outcomes }: EvalRun) => ({
  rankings: outcomes.map((outcome) => [outcome.id, outcome.rankedIds, outcome.shown]),
  standard: report.standard,
  novelOnly: report.novelOnly,
  faithfulness: report.faithfulness,
  modelUsage: report.modelUsage,
});

describe('LLM-mode evaluation with a record/replay cache', () => {
  it('replays a recorded run with no model at all, with identical rankings, reasons and figures', async () => {
    const cache = join(directory, 'identical');
    const scripted = scriptedAgentModel();
    const recorded = await evaluate(
      RecordReplayModel.create({ directory: cache, mode: 'record', model: scripted }),
    );
    expect(scripted.calls.length).toBeGreaterThan(0);
    expect(recorded.report.pipeline).toBe('agent');
    const replayer = RecordReplayModel.create({
      directory: cache,
      mode: 'replay',
      modelId: 'scripted-agent',
    });
    const replayed = await evaluate(replayer, { concurrency: 3 });
    expect(figures(replayed)).toEqual(figures(recorded));
    expect(replayer.stats).toEqual({ replayed: scripted.calls.length, recorded: 0 });
  });

  it('reports the faithfulness of the model’s reasons and what the calls cost', async () => {
    const { report } = await evaluate(scriptedAgentModel());
    // Every list's second reason claims "a musical from 1931", which no fixture item is.
    expect(report.faithfulness.reasons).toBeGreaterThan(0);
    expect(report.faithfulness.unsupported.genre).toBeGreaterThan(0);
    expect(report.faithfulness.unsupported.year).toBeGreaterThan(0);
    expect(report.faithfulness.share).toBeLessThan(1);
    expect(report.faithfulness.examples[0]!.reason).toMatch(/musical from 1931/);
    expect(report.modelUsage).toMatchObject({ model: 'scripted-agent', turns: 4 });
    expect(report.modelUsage!.perHundredTurns.calls).toBe(report.modelUsage!.calls * 25);
  });

  it('stops at a call the recording does not hold, naming its key, instead of scoring a degraded turn', async () => {
    const empty = RecordReplayModel.create({
      directory: join(directory, 'empty'),
      mode: 'replay',
      modelId: 'scripted-agent',
    });
    const error = await evaluate(empty).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ModelCacheMissError);
    expect((error as Error).message).toMatch(
      /holds no response for model call [0-9a-f]{64} \(purpose "understand"/,
    );
  });

  it('resumes after a crash without repeating the recorded calls', async () => {
    const complete = scriptedAgentModel();
    const reference = await evaluate(
      RecordReplayModel.create({ directory: join(directory, 'reference'), mode: 'record', model: complete }),
    );

    const cache = join(directory, 'resumed');
    const first = scriptedAgentModel();
    const controller = new AbortController();
    const crashed = await evaluate(
      RecordReplayModel.create({ directory: cache, mode: 'record', model: first }),
      {
        signal: controller.signal,
        onTurn: (done) => {
          if (done === 2) controller.abort(new Error('crash'));
        },
      },
    ).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(isConvrecError(crashed, 'ABORTED')).toBe(true);
    expect(first.calls.length).toBeGreaterThan(0);
    expect(first.calls.length).toBeLessThan(complete.calls.length);

    const second = scriptedAgentModel();
    const resumedModel = RecordReplayModel.create({ directory: cache, mode: 'record', model: second });
    const resumed = await evaluate(resumedModel);
    expect(second.calls.length).toBe(complete.calls.length - first.calls.length);
    expect(resumedModel.stats).toEqual({ replayed: first.calls.length, recorded: second.calls.length });
    expect(figures(resumed)).toEqual(figures(reference));
  });
});
