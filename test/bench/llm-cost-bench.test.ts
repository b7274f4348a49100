import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCostBench, type CallCost, type CostBenchRun, type TurnCost } from '../../bench/llm-cost-run.js';
import {
  cardsInPrompt,
  popularItems,
  rerankAnswer,
  scriptedUnderstanding,
  windowAnswer,
} from '../../bench/llm-cost-script.js';
import { summarizeRun } from '../../bench/llm-cost-stats.js';
import { formatCostTable } from '../../bench/llm-cost-table.js';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { parsePermutation, parseRerankOutput } from '../../src/ranking/rerank-output.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { understandingSchema } from '../../src/understanding/understanding-schema.js';
import { loadO200kCounter } from '../../src/usage/token-counter.js';
import { openDemoRetriever } from '../helpers/demo-retriever.js';

let retriever: Retriever;
let dispose: () => Promise<void>;
let run: CostBenchRun;

const turns = [
  {
    id: 'heat',
    context: [
      { role: 'assistant' as const, text: 'Hi! What do you feel like watching?' },
      { role: 'user' as const, text: 'I loved Heat, something like it please' },
    ],
    excludeIds: [] as string[],
  },
  {
    id: 'kids',
    context: [{ role: 'user' as const, text: 'a funny animated movie for the kids' }],
    excludeIds: [] as string[],
  },
];

beforeAll(async () => {
  ({ retriever, dispose } = await openDemoRetriever());
  const tokenCounter = await loadO200kCounter();
  run = await runCostBench({ retriever, tokenCounter, popular: popularItems(retriever) }, turns);
}, 120_000);

afterAll(async () => {
  await dispose();
});

const purposes = (turn: TurnCost) => turn.calls.map((call) => call.purpose);

describe('LLM cost bench on the demo catalog', () => {
  it('runs one-pass in two calls and the sliding window in four, over the same 40 candidates', () => {
    for (const [index, onePass] of run.onePass.entries()) {
      const sliding = run.slidingWindow[index]!;
      expect(purposes(onePass)).toEqual(['understand', 'rerank']);
      expect(purposes(sliding)).toEqual(['understand', 'rerank-window', 'rerank-window', 'rerank']);
      expect(onePass.calls[1]!.cards).toBe(40);
      expect(sliding.calls.slice(1).map((call) => call.cards)).toEqual([20, 20, 20]);
      expect(onePass.candidates).toHaveLength(40);
      expect(sliding.candidates).toEqual(onePass.candidates);
      expect(sliding.candidateFingerprint).toBe(onePass.candidateFingerprint);
      // The scripted answers are valid, so nothing fell back and the cost is the real path's.
      expect(onePass.degraded).toEqual([]);
      expect(sliding.degraded).toEqual([]);
    }
    expect(run.onePass[0]!.candidates).not.toEqual(run.onePass[1]!.candidates);
    // The strategies take turns going first, so neither always finds the caches warm.
    expect(run.onePass.map((turn) => turn.ranFirst)).toEqual([true, false]);
    expect(run.slidingWindow.map((turn) => turn.ranFirst)).toEqual([false, true]);
  });

  it('counts every call with the tokenizer and keeps model time out of the non-LLM time', () => {
    for (const turn of [...run.onePass, ...run.slidingWindow]) {
      for (const call of turn.calls) {
        expect(call.inputTokens).toBeGreaterThan(100);
        expect(call.outputTokens).toBeGreaterThan(0);
        // o200k averages well over two bytes a token on English cards (understand also sends its schema).
        if (call.cards > 0) expect(call.promptBytes).toBeGreaterThan(call.inputTokens * 2);
      }
      const modelMs = turn.calls.reduce((sum, call) => sum + call.ms, 0);
      expect(turn.modelMs).toBeCloseTo(modelMs, 6);
      expect(turn.nonLlmMs).toBeCloseTo(Math.max(0, turn.totalMs - modelMs), 6);
    }
    // The same understanding request in both runs costs the same.
    expect(run.slidingWindow[0]!.calls[0]!.inputTokens).toBe(run.onePass[0]!.calls[0]!.inputTokens);
  });

  it('summarizes the measured turns: sums per turn, ratios on summed tokens, targets', () => {
    const summary = summarizeRun(run, 40);
    const total = (turns: TurnCost[], pick: (call: CallCost) => boolean) =>
      turns
        .flatMap((turn) => turn.calls.filter(pick))
        .reduce((sum, call) => sum + call.inputTokens + call.outputTokens, 0);
    const stage = (call: CallCost) => call.purpose !== 'understand';
    const expected = total(run.onePass, stage) / total(run.slidingWindow, stage);
    expect(summary.comparison.ratios.rerankStageTokens).toBeCloseTo(expected, 3);
    expect(summary.comparison.ratios.calls).toBe(0.5);
    expect(summary.comparison.sameCandidates).toBe(2);
    expect(summary.onePass.callsPerTurn).toMatchObject({ mean: 2, max: 2 });
    expect(summary.slidingWindow.byPurpose['rerank-window']!.calls).toBe(4);
    expect(summary.onePass.rerankInputAtFullCards.count).toBe(2);
    const firstTurnTokens = run.onePass[0]!.calls.reduce(
      (sum, call) => sum + call.inputTokens + call.outputTokens,
      0,
    );
    const secondTurnTokens = run.onePass[1]!.calls.reduce(
      (sum, call) => sum + call.inputTokens + call.outputTokens,
      0,
    );
    expect(summary.onePass.perTurn.totalTokens.mean).toBeCloseTo((firstTurnTokens + secondTurnTokens) / 2, 1);
    expect(summary.onePass.perTurn.totalTokens.max).toBe(Math.max(firstTurnTokens, secondTurnTokens));
    expect(summary.targets['onePassCallsPerTurnMax']!.met).toBe(true);
    expect(summary.targets['rerankStageTokenRatio']!.value).toBe(summary.comparison.ratios.rerankStageTokens);
  });
});

