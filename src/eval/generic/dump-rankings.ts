import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TurnRanking } from './turn-ranking.js';

/** One line of a rankings dump: a turn's ranking, best first (empty, with a reason, when there is none). */
export interface RankingLine {
  id: string;
  ranked_ids: string[];
  reason?: string;
}

/** The dump's lines, in the turns file's order. */
export function rankingLines(outcomes: (TurnRanking & { id: string })[]): RankingLine[] {
  return outcomes.map((outcome) => ({
    id: outcome.id,
    ranked_ids: outcome.rankedIds,
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
  }));
}

/** Writes `{id, ranked_ids[], reason?}` per turn as JSONL, so anyone can score the run with their own scorer. */
export async function writeRankings(file: string, lines: RankingLine[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}
