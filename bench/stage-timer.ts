import type { BuildProgress } from '../src/index-store/index.js';
import { now, round } from './report.js';

/**
 * Turns buildIndex's onProgress stages into durations: each stage lasts from its first report to the
 * first report of the next stage. Time before the first report is `itemTexts` (flattening items),
 * and the last stage runs until `finish` (so it also covers the title resolver and manifest).
 */
export class StageTimer {
  private readonly started = now();
  private readonly marks: { stage: string; at: number }[] = [];

  readonly onProgress = (progress: BuildProgress): void => {
    if (this.marks.at(-1)?.stage !== progress.stage) this.marks.push({ stage: progress.stage, at: now() });
  };

  mark(stage: string): void {
    this.marks.push({ stage, at: now() });
  }

  /** Stage durations in ms, in order; `end` defaults to now. */
  finish(end = now()): Record<string, number> {
    const out: Record<string, number> = {};
    const first = this.marks[0];
    out['itemTexts'] = round((first?.at ?? end) - this.started);
    const lastBuildStage = this.marks.findLastIndex((mark) => mark.stage !== 'writing');
    this.marks.forEach((mark, index) => {
      const next = this.marks[index + 1]?.at ?? end;
      const name = index === lastBuildStage ? `${mark.stage}+titles` : mark.stage;
      out[name] = round((out[name] ?? 0) + next - mark.at);
    });
    return out;
  }
}

/** The stage with the largest share of the total. */
export function dominantStage(stages: Record<string, number>): { stage: string; ms: number; share: number } {
  const total = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
  let best: [string, number] = ['none', 0];
  for (const entry of Object.entries(stages)) if (entry[1] > best[1]) best = entry;
  return { stage: best[0], ms: best[1], share: round(total > 0 ? best[1] / total : 0) };
}