function turnCost(
  turnId: string,
  strategy: TurnCost['strategy'],
  calls: Partial<CallCost>[],
  fingerprint = 'same',
): TurnCost {
  const full = calls.map((call) => ({
    purpose: 'rerank',
    inputTokens: 0,
    outputTokens: 0,
    promptBytes: 0,
    cards: 0,
    ms: 0,
    ...call,
  }));
  return {
    turnId,
    strategy,
    intent: 'recommend',
    calls: full,
    agentReportedCalls: full.length,
    ranFirst: true,
    totalMs: 10,
    modelMs: 0,
    nonLlmMs: 10,
    candidates: [],
    candidateFingerprint: fingerprint,
    degraded: [],
  };
}

describe('LLM cost arithmetic', () => {
  const onePass = [
    turnCost('a', 'one-pass', [
      { purpose: 'understand', inputTokens: 1000, outputTokens: 200 },
      { inputTokens: 3000, outputTokens: 150, cards: 40 },
    ]),
    turnCost('b', 'one-pass', [
      { purpose: 'understand', inputTokens: 1000, outputTokens: 200 },
      { inputTokens: 3800, outputTokens: 150, cards: 40 },
    ]),
  ];
  const sliding = [
    turnCost('a', 'sliding-window', [
      { purpose: 'understand', inputTokens: 1000, outputTokens: 200 },
      { purpose: 'rerank-window', inputTokens: 1500, outputTokens: 50, cards: 20 },
      { purpose: 'rerank-window', inputTokens: 1500, outputTokens: 50, cards: 20 },
      { inputTokens: 1600, outputTokens: 150, cards: 20 },
    ]),
    turnCost(
      'b',
      'sliding-window',
      [
        { purpose: 'understand', inputTokens: 1000, outputTokens: 200 },
        { purpose: 'rerank-window', inputTokens: 1500, outputTokens: 50, cards: 20 },
        { purpose: 'rerank-window', inputTokens: 1500, outputTokens: 50, cards: 20 },
        { inputTokens: 1600, outputTokens: 150, cards: 20 },
      ],
      'other',
    ),
  ];

  it('computes the ratios on summed tokens and holds them against the targets', () => {
    const summary = summarizeRun({ onePass, slidingWindow: sliding }, 40);
    // Rerank stage: (3150 + 3950) / (2 × 4850).
    expect(summary.comparison.ratios.rerankStageTokens).toBe(0.732);
    // Whole turn: (4350 + 5150) / (2 × 6050).
    expect(summary.comparison.ratios.turnTokens).toBe(0.785);
    expect(summary.comparison.differentCandidates).toEqual(['b']);
    expect(summary.onePass.rerankInputAtFullCards).toMatchObject({ count: 2, mean: 3400, max: 3800 });
    expect(summary.onePass.byPurpose['rerank']!.inputTokens).toMatchObject({
      mean: 3400,
      p50: 3000,
      p95: 3800,
    });
    expect(summary.slidingWindow.callsPerTurn).toMatchObject({ mean: 4, max: 4 });
    expect(summary.targets['onePassCallsPerTurnMax']).toMatchObject({ value: 2, met: true });
    expect(summary.targets['onePassRerankInputTokensMax']).toMatchObject({ value: 3800, met: false });
    expect(summary.targets['rerankStageTokenRatio']).toMatchObject({ value: 0.732, met: false });
    const table = formatCostTable({ title: 'cost', ...summary });
    expect(table).toMatch(/rerank-stage tokens .* 0\.732/);
    expect(table).toContain('same candidates for both strategies: 1/2 turns');
    expect(table).toContain('MISSED rerankStageTokenRatio = 0.732');
  });

  it('does not call the rerank-input target met when no rerank call saw the full card set', () => {
    const short = onePass.map((turn) => ({
      ...turn,
      calls: turn.calls.map((call) => ({ ...call, cards: Math.min(call.cards, 30) })),
    }));
    const summary = summarizeRun({ onePass: short, slidingWindow: sliding }, 40);
    expect(summary.targets['onePassRerankInputTokensMax']!.met).toBe(false);
  });

  it('refuses turns that were not run with both strategies', () => {
    expect(() => summarizeRun({ onePass, slidingWindow: sliding.slice(0, 1) }, 40)).toThrow(
      /both strategies/,
    );
  });
});

