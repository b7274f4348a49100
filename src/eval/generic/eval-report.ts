import type { RetrievalWeights } from '../../retrieval/index.js';
import { mean, percentile } from '../metrics.js';
import { bootstrapRecall, type BootstrapOptions, type Interval } from './bootstrap.js';
import type { FaithfulnessReport } from '../faithfulness/index.js';
import type { EvalDataset, EvalDatasetFiles } from './eval-dataset.js';
import type { EvalModelUsage } from './model-usage.js';
import { popularityRank, type PopularityRanking } from './popularity.js';
import { recallCurve, scoreTrials, type ProtocolScores, type Trial } from './scores.js';
import { intentGroups, type IntentGroup } from './turn-intent.js';
import type { TurnRanking } from './turn-ranking.js';

/** One evaluated turn: its ranking, the intent of its last message, and the baseline it is compared with. */
export interface TurnOutcome extends TurnRanking {
  /** The turn's id. */
  id: string;
  intent: IntentGroup;
  latencyMs: number;
  fold: number;
  popularity: PopularityRanking;
}

export type Protocol = 'standard' | 'novelOnly';

/** A pair of figures, one per protocol. */
export type PerProtocol<Value> = Record<Protocol, Value>;

/** The JSON report of an evaluation run (`convrec eval --out`). */
export interface EvalReport {
  format: 'convrec-eval-1';
  /** The run's name in plots. */
  name: string;
  files: EvalDatasetFiles;
  pipeline: 'retrieval' | 'agent';
  folds: number;
  /** Log sessions the co-occurrence counts were built from (the largest fold's). */
  logSessions: number;
  turns: number;
  standard: ProtocolScores;
  novelOnly: ProtocolScores;
  /** 95% bootstrap intervals (turns resampled, seeded). */
  intervals: PerProtocol<{ recallAt10: Interval; recallAt50: Interval }>;
  /** The same turns ranked by log mentions (catalog order without a log). */
  popularity: PerProtocol<ProtocolScores>;
  /** This run's figure divided by popularity's (null when popularity scores 0). */
  ratioToPopularity: PerProtocol<{
    recallAt10: number | null;
    recallAt50: number | null;
    mrr: number | null;
  }>;
  /** The intent of each turn's last user message, as the offline reader reads it. */
  byIntent: PerProtocol<Record<IntentGroup, ProtocolScores & { turns: number }>>;
  /** Recall@k for k = 1…50 (element k-1), of this run and of popularity. */
  recallAtK: PerProtocol<number[]> & { popularity: PerProtocol<number[]> };
  /** Turns answered without a ranking, by reason. */
  withoutList: { turns: number; reasons: Record<string, number> };
  /** Targets that are not catalog ids (counted as misses). */
  unknownTargets: { count: number; trials: number };
  latencyMs: { p50: number; p95: number; mean: number };
  /**
   * The agent's turns without reading the dialogue so far into a state (an evaluation turn passes its
   * history in; a live session keeps its state, so this is what a chatting user waits for).
   */
  liveLatencyMs?: { p50: number; p95: number; mean: number };
  /** Shown reasons checked against their item and the dialogue (none for retrieval alone). */
  faithfulness: FaithfulnessReport;
  /** Model calls and tokens (LLM mode only). */
  modelUsage?: EvalModelUsage;
  weights: RetrievalWeights;
  elapsedMs: number;
  bootstrap: { samples: number; seed: number };
}

interface TrialSets {
  system: PerProtocol<Trial[]>;
  popularity: PerProtocol<Trial[]>;
}

function collectTrials(dataset: EvalDataset, outcomes: TurnOutcome[]): TrialSets {
  const sets: TrialSets = {
    system: { standard: [], novelOnly: [] },
    popularity: { standard: [], novelOnly: [] },
  };
  const none = new Set<string>();
  dataset.turns.forEach(({ turn }, index) => {
    const outcome = outcomes[index]!;
    const mentioned = new Set(turn.mentioned_ids);
    const novelRanking = outcome.rankedIds.filter((id) => !mentioned.has(id));
    const at = (ranking: string[], target: string) => {
      const position = ranking.indexOf(target);
      return position < 0 ? undefined : position;
    };
    for (const target of turn.target_ids) {
      sets.system.standard.push({ turn: index, rank: at(outcome.rankedIds, target) });
      sets.popularity.standard.push({ turn: index, rank: popularityRank(outcome.popularity, target, none) });
      if (mentioned.has(target)) continue;
      sets.system.novelOnly.push({ turn: index, rank: at(novelRanking, target) });
      sets.popularity.novelOnly.push({
        turn: index,
        rank: popularityRank(outcome.popularity, target, mentioned),
      });
    }
  });
  return sets;
}

