/**
 * Ablation of retrieval fusion on ReDial with honest validation: every turn's source lists are
 * computed once (the log rebuilt per fold without the fold's dialogues, as `convrec eval` does),
 * then weights are fitted by coordinate descent on four folds of valid and scored on the fifth
 * (dialogue-level cross-validation). With `--test`, weights fitted on all of valid are scored on test.
 *
 *   npx tsx src/bench/fusion-cv.ts [--dataset ../shared/data/redial] [--test] [--rows rrf,graph]
 *     [--cache /tmp/lists]   (source lists kept between runs; delete after changing retrieval)
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildCooccurrence } from '../src/collaborative/cooccurrence.js';
import { readDialogue } from '../src/dialogue/read-dialogue.js';
import { loadEvalDataset, type EvalDataset } from '../src/eval/generic/index.js';
import { buildItemVectors } from '../src/collaborative/item-similarity.js';
import { buildCatalogGraph } from '../src/graph/index.js';
import { openOrBuildIndex } from '../src/index-store/index.js';
import { scoreFusion } from '../src/retrieval/score-fusion.js';
import {
  defaultRetrievalWeights,
  Retriever,
  type RankedList,
  type RetrievalWeights,
} from '../src/retrieval/index.js';

/** Sources whose weight the fit may change; each list's own weight is multiplied by its source's. */
const sources = [
  'dense',
  'lexical',
  'content',
  'collaborative',
  'sessions',
  'people',
  'genre',
  'years',
  'recent',
  'disliked',
  'graph',
  'similarity',
] as const;
type Source = (typeof sources)[number];
type Weights = Record<Source, number> & Pick<RetrievalWeights, 'fusion' | 'rrfK' | 'popularityPrior'>;

/** One turn's source lists in compact form: local item slots, per-list normalised scores. */
interface TurnLists {
  /** Catalog ids of the turn's items (its local slots). */
  ids: string[];
  lists: {
    source: string;
    weight: number;
    slots: Int32Array;
    rrf: Float64Array;
    zScore: Float64Array;
    minMax: Float64Array;
  }[];
  /** log(1 + popularity) per slot, for the popularity prior. */
  logPopularity: Float64Array;
  /** Slots of the popular items that fill a short list, most popular first. */
  popular: Int32Array;
  /** Target slots (-1: in no list), and whether each target was mentioned. */
  targets: { slot: number; mentioned: boolean }[];
  mentioned: Uint8Array;
  fold: number;
}

interface Figures {
  standard10: number;
  standard50: number;
  novel10: number;
  novel50: number;
  novel100: number;
}

const depth = 150;

/** Every list computed with weight 1, so the fit can scale each source afterwards. */
function unitWeights(): Partial<RetrievalWeights> {
  return Object.fromEntries(sources.map((source) => [source, 1]));
}

function normalised(values: number[], kind: 'z-score' | 'min-max'): Float64Array {
  // The same normalisation as score fusion: a single list scored through scoreFusion.
  const ids = values.map((_, index) => String(index));
  const fused = scoreFusion([{ source: 's', ids, scores: values, weight: 1 }], { normalization: kind });
  const out = new Float64Array(values.length);
  for (const entry of fused) out[Number(entry.id)] = entry.score;
  return out;
}

function compact(
  lists: RankedList[],
  popular: string[],
  popularity: (id: string) => number,
  targets: string[],
  mentionedIds: Set<string>,
  fold: number,
  rrfK: number,
): TurnLists {
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const slot = (id: string) => {
    let at = slotOf.get(id);
    if (at === undefined) {
      at = ids.length;
      slotOf.set(id, at);
      ids.push(id);
    }
    return at;
  };
  const compactLists = lists.map((list) => {
    const raw = list.scores ?? list.ids.map((_, index) => 1 / (rrfK + index + 1));
    return {
      source: list.source,
      weight: list.weight,
      slots: Int32Array.from(list.ids, slot),
      rrf: Float64Array.from(list.ids, (_, index) => 1 / (rrfK + index + 1)),
      zScore: normalised(raw, 'z-score'),
      minMax: normalised(raw, 'min-max'),
    };
  });
  const popularSlots = Int32Array.from(popular, slot);
  const targetSlots = targets.map((id) => ({ slot: slot(id), mentioned: mentionedIds.has(id) }));
  const mentioned = new Uint8Array(ids.length);
  ids.forEach((id, index) => (mentioned[index] = mentionedIds.has(id) ? 1 : 0));
  return {
    ids,
    lists: compactLists,
    logPopularity: Float64Array.from(ids, (id) => Math.log(1 + popularity(id))),
    popular: popularSlots,
    targets: targetSlots,
    mentioned,
    fold,
  };
}

