import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors/index.js';
import { loadDatasetTurns, loadEvalDataset, loadEvalLog } from '../../src/eval/generic/index.js';
import { thrownBy } from '../helpers/errors.js';

const fixtures = 'test/fixtures/eval-generic';
const catalog = join(fixtures, 'catalog.jsonl');
let directory: string;

async function file(name: string, lines: unknown[]): Promise<string> {
  const path = join(directory, name);
  await writeFile(
    path,
    lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
  );
  return path;
}

const turn = (id: string, extra: object = {}) => ({
  id,
  context: [{ role: 'user', text: 'something set in space' }],
  target_ids: ['f6'],
  ...extra,
});

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-eval-generic-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loading a generic evaluation data set', () => {
  it('reads the fixture: turns in order, mentioned ids defaulting to none, the log sessions', async () => {
    const dataset = await loadEvalDataset({
      catalog,
      turns: join(fixtures, 'turns.jsonl'),
      log: join(fixtures, 'log.jsonl'),
    });
    expect(dataset.turns.map(({ turn, line }) => [turn.id, line])).toEqual([
      ['t1', 1],
      ['t2', 2],
      ['t3', 3],
      ['t4', 4],
    ]);
    expect(dataset.turns[2]!.turn.mentioned_ids).toEqual([]);
    expect(dataset.log?.map((session) => session.sessionId)).toEqual(['s1', 's2', 's3', 's4']);
    expect(dataset.unknownTargets.count).toBe(0);
  });

  it('names the file, line and field of a bad turn', async () => {
    const error = await thrownBy(() => loadDatasetTurns(join(fixtures, 'turns-bad.jsonl')));
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.code).toBe('DATASET_INVALID');
    expect(error.message).toMatch(/turns-bad\.jsonl:2 field "context\.0\.role"/);
  });

  it('names the line of a bad log session instead of skipping it', async () => {
    const error = await thrownBy(() => loadEvalLog(join(fixtures, 'log-bad.jsonl')));
    expect(error.code).toBe('LOG_INVALID');
    expect(error.message).toMatch(/log-bad\.jsonl:2 field "item_ids"/);
  });

  it('refuses malformed JSON, a repeated id, a missing target and a context ending with the assistant', async () => {
    const cases: [unknown[], RegExp][] = [
      [[turn('a'), '{"id": "b",'], /:2: malformed JSON/],
      [[turn('a'), turn('a')], /:2 field "id": repeats the id "a" of line 1/],
      [[turn('a', { target_ids: [] })], /:1 field "target_ids"/],
      [
        [turn('a', { context: [{ role: 'assistant', text: 'Hi' }] })],
        /:1 field "context": must end with a user message/,
      ],
    ];
    for (const [index, [lines, message]] of cases.entries()) {
      const path = await file(`case-${index}.jsonl`, lines);
      expect((await thrownBy(() => loadDatasetTurns(path))).message).toMatch(message);
    }
  });

  it('refuses a line or a message over the size limits, naming the line', async () => {
    const long = await file('long-line.jsonl', [turn('a'), turn('b', { note: 'x'.repeat(200) })]);
    const error = await thrownBy(() =>
      loadDatasetTurns(long, { limits: { maxFileBytes: 10_000, maxLineChars: 150 } }),
    );
    expect(error.message).toMatch(
      /long-line\.jsonl:2: the line is \d+ characters long, more than the 150 allowed/,
    );
    const big = await thrownBy(() =>
      loadDatasetTurns(long, { limits: { maxFileBytes: 100, maxLineChars: 1000 } }),
    );
    expect(big.message).toMatch(
      /long-line\.jsonl: the evaluation turns file is \d+ bytes, more than the 100 allowed/,
    );
    const message = await file('long-message.jsonl', [
      turn('a', { context: [{ role: 'user', text: 'x'.repeat(4_001) }] }),
    ]);
    expect((await thrownBy(() => loadDatasetTurns(message))).message).toMatch(
      /long-message\.jsonl:1 field "context\.0\.text": is longer than 4000 characters/,
    );
  });

  it('refuses turns whose targets are not catalog ids, and counts a few unknown ones', async () => {
    const none = await file('foreign.jsonl', [turn('a', { target_ids: ['tt0111161'] })]);
    expect((await thrownBy(() => loadEvalDataset({ catalog, turns: none }))).message).toMatch(
      /foreign\.jsonl:1 field "target_ids": no target id is a catalog id \(first: "tt0111161"\)/,
    );
    const some = await file('some-foreign.jsonl', [turn('a'), turn('b', { target_ids: ['zz'] })]);
    const dataset = await loadEvalDataset({ catalog, turns: some });
    expect(dataset.unknownTargets).toEqual({ count: 1, trials: 2, first: { line: 2, id: 'zz' } });
  });
});
