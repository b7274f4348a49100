import { cooccurrenceSimilarity, type CooccurrenceData } from '../collaborative/cooccurrence.js';
import { buildItemVectors, similarItems, type ItemVectors } from '../collaborative/item-similarity.js';
import type { RetrievalWeights } from './retrieval-weights.js';

/** Learned item vectors per log and rank, shared by the retrievers over one log. */
const vectorsByLog = new WeakMap<CooccurrenceData, Map<number, ItemVectors>>();

/** Ranked lists from the interaction log: item kNN over co-occurrence and session kNN. */
export class CollaborativeLists {
  constructor(
    private readonly cooccurrence: CooccurrenceData,
    private readonly weights: RetrievalWeights,
  ) {}

  /** Item-kNN over co-occurrence: Σ over seeds of decay^rank · similarity, best first. */
  itemNeighbours(seeds: string[], k: number, accept?: (id: string) => boolean): [string, number][] {
    const cooccurrence = this.cooccurrence;
    const { collaborativeAlpha, collaborativeShrinkage, likedDecay } = this.weights;
    const totals = new Map<string, number>();
    seeds.forEach((seed, rank) => {
      const seedPopularity = cooccurrence.popularity[seed] ?? 0;
      const weight = likedDecay ** rank;
      for (const [other, count] of cooccurrence.neighbours[seed] ?? []) {
        if (accept && !accept(other)) continue;
        const similarity = cooccurrenceSimilarity(
          count,
          seedPopularity,
          cooccurrence.popularity[other] ?? 1,
          collaborativeAlpha,
          collaborativeShrinkage,
        );
        totals.set(other, (totals.get(other) ?? 0) + weight * similarity);
      }
    });
    const seedSet = new Set(seeds);
    return [...totals.entries()]
      .filter(([id]) => !seedSet.has(id))
      .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
      .slice(0, k);
  }

  /** The log's SPPMI + SVD item vectors, built on first use. */
  itemVectors(): ItemVectors {
    let byRank = vectorsByLog.get(this.cooccurrence);
    if (!byRank) vectorsByLog.set(this.cooccurrence, (byRank = new Map()));
    const rank = this.weights.similarityRank;
    let vectors = byRank.get(rank);
    if (!vectors) {
      vectors = buildItemVectors(this.cooccurrence.sessionItems, { rank, shift: 1, singularPower: 0.5 });
      byRank.set(rank, vectors);
    }
    return vectors;
  }

  /** Items closest to the liked ones in the learned item space (decayed by rank), with their scores. */
  similarNeighbours(
    seeds: string[],
    k: number,
    accept: (id: string) => boolean,
  ): { ids: string[]; scores: number[] } {
    const weighted = seeds.map((id, rank) => ({ id, weight: this.weights.likedDecay ** rank }));
    const hits = similarItems(this.itemVectors(), weighted, k, accept);
    return { ids: hits.map(([id]) => id), scores: hits.map(([, score]) => score) };
  }

  private sessionIndex: Map<string, number[]> | undefined;

  /**
   * Session kNN: logged sessions are scored by the liked items they contain (decayed by rank,
   * normalized by √length); items of the best sessions score the sum of their sessions' scores.
   */
  sessionNeighbours(seeds: string[], k: number, accept: (id: string) => boolean): string[] {
    return this.sessionNeighbourScores(seeds, k, accept).map(([id]) => id);
  }

  /** `sessionNeighbours` with each item's score. */
  sessionNeighbourScores(seeds: string[], k: number, accept: (id: string) => boolean): [string, number][] {
    const sessions = this.cooccurrence.sessionItems;
    if (!sessions || seeds.length === 0) return [];
    if (!this.sessionIndex) {
      const index = new Map<string, number[]>();
      sessions.forEach((items, position) => {
        for (const id of items) {
          const list = index.get(id);
          if (list) list.push(position);
          else index.set(id, [position]);
        }
      });
      this.sessionIndex = index;
    }
    const sessionScore = new Map<number, number>();
    seeds.forEach((seed, rank) => {
      const weight = this.weights.likedDecay ** rank;
      for (const position of this.sessionIndex!.get(seed) ?? []) {
        sessionScore.set(position, (sessionScore.get(position) ?? 0) + weight);
      }
    });
    const best = [...sessionScore.entries()]
      .map(([position, score]) => [position, score / Math.sqrt(sessions[position]!.length)] as const)
      .sort((left, right) => right[1] - left[1] || left[0] - right[0])
      .slice(0, this.weights.sessionNeighbours);
    const seedSet = new Set(seeds);
    const itemScore = new Map<string, number>();
    for (const [position, score] of best) {
      for (const id of sessions[position]!) {
        if (!seedSet.has(id) && accept(id)) itemScore.set(id, (itemScore.get(id) ?? 0) + score);
      }
    }
    return [...itemScore.entries()]
      .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
      .slice(0, k);
  }
}