/** Every turn's unit-weight source lists, with the fold whose log they were computed with. */
async function collectLists(data: EvalDataset, indexDirectory: string, folds: number): Promise<TurnLists[]> {
  const { components } = await openOrBuildIndex({ catalog: data.catalog, directory: indexDirectory });
  const { catalog, turns, log } = data;
  const known = new Set(catalog.byId.keys());
  const dialogOf = (index: number) => turns[index]!.turn.dialog_id ?? turns[index]!.turn.id;
  const dialogs = [...new Set(turns.map((_, index) => dialogOf(index)))].sort();
  const dialogSet = new Set(dialogs);
  const leaks = log?.some((session) => dialogSet.has(session.sessionId)) ?? false;
  const foldCount = leaks ? folds : 1;
  const foldOf = new Map(dialogs.map((dialog, index) => [dialog, index % foldCount]));
  const out = new Array<TurnLists>(turns.length);
  for (let fold = 0; fold < foldCount; fold++) {
    const members = turns.map((_, index) => index).filter((index) => foldOf.get(dialogOf(index)) === fold);
    const held = new Set(members.map(dialogOf));
    const sessions = log?.filter((session) => !held.has(session.sessionId));
    const retriever = new Retriever(
      sessions ? { ...components, cooccurrence: buildCooccurrence(sessions, known) } : components,
      { ...defaultRetrievalWeights, ...unitWeights() },
    );
    for (const index of members) {
      const { turn } = turns[index]!;
      const { request } = readDialogue(retriever, turn.context);
      // Every list is already filtered by the request (see Retriever.sourceLists).
      const { lists, popular } = await retriever.sourceLists({ ...request, k: depth });
      out[index] = compact(
        lists,
        popular,
        (id) => retriever.popularity(id),
        turn.target_ids,
        new Set(turn.mentioned_ids ?? []),
        fold,
        defaultRetrievalWeights.rrfK,
      );
    }
  }
  return out;
}

/** Where a target lands (0-based) in the turn's fused ranking, overall and among unmentioned items. */
function targetRanks(
  turn: TurnLists,
  weights: Weights,
  scores: Float64Array,
): { standard: number[]; novel: number[] } {
  scores.fill(0);
  const present = new Uint8Array(turn.ids.length);
  for (const list of turn.lists) {
    const factor = (weights as Record<string, number>)[list.source] ?? 0;
    if (factor === 0) continue;
    const values = weights.fusion === 0 ? list.rrf : weights.fusion === 1 ? list.zScore : list.minMax;
    const weight = list.weight * factor;
    for (let index = 0; index < list.slots.length; index++) {
      const slot = list.slots[index]!;
      scores[slot]! += weight * values[index]!;
      present[slot] = 1;
    }
  }
  const size = turn.ids.length;
  const positive: number[] = [];
  for (let slot = 0; slot < size; slot++) {
    if (!present[slot] || !(scores[slot]! > 0)) continue;
    if (weights.popularityPrior !== 0)
      scores[slot]! *= Math.exp(weights.popularityPrior * turn.logPopularity[slot]!);
    positive.push(slot);
  }
  const before = (left: number, right: number) =>
    scores[left]! > scores[right]! || (scores[left] === scores[right] && turn.ids[left]! < turn.ids[right]!);
  const standard: number[] = [];
  const novel: number[] = [];
  const inFused = new Set(positive);
  for (const target of turn.targets) {
    let rank = -1;
    let novelRank = -1;
    if (inFused.has(target.slot)) {
      rank = 0;
      novelRank = 0;
      for (const other of positive) {
        if (other === target.slot || !before(other, target.slot)) continue;
        rank++;
        if (!turn.mentioned[other]) novelRank++;
      }
    } else {
      // Filled from the popular items after the fused ones.
      let at = positive.length;
      let novelAt = positive.filter((slot) => !turn.mentioned[slot]).length;
      for (const slot of turn.popular) {
        if (inFused.has(slot)) continue;
        if (slot === target.slot) {
          rank = at;
          novelRank = novelAt;
          break;
        }
        at++;
        if (!turn.mentioned[slot]) novelAt++;
      }
    }
    standard.push(rank >= 0 && rank < depth ? rank : -1);
    novel.push(rank >= 0 && rank < depth ? novelRank : -1);
  }
  return { standard, novel };
}

