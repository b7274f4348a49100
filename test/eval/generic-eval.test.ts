import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadEvalDataset,
  rankingLines,
  runEval,
  writeRankings,
  type EvalDataset,
  type TurnRanking,
} from '../../src/eval/generic/index.js';

const fixtures = 'test/fixtures/eval-generic';
let directory: string;
let dataset: EvalDataset;

/** Every turn's ranking, fixed: t1 hits first, t2 second (first once the mentioned f3 is dropped), t3 shows no list, t4 misses. */
const scripted: Record<string, TurnRanking> = {
  t1: { rankedIds: ['f6', 'f1', 'f10'] },
  t2: { rankedIds: ['f3', 'f8', 'f4'] },
  t3: { rankedIds: [], reason: 'a question about an item' },
  t4: { rankedIds: ['f2', 'f4'] },
};

const evaluate = (data: EvalDataset, name = 'scripted') =>
  runEval(data, {
    indexDirectory: join(directory, 'index'),
    name,
    ranker: () => async (turn) => scripted[turn.id]!,
  });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-eval-run-'));
  dataset = await loadEvalDataset({
    catalog: join(fixtures, 'catalog.jsonl'),
    turns: join(fixtures, 'turns.jsonl'),
    log: join(fixtures, 'log.jsonl'),
  });
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('evaluating a generic data set', () => {
  it('scores a hand-computable case under both protocols', async () => {
    const { report } = await evaluate(dataset);
    expect(report.turns).toBe(4);
    expect(report.standard).toMatchObject({ trials: 4, recallAt1: 0.25, recallAt10: 0.5, recallAt50: 0.5 });
    // Reciprocal ranks 1, 1/2, 0, 0.
    expect(report.standard.mrr).toBeCloseTo(0.375, 12);
    // Novel-only: f3 (mentioned in t2) is dropped, so f8 moves to first.
    expect(report.novelOnly).toMatchObject({ trials: 4, recallAt1: 0.5, recallAt10: 0.5 });
    expect(report.novelOnly.mrr).toBeCloseTo(0.5, 12);
    expect(report.recallAtK.standard).toHaveLength(50);
    expect(report.recallAtK.standard.slice(0, 3)).toEqual([0.25, 0.5, 0.5]);
    expect(report.withoutList).toEqual({ turns: 1, reasons: { 'a question about an item': 1 } });
  });

  it('ranks the same turns by log mentions as the popularity baseline, and gives the ratio to it', async () => {
    const { report } = await evaluate(dataset);
    // Log mentions: f1 3, f3 2, f6 2, f2 1, f8 1, the rest 0 (ties in catalog order):
    // f1 f3 f6 f2 f8 f4 f5 f7 f9 f10. Targets f6, f8, f2, f9 sit at ranks 3, 5, 4, 9.
    const popularityMrr = (1 / 3 + 1 / 5 + 1 / 4 + 1 / 9) / 4;
    expect(report.popularity.standard).toMatchObject({ recallAt1: 0, recallAt10: 1 });
    expect(report.popularity.standard.mrr).toBeCloseTo(popularityMrr, 12);
    expect(report.ratioToPopularity.standard.recallAt10).toBeCloseTo(0.5, 12);
    expect(report.ratioToPopularity.standard.mrr).toBeCloseTo(0.375 / popularityMrr, 12);
    // Novel-only: the mentioned f1 (t1) and f3 (t2) and f2 (t4) leave the list: ranks 2, 4, 4, 8.
    expect(report.popularity.novelOnly.mrr).toBeCloseTo((1 / 2 + 1 / 4 + 1 / 4 + 1 / 8) / 4, 12);
  });

  it('ranks by catalog order when there is no log', async () => {
    const { log: _log, ...withoutLog } = dataset;
    const { report } = await evaluate({ ...withoutLog, files: { ...dataset.files } });
    // Catalog order f1…f10: targets f6, f8, f2, f9 at ranks 6, 8, 2, 9.
    expect(report.logSessions).toBe(0);
    expect(report.popularity.standard.mrr).toBeCloseTo((1 / 6 + 1 / 8 + 1 / 2 + 1 / 9) / 4, 12);
  });

  it('gives the same seeded 95% intervals on every run, around the figure', async () => {
    const first = (await evaluate(dataset)).report.intervals;
    const second = (await evaluate(dataset)).report.intervals;
    expect(second).toEqual(first);
    const [low, high] = first.standard.recallAt10;
    expect(low).toBeLessThanOrEqual(0.5);
    expect(high).toBeGreaterThanOrEqual(0.5);
    expect(high).toBeGreaterThan(low);
  });

  it("breaks the figures down by the offline reader's intent of the last user message", async () => {
    const { report } = await evaluate(dataset);
    const groups = report.byIntent.standard;
    expect(groups.request).toMatchObject({ turns: 1, recallAt1: 1 });
    expect(groups.refinement).toMatchObject({ turns: 1, recallAt10: 1 });
    expect(groups.question).toMatchObject({ turns: 1, recallAt50: 0 });
    expect(groups['small talk']).toMatchObject({ turns: 1, recallAt50: 0 });
  });

  it('dumps one line per turn that recomputes the figures, with the reason where there is no list', async () => {
    const run = await evaluate(dataset);
    const file = join(directory, 'rankings.jsonl');
    await writeRankings(file, rankingLines(run.outcomes));
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; ranked_ids: string[]; reason?: string });
    expect(lines).toEqual([
      { id: 't1', ranked_ids: ['f6', 'f1', 'f10'] },
      { id: 't2', ranked_ids: ['f3', 'f8', 'f4'] },
      { id: 't3', ranked_ids: [], reason: 'a question about an item' },
      { id: 't4', ranked_ids: ['f2', 'f4'] },
    ]);
    // An independent scorer over the dump and the turns file agrees with the report.
    const turns = (await readFile(join(fixtures, 'turns.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; target_ids: string[] });
    const ranks = turns.flatMap((turn) =>
      turn.target_ids.map((target) => lines.find((line) => line.id === turn.id)!.ranked_ids.indexOf(target)),
    );
    const recallAt10 = ranks.filter((rank) => rank >= 0 && rank < 10).length / ranks.length;
    expect(recallAt10).toBe(run.report.standard.recallAt10);
  });

  it('holds out the log sessions of the evaluated dialogues, fold by fold', async () => {
    const turns = join(directory, 'turns-with-dialogs.jsonl');
    const source = await readFile(join(fixtures, 'turns.jsonl'), 'utf8');
    // t3 comes from dialogue s4, the only session mentioning its target f2.
    await writeFile(turns, source.replace('{"id":"t3",', '{"id":"t3","dialog_id":"s4",'));
    const data = await loadEvalDataset({ ...dataset.files, turns });
    const { report, outcomes } = await evaluate(data);
    expect(report.folds).toBe(5);
    expect(report.logSessions).toBe(4);
    // Without s4, f2 has no mention left: it falls behind f8 to the unmentioned items' catalog order.
    expect(outcomes[2]!.popularity.ids.slice(0, 5)).toEqual(['f1', 'f3', 'f6', 'f8', 'f2']);
    expect(outcomes[0]!.popularity.ids.slice(0, 5)).toEqual(['f1', 'f3', 'f6', 'f2', 'f8']);
  });
});
