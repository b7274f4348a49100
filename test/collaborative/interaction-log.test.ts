import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInteractionLog } from '../../src/collaborative/interaction-log.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, writeText } from '../helpers/toy-catalog.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('loadInteractionLog', () => {
  it('reads sessions keyed by session_id or user_id, with ids as strings', async () => {
    const file = await writeText(
      dir,
      'log.jsonl',
      ['{"session_id": "s1", "item_ids": ["m1", "m2"]}', '', '{"user_id": 7, "item_ids": [3, "m4"]}'].join(
        '\n',
      ),
    );
    const log = await loadInteractionLog(file);
    expect(log.source).toBe(file);
    expect(log.sessions).toEqual([
      { sessionId: 's1', itemIds: ['m1', 'm2'] },
      { sessionId: '7', itemIds: ['3', 'm4'] },
    ]);
    expect(log.skipped).toEqual([]);
  });

  it('skips bad lines and reports each with its file and line number', async () => {
    const file = await writeText(
      dir,
      'log.jsonl',
      [
        '{"session_id": "s1", "item_ids": ["m1"]}',
        '{"session_id": "s2", "item_ids": [',
        '{"item_ids": ["m1"]}',
        '{"session_id": "s4", "item_ids": "m1"}',
        '{"session_id": "s5", "item_ids": ["m2"]}',
      ].join('\n'),
    );
    const log = await loadInteractionLog(file);
    expect(log.sessions.map((session) => session.sessionId)).toEqual(['s1', 's5']);
    expect(log.skipped).toHaveLength(3);
    expect(log.skipped[0]).toBe(`${file}:2: malformed JSON`);
    expect(log.skipped[1]).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: .*session_id or user_id`),
    );
    expect(log.skipped[2]).toContain(`${file}:4: field "item_ids"`);
  });

  it('refuses a log without a valid session, quoting the first problem', async () => {
    const file = await writeText(dir, 'log.jsonl', 'nope\n{"item_ids": []}\n');
    const error = await thrownBy(() => loadInteractionLog(file));
    expect(error.code).toBe('LOG_INVALID');
    expect(error.message).toContain(`${file}:1: malformed JSON`);
  });

  it('refuses a missing file with LOG_INVALID naming it', async () => {
    const file = join(dir, 'missing.jsonl');
    const error = await thrownBy(() => loadInteractionLog(file));
    expect(error.code).toBe('LOG_INVALID');
    expect(error.message).toContain(file);
  });
});
