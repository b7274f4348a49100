import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqliteProfileStore } from '../../src/profile/index.js';
import { tempDir } from '../helpers/toy-catalog.js';
import {
  expectAcknowledgedWritesKept,
  expectParallelSessionsSaved,
  full,
  runWritersAtOnce,
  sizes,
  writesPerProcess,
} from './profile-concurrency-cases.js';
import { buildWriterBundle, startNode as start } from './writer-processes.js';

let writerBundle: string;
let removeBundle: () => Promise<void>;
beforeAll(async () => ({ bundle: writerBundle, remove: removeBundle } = await buildWriterBundle()));
afterAll(() => removeBundle());

const startWriter = (file: string, writer: string, count: number | 'forever') =>
  start([writerBundle, file, writer, String(count)]);

/** Opens the file as another program would: it must pass SQLite's integrity check. */
function rawCounts(file: string): { sessions: number; feedback: number; integrity: unknown } {
  const database = new Database(file, { readonly: true });
  try {
    return {
      integrity: database.pragma('integrity_check', { simple: true }),
      sessions: database.prepare('SELECT count(*) FROM sessions').pluck().get() as number,
      feedback: database.prepare('SELECT count(*) FROM feedback').pluck().get() as number,
    };
  } finally {
    database.close();
  }
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('one profile database shared by parallel processes', () => {
  it(`${sizes.processes} processes saving sessions and feedback at once: no failure, every write stored`, async () => {
    const file = join(dir, 'profiles.db');
    await runWritersAtOnce((index) => startWriter(file, `w${index}`, writesPerProcess));
    const expected = sizes.processes * writesPerProcess;
    expect(rawCounts(file)).toEqual({ integrity: 'ok', sessions: expected, feedback: expected });
    const store = SqliteProfileStore.open(file);
    for (const index of [1, sizes.processes]) {
      expect((await store.loadSession(`w${index}-${writesPerProcess}`))?.userId).toBe(`w${index}`);
      expect(await store.feedback(`w${index}`)).toHaveLength(writesPerProcess);
    }
    await store.close();
  });

  it(`keeps every acknowledged write when writers are killed with SIGKILL (${sizes.killRounds} rounds)`, async () => {
    const file = join(dir, 'profiles.db');
    const acknowledged = await expectAcknowledgedWritesKept(
      (writer) => startWriter(file, writer, 'forever'),
      () => SqliteProfileStore.open(file),
      () => expect(rawCounts(file).integrity).toBe('ok'),
    );
    if (full)
      console.info(`${sizes.killRounds} SIGKILL rounds: ${acknowledged} acknowledged writes, all kept`);
  });

  it.runIf(sizes.askProcesses > 0)(
    `${sizes.askProcesses} parallel \`convrec ask\` runs on one profile database all answer and are stored`,
    async () => {
      const file = join(dir, 'profiles.db');
      const indexDir = join(dir, 'index');
      const ask = (words: string) =>
        start([
          '--import',
          'tsx',
          'src/cli/main.ts',
          'ask',
          '--offline',
          '--profile-db',
          file,
          '--index-dir',
          indexDir,
          words,
        ]);
      expect(await ask('a heist movie').exited).toBe(0); // builds the index once
      const runs = Array.from({ length: sizes.askProcesses }, (_, index) =>
        ask(`a heist movie number ${index}`),
      );
      const codes = await Promise.all(runs.map((run) => run.exited));
      expect(runs.map((run) => run.stderr()).filter((text) => /convrec:|\[[A-Z_]+\]/.test(text))).toEqual([]);
      expect(codes.filter((code) => code !== 0)).toEqual([]);
      expect(rawCounts(file)).toMatchObject({ integrity: 'ok', sessions: sizes.askProcesses + 1 });
    },
    900_000,
  );
});

describe('one SqliteProfileStore shared by parallel API sessions', () => {
  it(`${sizes.apiSessions} sessions answering at once all save their conversation`, async () => {
    await expectParallelSessionsSaved(SqliteProfileStore.open(join(dir, 'profiles.db')));
  });
});