/** Recall figures over turns, as `convrec eval` counts them (one trial per target). */
function score(turns: TurnLists[], weights: Weights): Figures {
  let standardTrials = 0;
  let novelTrials = 0;
  const hits = { standard10: 0, standard50: 0, novel10: 0, novel50: 0, novel100: 0 };
  const scratch = new Float64Array(4096);
  for (const turn of turns) {
    const scores = turn.ids.length <= scratch.length ? scratch : new Float64Array(turn.ids.length);
    const { standard, novel } = targetRanks(turn, weights, scores);
    turn.targets.forEach((target, index) => {
      standardTrials++;
      const position = standard[index]!;
      if (position >= 0 && position < 10) hits.standard10++;
      if (position >= 0 && position < 50) hits.standard50++;
      if (target.mentioned) return;
      novelTrials++;
      const novelPosition = novel[index]!;
      if (novelPosition >= 0 && novelPosition < 10) hits.novel10++;
      if (novelPosition >= 0 && novelPosition < 50) hits.novel50++;
      if (novelPosition >= 0 && novelPosition < 100) hits.novel100++;
    });
  }
  return perTrial(hits, standardTrials, novelTrials);
}

/** Hit counts (or trial-weighted sums) as shares of the trials of each protocol. */
function perTrial(counts: Figures, standardTrials: number, novelTrials: number): Figures {
  return {
    standard10: counts.standard10 / standardTrials,
    standard50: counts.standard50 / standardTrials,
    novel10: counts.novel10 / novelTrials,
    novel50: counts.novel50 / novelTrials,
    novel100: counts.novel100 / novelTrials,
  };
}

const objective = (figures: Figures) => (figures.novel10 + figures.novel50) / 2;

