import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCooccurrence } from '../../src/collaborative/cooccurrence.js';
import type { InteractionLog } from '../../src/collaborative/interaction-log.js';
import { hashLog } from '../../src/index-store/build-index.js';
import { decodeCooccurrence, encodeCooccurrence } from '../../src/index-store/component-files.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

describe('the saved co-occurrence counts', () => {
  const catalog = toyCatalog();
  const ids = catalog.items.map((item) => item.id);
  const sessions = [
    [ids[0]!, ids[1]!, ids[2]!],
    [ids[1]!, ids[2]!],
    [ids[2]!, ids[3]!, 'not-in-catalog'],
  ].map((itemIds, index) => ({ sessionId: `s${index}`, itemIds }));
  const built = buildCooccurrence(sessions, new Set(ids));
  const decoded = decodeCooccurrence(encodeCooccurrence(built, catalog), catalog);

  it('read back every neighbour list, decoded only when it is read', () => {
    for (const id of ids) expect(decoded.neighbours[id]).toEqual(built.neighbours[id]);
    expect(Object.keys(decoded.neighbours).sort()).toEqual(Object.keys(built.neighbours).sort());
    expect(ids[5]! in decoded.neighbours).toBe(false);
    expect(decoded.neighbours['not-in-catalog']).toBeUndefined();
    expect(decoded.popularity).toEqual(built.popularity);
    expect(decoded.sessionItems).toEqual(built.sessionItems);
  });

  it('cannot be changed by a caller', () => {
    expect(() => {
      decoded.neighbours[ids[0]!] = [];
    }).toThrow(TypeError);
  });
});

describe('hashLog', () => {
  it('hashes the sessions exactly as one JSON string did, so saved indexes still match their log', () => {
    const log = {
      source: 'log.jsonl',
      sessions: [
        { sessionId: 'a', itemIds: ['m1', 'm2'] },
        { sessionId: 'b', itemIds: ['m3'] },
      ],
      skipped: [],
    };
    const whole = createHash('sha256').update(JSON.stringify(log.sessions)).digest('hex');
    expect(hashLog(log as unknown as InteractionLog)).toBe(whole);
  });
});
