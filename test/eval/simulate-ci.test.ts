import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogPath } from '../../src/cli/paths.js';
import { loadEvalDataset, type EvalDataset } from '../../src/eval/generic/index.js';
import {
  llmSeeker,
  runSimulation,
  type SimulatedDialogue,
  type SimulationOptions,
} from '../../src/eval/simulate/index.js';
import { ModelCacheMissError, RecordReplayModel, type GenerateRequest } from '../../src/model/index.js';
import { loadPrompt, promptsDirectory } from '../../src/prompts/load-prompt.js';
import { ScriptedModel } from '../../src/testing/index.js';

let directory: string;
let dataset: EvalDataset;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-simulate-ci-'));
  dataset = await loadEvalDataset({
    catalog: demoCatalogPath(),
    turns: 'test/fixtures/eval-replay/simulate-turns.jsonl',
  });
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

const simulate = (options: Omit<SimulationOptions, 'indexDirectory'> = {}) =>
  runSimulation(dataset, { indexDirectory: join(directory, 'index'), seed: 1, ...options });

/**
 * What the seeker said and saw, and when it succeeded. The target's rank deep below the shown items
 * may move by one with concurrency (some agent state is shared across sessions), so it is left out.
 */
const seen = (dialogues: SimulatedDialogue[]) =>
  dialogues.map((dialogue) => [
    dialogue.id,
    dialogue.successTurn,
    dialogue.modelCalls,
    dialogue.turns.map((turn) => [turn.seeker, turn.shownIds]),
  ]);

/** The LLM seeker's answer as a function of its prompt: the first genre of the hidden target. */
function seekerAnswer(request: GenerateRequest) {
  const prompt = request.messages.map((message) => message.content).join('\n');
  const genre = /^genres?: ([^,\n]+)/m.exec(prompt)?.[1] ?? 'good';
  return {
    text: `something ${genre} please, not what you showed`,
    usage: { inputTokens: 300, outputTokens: 8 },
  };
}

describe('a 20-target simulation (CI)', () => {
  it('computes the same figures every run, whatever the concurrency', async () => {
    const one = await simulate();
    const two = await simulate({ concurrency: 3 });
    expect(one.report.dialogues).toBe(20);
    expect(one.report.successWithin).toHaveLength(5);
    expect(
      one.report.successWithin.every((share, index, all) => index === 0 || share >= all[index - 1]!),
    ).toBe(true);
    const { elapsedMs: _one, ...figures } = one.report;
    const { elapsedMs: _two, ...again } = two.report;
    expect(again).toEqual(figures);
    expect(seen(two.dialogues)).toEqual(seen(one.dialogues));
    // The offline agent's figures on this fixture (update deliberately when the agent changes).
    expect({
      successes: figures.successes,
      successWithin: figures.successWithin.map((share) => Number(share.toFixed(2))),
      meanTurnsToSuccess:
        figures.meanTurnsToSuccess === null ? null : Number(figures.meanTurnsToSuccess.toFixed(2)),
      modelCallsPerDialogue: figures.modelCallsPerDialogue,
    }).toMatchInlineSnapshot(`
      {
        "meanTurnsToSuccess": 1.89,
        "modelCallsPerDialogue": 0,
        "successWithin": [
          0.35,
          0.7,
          0.85,
          0.9,
          0.9,
        ],
        "successes": 18,
      }
    `);
  });

  it('replays an LLM seeker with no model: the same dialogues, and a miss stops the run', async () => {
    const prompt = await loadPrompt(join(promptsDirectory(), 'simulated-seeker.md'));
    const cache = join(directory, 'seeker-cache');
    const scripted = new ScriptedModel(
      Array.from({ length: 200 }, () => seekerAnswer),
      { modelId: 'seeker' },
    );
    const recorder = RecordReplayModel.create({ directory: cache, mode: 'record', model: scripted });
    const recorded = await simulate({
      seeker: llmSeeker({ model: recorder, prompt }),
      models: [recorder],
      concurrency: 4,
    });
    expect(recorded.report.modelCallsPerDialogue).toBeGreaterThan(0);

    const replayer = RecordReplayModel.create({ directory: cache, mode: 'replay', modelId: 'seeker' });
    const replayed = await simulate({ seeker: llmSeeker({ model: replayer, prompt }), models: [replayer] });
    expect(seen(replayed.dialogues)).toEqual(seen(recorded.dialogues));
    expect(replayer.stats.replayed).toBe(scripted.calls.length);

    const empty = RecordReplayModel.create({
      directory: join(directory, 'none'),
      mode: 'replay',
      modelId: 'seeker',
    });
    // The seeker falls back to the rules seeker on a model error; the run stops anyway.
    await expect(
      simulate({ seeker: llmSeeker({ model: empty, prompt }), models: [empty] }),
    ).rejects.toBeInstanceOf(ModelCacheMissError);
  });
});
