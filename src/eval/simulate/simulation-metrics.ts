import type { SimulatedDialogue } from './simulate-dialogue.js';

/** Depth of the per-turn recall. */
export const simulationRecallDepth = 10;

/** Figures of a simulation run. */
export interface SimulationMetrics {
  dialogues: number;
  successes: number;
  /** `successWithin[n - 1]`: share of dialogues whose target was shown within n turns (n = 1…max). */
  successWithin: number[];
  /** Mean agent turns until the target was shown, over successful dialogues; null without any. */
  meanTurnsToSuccess: number | null;
  /**
   * `recallAt10ByTurn[t - 1]`: share of dialogues whose target was in the agent's top 10 at turn t;
   * a dialogue that already ended in success counts as a hit.
   */
  recallAt10ByTurn: number[];
  /** Items shown over all dialogues, divided by the successes; null without any. */
  itemsShownPerSuccess: number | null;
  /** Model calls and tokens (seeker and agent) per dialogue. */
  modelCallsPerDialogue: number;
  tokensPerDialogue: number;
}

/** Scores simulated dialogues of at most `maxTurns` agent turns. */
export function summarizeSimulation(dialogues: SimulatedDialogue[], maxTurns: number): SimulationMetrics {
  const total = dialogues.length;
  const share = (count: number) => (total === 0 ? 0 : count / total);
  const successful = dialogues.filter((dialogue) => dialogue.successTurn !== undefined);
  const successWithin: number[] = [];
  const recallAt10ByTurn: number[] = [];
  for (let turn = 1; turn <= maxTurns; turn++) {
    successWithin.push(share(successful.filter((dialogue) => dialogue.successTurn! <= turn).length));
    const hits = dialogues.filter((dialogue) => {
      if (dialogue.successTurn !== undefined && dialogue.successTurn < turn) return true;
      const rank = dialogue.turns[turn - 1]?.targetRank;
      return rank !== undefined && rank !== null && rank <= simulationRecallDepth;
    }).length;
    recallAt10ByTurn.push(share(hits));
  }
  const shown = dialogues.reduce(
    (sum, dialogue) => sum + dialogue.turns.reduce((count, turn) => count + turn.shownIds.length, 0),
    0,
  );
  const turnsToSuccess = successful.reduce((sum, dialogue) => sum + dialogue.successTurn!, 0);
  return {
    dialogues: total,
    successes: successful.length,
    successWithin,
    meanTurnsToSuccess: successful.length === 0 ? null : turnsToSuccess / successful.length,
    recallAt10ByTurn,
    itemsShownPerSuccess: successful.length === 0 ? null : shown / successful.length,
    modelCallsPerDialogue: share(dialogues.reduce((sum, dialogue) => sum + dialogue.modelCalls, 0)),
    tokensPerDialogue: share(dialogues.reduce((sum, dialogue) => sum + dialogue.tokens, 0)),
  };
}
