import { describe, expect, it } from 'vitest';
import {
  formatSimulationMarkdown,
  summarizeSimulation,
  type SimulatedDialogue,
} from '../../src/eval/simulate/index.js';

const five = ['a', 'b', 'c', 'd', 'e'];
const turn = (targetRank: number | null, shownIds = five) => ({ seeker: 'hi', shownIds, targetRank });

/** A: found at once; B: found at turn 3; C: never shown (one turn without a list); D: never, with model use. */
const dialogues: SimulatedDialogue[] = [
  { id: 'A', targetId: 't', turns: [turn(1)], successTurn: 1, modelCalls: 0, tokens: 0 },
  { id: 'B', targetId: 't', turns: [turn(20), turn(8), turn(2)], successTurn: 3, modelCalls: 0, tokens: 0 },
  { id: 'C', targetId: 't', turns: [turn(null), turn(null, []), turn(9)], modelCalls: 0, tokens: 0 },
  { id: 'D', targetId: 't', turns: [turn(null), turn(null), turn(null)], modelCalls: 4, tokens: 100 },
];

describe('simulation metrics', () => {
  it('scores a hand-built case', () => {
    const metrics = summarizeSimulation(dialogues, 3);
    expect(metrics).toMatchObject({ dialogues: 4, successes: 2, meanTurnsToSuccess: 2 });
    expect(metrics.successWithin).toEqual([0.25, 0.25, 0.5]);
    // Turn 2: A already succeeded, B's target is 8th; turn 3: A, B (2nd) and C (9th).
    expect(metrics.recallAt10ByTurn).toEqual([0.25, 0.5, 0.75]);
    // 5 + 15 + 10 + 15 items shown, two successes.
    expect(metrics.itemsShownPerSuccess).toBe(22.5);
    expect(metrics.modelCallsPerDialogue).toBe(1);
    expect(metrics.tokensPerDialogue).toBe(25);
  });

  it('has no mean turns or items per success without a success', () => {
    const metrics = summarizeSimulation(dialogues.slice(2), 3);
    expect(metrics.meanTurnsToSuccess).toBeNull();
    expect(metrics.itemsShownPerSuccess).toBeNull();
    expect(metrics.successWithin).toEqual([0, 0, 0]);
  });

  it('prints success within n turns and recall@10 per turn as a table', () => {
    const text = formatSimulationMarkdown({
      ...summarizeSimulation(dialogues, 3),
      name: 'hand-built',
      agent: 'test',
      seeker: 'rules',
      seed: 1,
      maxTurns: 3,
      skippedTurns: 0,
      elapsedMs: 1,
    });
    expect(text).toContain('| success within n turns | 25.0% | 25.0% | 50.0% |');
    expect(text).toContain('| recall@10 at turn n | 25.0% | 50.0% | 75.0% |');
    expect(text).toContain('mean turns to success 2.00, items shown per success 22.5');
  });
});
