/** Evaluation on any data set: a catalog, a turns file and an optional log, scored and compared with popularity. */
export { datasetLimits, type DatasetLimits } from './dataset-limits.js';
export { datasetTurnSchema, type DatasetTurn } from './dataset-turn.js';
export { loadDatasetTurns, type LocatedTurn } from './load-turns.js';
export { loadEvalLog } from './load-log.js';
export {
  loadEvalDataset,
  type EvalDataset,
  type EvalDatasetFiles,
  type LoadEvalDatasetOptions,
} from './eval-dataset.js';
export type { TurnModelUsage, TurnRanker, TurnRanking } from './turn-ranking.js';
export { retrievalRanker, retrievalDepth } from './retrieval-ranker.js';
export { agentRanker, offlineAgentRanker } from './agent-ranker.js';
export { summarizeModelUsage, type EvalModelUsage } from './model-usage.js';
export { mapConcurrent } from './map-concurrent.js';
export { dialogOf, heldOutRetriever, openEvalIndex, type EvalIndexOptions } from './eval-setup.js';
export { intentGroups, lastMessageIntent, type IntentGroup } from './turn-intent.js';
export { scoreTrials, recallCurve, curveDepth, type ProtocolScores, type Trial } from './scores.js';
export { bootstrapRecall, type BootstrapOptions, type Interval } from './bootstrap.js';
export { popularityRanking, popularityRank, type PopularityRanking } from './popularity.js';
export {
  summarizeEval,
  type EvalReport,
  type PerProtocol,
  type Protocol,
  type TurnOutcome,
} from './eval-report.js';
export { runEval, type EvalOptions, type EvalProgress, type EvalRun } from './run-eval.js';
export { rankingLines, writeRankings, type RankingLine } from './dump-rankings.js';
export { formatEvalMarkdown } from './format-markdown.js';
export { recallPlotSvg, type RecallCurve, type RecallPlotOptions } from './recall-plot.js';
export { readReportCurves, reportCurvesSchema, type ReportCurves } from './read-report.js';
