import { seededRandom } from '../../embeddings/offline/seeded-random.js';
import type { Trial } from './scores.js';

/** A 95% interval: [2.5th, 97.5th] percentile of the resampled statistic. */
export type Interval = [low: number, high: number];

export interface BootstrapOptions {
  /** Resamples (default 1000). */
  samples?: number;
  /** Seed of the resampling (default 1): the same turns give the same interval. */
  seed?: number;
}

/**
 * 95% percentile-bootstrap interval of recall@k. Turns are resampled with replacement, each with all
 * of its trials (targets of one turn share a ranking, so they are not independent).
 */
export function bootstrapRecall(
  trials: Trial[],
  turnCount: number,
  k: number,
  options: BootstrapOptions = {},
): Interval {
  const hits = new Array<number>(turnCount).fill(0);
  const counts = new Array<number>(turnCount).fill(0);
  for (const trial of trials) {
    counts[trial.turn]!++;
    if (trial.rank !== undefined && trial.rank < k) hits[trial.turn]!++;
  }
  const random = seededRandom(options.seed ?? 1);
  const samples = options.samples ?? 1000;
  const values: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    let hit = 0;
    let count = 0;
    for (let draw = 0; draw < turnCount; draw++) {
      const turn = Math.floor(random() * turnCount);
      hit += hits[turn]!;
      count += counts[turn]!;
    }
    values.push(count === 0 ? 0 : hit / count);
  }
  values.sort((left, right) => left - right);
  const at = (share: number) =>
    values[Math.min(samples - 1, Math.max(0, Math.round(share * (samples - 1))))]!;
  return samples === 0 || turnCount === 0 ? [0, 0] : [at(0.025), at(0.975)];
}