/** Coordinate descent over multiplicative steps; a move must gain more than `margin` (a mild prior for the start). */
function fit(turns: TurnLists[], start: Weights, free: readonly (keyof Weights)[]): Weights {
  let best = { ...start };
  let bestValue = objective(score(turns, best));
  const margin = 0.0005;
  for (let pass = 0; pass < 2; pass++) {
    let moved = false;
    for (const name of free) {
      const current = best[name];
      const options =
        current === 0 ? [0.5, 1, 2] : [0, current * 0.5, current * 0.75, current * 1.5, current * 2];
      for (const value of options) {
        const trial = { ...best, [name]: value };
        const trialValue = objective(score(turns, trial));
        if (trialValue > bestValue + margin) {
          best = trial;
          bestValue = trialValue;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return best;
}

interface Row {
  name: string;
  start: Partial<Weights>;
  free: (keyof Weights)[];
}

const allSources = sources.filter((source) => source !== 'graph' && source !== 'similarity');
const rows: Row[] = [
  { name: 'rrf', start: {}, free: [] },
  { name: 'rrf-refit', start: {}, free: [...allSources, 'popularityPrior'] },
  { name: 'score-fusion', start: { fusion: 1 }, free: [...allSources, 'popularityPrior'] },
  { name: 'graph', start: { graph: 1 }, free: ['graph'] },
  { name: 'rrf-refit+graph', start: { graph: 1 }, free: [...allSources, 'graph', 'popularityPrior'] },
  { name: 'similarity', start: { similarity: 0.5 }, free: ['similarity'] },
  { name: 'graph+similarity', start: { graph: 1, similarity: 0.5 }, free: ['graph', 'similarity'] },
  {
    name: 'all-score',
    start: { fusion: 1, graph: 1, similarity: 0.5 },
    free: [...allSources, 'graph', 'similarity', 'popularityPrior'],
  },
];

function startWeights(row: Row): Weights {
  const base = Object.fromEntries(
    sources.map((source) => [source, (defaultRetrievalWeights as unknown as Record<string, number>)[source]]),
  ) as Record<Source, number>;
  return {
    ...base,
    graph: 0,
    similarity: 0,
    fusion: 0,
    rrfK: defaultRetrievalWeights.rrfK,
    popularityPrior: defaultRetrievalWeights.popularityPrior,
    ...row.start,
  };
}

const format = (figures: Figures) =>
  `std ${figures.standard10.toFixed(3)}/${figures.standard50.toFixed(3)} novel ${figures.novel10.toFixed(3)}/${figures.novel50.toFixed(3)} C@100 ${figures.novel100.toFixed(3)}`;

async function main(): Promise<void> {
  const argument = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const dataset = argument('--dataset') ?? '../shared/data/redial';
  const wanted = argument('--rows')?.split(',');
  const withTest = process.argv.includes('--test');
  const indexDirectory = '.convrec/indexes/redial';
  const files = (split: string) => ({
    catalog: join(dataset, 'catalog.json'),
    turns: join(dataset, `${split}_rec_turns.jsonl`),
    log: join(dataset, 'train_sessions.jsonl'),
  });
  const started = performance.now();
  if (process.argv.includes('--build-times')) await buildTimes(files('test'));
  const cache = argument('--cache');
  const collect = async (split: string) => {
    const file = cache ? `${cache}-${split}.bin` : undefined;
    if (file && existsSync(file)) return deserialize(await readFile(file)) as TurnLists[];
    const lists = await collectLists(await loadEvalDataset(files(split)), indexDirectory, 5);
    if (file) await writeFile(file, serialize(lists));
    return lists;
  };
  const valid = await collect('valid');
  const test = withTest ? await collect('test') : [];
  process.stderr.write(`lists collected in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  for (const row of rows.filter((entry) => !wanted || wanted.includes(entry.name))) {
    const start = startWeights(row);
    const outOfFold: TurnLists[][] = [];
    const chosen: Weights[] = [];
    for (let fold = 0; fold < 5; fold++) {
      const train = valid.filter((turn) => turn.fold !== fold);
      const weights = row.free.length > 0 ? fit(train, start, row.free) : start;
      chosen.push(weights);
      outOfFold.push(valid.filter((turn) => turn.fold === fold));
    }
    // Pool the held-out folds' rankings: each fold scored with weights fitted without it.
    const pooled = pooledScore(outOfFold, chosen);
    const all = row.free.length > 0 ? fit(valid, start, row.free) : start;
    const testFigures = withTest ? format(score(test, all)) : '';
    console.log(
      `${row.name.padEnd(18)} valid-CV ${format(pooled)}  ${testFigures ? `test ${testFigures}` : ''}`,
    );
    console.log(`  fitted on all valid: ${JSON.stringify(changed(all, start))}`);
  }
}

/** Time and memory of the lazily built structures: the catalog graph and the learned item vectors. */
async function buildTimes(files: { catalog: string; turns: string; log: string }): Promise<void> {
  const data = await loadEvalDataset(files);
  const known = new Set(data.catalog.byId.keys());
  const cooccurrence = buildCooccurrence(data.log ?? [], known);
  const timed = <Value>(make: () => Value): [Value, number] => {
    const started = performance.now();
    const value = make();
    return [value, performance.now() - started];
  };
  const [graph, graphMs] = timed(() => buildCatalogGraph(data.catalog));
  const graphBytes =
    graph.itemStart.byteLength +
    graph.itemEntities.byteLength +
    graph.itemWeights.byteLength +
    graph.entityStart.byteLength +
    graph.entityItems.byteLength;
  const [vectors, vectorsMs] = timed(() =>
    buildItemVectors(cooccurrence.sessionItems, {
      rank: defaultRetrievalWeights.similarityRank,
      shift: 1,
      singularPower: 0.5,
    }),
  );
  console.log(
    `catalog graph: ${graph.itemCount} items, ${graph.entityCount} entities, ${graph.itemEntities.length} edges, ${graphMs.toFixed(0)} ms, ${(graphBytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `item vectors: ${vectors.ids.length} items × ${vectors.dimensions}, ${vectorsMs.toFixed(0)} ms, ${(vectors.vectors.byteLength / 1e6).toFixed(1)} MB`,
  );
}

function pooledScore(folds: TurnLists[][], weights: Weights[]): Figures {
  const totals = { standard10: 0, standard50: 0, novel10: 0, novel50: 0, novel100: 0 };
  let standardTrials = 0;
  let novelTrials = 0;
  folds.forEach((turns, fold) => {
    const figures = score(turns, weights[fold]!);
    const standard = turns.reduce((sum, turn) => sum + turn.targets.length, 0);
    const novel = turns.reduce(
      (sum, turn) => sum + turn.targets.filter((target) => !target.mentioned).length,
      0,
    );
    standardTrials += standard;
    novelTrials += novel;
    totals.standard10 += figures.standard10 * standard;
    totals.standard50 += figures.standard50 * standard;
    totals.novel10 += figures.novel10 * novel;
    totals.novel50 += figures.novel50 * novel;
    totals.novel100 += figures.novel100 * novel;
  });
  return perTrial(totals, standardTrials, novelTrials);
}

function changed(weights: Weights, start: Weights): Partial<Weights> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(weights))
    if (value !== (start as unknown as Record<string, number>)[name]) out[name] = Number(value.toFixed(4));
  return out as Partial<Weights>;
}

await main();
