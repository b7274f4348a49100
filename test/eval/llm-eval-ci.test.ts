import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEvalMarkdown, loadEvalDataset, runEval } from '../../src/eval/generic/index.js';
import { RecordReplayModel } from '../../src/model/index.js';

// Recorded from the scripted agent model (test/eval/scripted-agent-model.ts) by
// test/fixtures/eval-replay/record-fixture.ts; re-record after a prompt or agent change.
const recording = 'test/fixtures/eval-replay/cache';
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-llm-eval-ci-'));
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

describe('a replayed LLM-mode evaluation (CI, no endpoint)', () => {
  it('scores the recorded model calls to the same figures every time', async () => {
    const dataset = await loadEvalDataset({
      catalog: 'test/fixtures/eval-generic/catalog.jsonl',
      turns: 'test/fixtures/eval-generic/turns.jsonl',
      log: 'test/fixtures/eval-generic/log.jsonl',
    });
    const model = RecordReplayModel.create({
      directory: recording,
      mode: 'replay',
      modelId: 'scripted-agent',
    });
    const { report } = await runEval(dataset, {
      indexDirectory: join(directory, 'index'),
      name: 'replayed',
      model,
      concurrency: 2,
    });
    expect(model.stats).toEqual({ replayed: 8, recorded: 0 });
    expect(report.pipeline).toBe('agent');
    expect(report.standard).toMatchObject({
      trials: 4,
      recallAt1: 0.25,
      recallAt10: 1,
      recallAt50: 1,
      mrr: 0.55,
    });
    expect(report.standard.ndcgAt10).toBeCloseTo(0.66218, 5);
    // Every list's second reason is "a musical from 1931": 4 of 20 reasons are unfaithful.
    expect(report.faithfulness).toMatchObject({
      reasons: 20,
      faithful: 16,
      share: 0.8,
      unsupported: { genre: 4, person: 0, year: 4, title: 0 },
    });
    expect(report.modelUsage).toEqual({
      model: 'scripted-agent',
      turns: 4,
      calls: 8,
      inputTokens: 8000,
      outputTokens: 480,
      degradedTurns: 0,
      perHundredTurns: { calls: 200, inputTokens: 200000, outputTokens: 12000 },
    });
    const markdown = formatEvalMarkdown(report);
    expect(markdown).toContain('Faithful explanations: 0.800 (16 of 20 shown reasons');
    expect(markdown).toContain('per 100 turns: 200 calls, 200000 + 12000 tokens');
  });
});