const noReasons: FaithfulnessReport = {
  reasons: 0,
  faithful: 0,
  share: null,
  unsupported: { genre: 0, person: 0, year: 0, title: 0 },
  examples: [],
};

const ratio = (ours: number, baseline: number) => (baseline > 0 ? ours / baseline : null);

/** Scores a run's rankings: both protocols, popularity and the ratio to it, intervals, intents. */
export function summarizeEval(
  dataset: EvalDataset,
  outcomes: TurnOutcome[],
  run: {
    name: string;
    pipeline: 'retrieval' | 'agent';
    folds: number;
    logSessions: number;
    weights: RetrievalWeights;
    bootstrap?: BootstrapOptions;
    faithfulness?: FaithfulnessReport;
    modelUsage?: EvalModelUsage;
  },
): EvalReport {
  const trials = collectTrials(dataset, outcomes);
  const samples = run.bootstrap?.samples ?? 1000;
  const seed = run.bootstrap?.seed ?? 1;
  const turnCount = dataset.turns.length;
  const perProtocol = <Value>(make: (protocol: Protocol) => Value): PerProtocol<Value> => ({
    standard: make('standard'),
    novelOnly: make('novelOnly'),
  });
  const scores = perProtocol((protocol) => scoreTrials(trials.system[protocol]));
  const popularity = perProtocol((protocol) => scoreTrials(trials.popularity[protocol]));
  const byIntent = perProtocol((protocol) => {
    const groups = {} as Record<IntentGroup, ProtocolScores & { turns: number }>;
    for (const group of intentGroups) {
      const inGroup = trials.system[protocol].filter((trial) => outcomes[trial.turn]!.intent === group);
      const turns = outcomes.filter((outcome) => outcome.intent === group).length;
      groups[group] = { turns, ...scoreTrials(inGroup) };
    }
    return groups;
  });
  const reasons: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.reason !== undefined) reasons[outcome.reason] = (reasons[outcome.reason] ?? 0) + 1;
  }
  const latencies = outcomes.map((outcome) => outcome.latencyMs);
  const live = outcomes.every((outcome) => outcome.historyMs !== undefined)
    ? outcomes.map((outcome) => outcome.latencyMs - outcome.historyMs!)
    : undefined;
  return {
    format: 'convrec-eval-1',
    name: run.name,
    files: dataset.files,
    pipeline: run.pipeline,
    folds: run.folds,
    logSessions: run.logSessions,
    turns: turnCount,
    standard: scores.standard,
    novelOnly: scores.novelOnly,
    intervals: perProtocol((protocol) => ({
      recallAt10: bootstrapRecall(trials.system[protocol], turnCount, 10, { samples, seed }),
      recallAt50: bootstrapRecall(trials.system[protocol], turnCount, 50, { samples, seed }),
    })),
    popularity,
    ratioToPopularity: perProtocol((protocol) => ({
      recallAt10: ratio(scores[protocol].recallAt10, popularity[protocol].recallAt10),
      recallAt50: ratio(scores[protocol].recallAt50, popularity[protocol].recallAt50),
      mrr: ratio(scores[protocol].mrr, popularity[protocol].mrr),
    })),
    byIntent,
    recallAtK: {
      ...perProtocol((protocol) => recallCurve(trials.system[protocol])),
      popularity: perProtocol((protocol) => recallCurve(trials.popularity[protocol])),
    },
    withoutList: { turns: Object.values(reasons).reduce((sum, count) => sum + count, 0), reasons },
    unknownTargets: { count: dataset.unknownTargets.count, trials: dataset.unknownTargets.trials },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), mean: mean(latencies) },
    ...(live
      ? { liveLatencyMs: { p50: percentile(live, 50), p95: percentile(live, 95), mean: mean(live) } }
      : {}),
    faithfulness: run.faithfulness ?? noReasons,
    ...(run.modelUsage ? { modelUsage: run.modelUsage } : {}),
    weights: run.weights,
    elapsedMs: 0,
    bootstrap: { samples, seed },
  };
}