describe('scripted answers', () => {
  const cards = Array.from(
    { length: 20 },
    (_, index) =>
      `c${index + 1} | Title ${index + 1} (1999) | drama, crime | Some Director, Lead Actor | A plot.`,
  );
  const request: GenerateRequest = {
    purpose: 'rerank',
    messages: [
      { role: 'system', content: 'rank' },
      { role: 'user', content: `<request>\nx\n</request>\n\n<cards>\n${cards.join('\n')}\n</cards>` },
    ],
  };

  it('names the first k cards of the prompt, each with a reason of about fifteen words', () => {
    const parsed = parseRerankOutput(rerankAnswer(request, 5).text!);
    expect(parsed.reply).toMatch(/\w/);
    expect(parsed.picks.map((pick) => pick.handle)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    for (const pick of parsed.picks) {
      const words = pick.reason.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(12);
      expect(words).toBeLessThanOrEqual(18);
      expect(pick.reason).toContain('Some Director');
    }
  });

  it('answers a window with a permutation of exactly its handles', () => {
    const answer = parsePermutation(windowAnswer({ ...request, purpose: 'rerank-window' }, 7).text!);
    const handles = cardsInPrompt(request).map((card) => card.handle);
    expect([...answer].sort()).toEqual([...handles].sort());
    expect(answer).not.toEqual(handles);
  });

  it('proposes popular titles but never an excluded target, with three queries', () => {
    const popular = popularItems(retriever);
    const messages = [{ role: 'user' as const, text: 'I loved Heat, something like it please' }];
    const open = scriptedUnderstanding({ messages, retriever, popular, excludeIds: new Set() });
    const target = retriever.components.titles.resolve(open.proposedTitles[0]!, 1)[0]!.item.id;
    const held = scriptedUnderstanding({ messages, retriever, popular, excludeIds: new Set([target]) });
    expect(understandingSchema.safeParse(held).success).toBe(true);
    expect(held.queries).toHaveLength(3);
    expect(held.proposedTitles).toHaveLength(10);
    expect(held.proposedTitles).not.toContain(open.proposedTitles[0]);
    expect(held.mentionedTitles.map((mention) => mention.title)).toContain('Heat (1995)');
    expect(held.proposedTitles.some((title) => title.startsWith('Heat'))).toBe(false);
  });
});
