import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let directory: string;

interface AskJson {
  sessionId: string;
  mode: string;
  turn: number;
  reply: string;
  recommendations: { item: { id: string; title: string; year?: number }; reason: string }[];
  usage: { llmCalls: number; calls: { failed: boolean }[] };
  degraded: { stage: string; code: string }[];
}

function ask(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'ask',
      ...args,
      '--index-dir',
      join(directory, 'index'),
      '--profile-db',
      join(directory, 'profiles.sqlite'),
    ],
    {
      encoding: 'utf8',
      input: options.input ?? '',
      env: {
        ...process.env,
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        CONVREC_MODEL: '',
        CONVREC_EMBEDDING_MODEL: '',
        ...options.env,
      },
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as AskJson;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-ask-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('convrec ask', () => {
  it('prints one turn as JSON with catalog items, reasons and usage, and nothing else on stdout', () => {
    const { code, stdout } = ask(['something like Heat, after 2000', '--json', '--user', 'ana']);
    expect(code).toBe(0);
    const result = json(stdout);
    expect(result.mode).toBe('offline');
    expect(result.usage.llmCalls).toBe(0);
    expect(result.recommendations).toHaveLength(5);
    for (const entry of result.recommendations) {
      expect(entry.item.year).toBeGreaterThan(2000);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
    expect(result.recommendations.map((entry) => entry.item.title)).not.toContain('Heat');
  });

  it('continues a conversation with --session: shown items are not repeated', () => {
    const first = json(ask(['a clever heist movie', '--json', '--user', 'ben']).stdout);
    const second = ask(['--session', first.sessionId, 'something older', '--json']);
    expect(second.code).toBe(0);
    const next = json(second.stdout);
    expect(next.sessionId).toBe(first.sessionId);
    expect(next.turn).toBe(2);
    const before = new Set(first.recommendations.map((entry) => entry.item.id));
    expect(next.recommendations.length).toBeGreaterThan(0);
    for (const entry of next.recommendations) expect(before.has(entry.item.id)).toBe(false);
    // "Older" means older than the middle of what was just shown.
    const years = first.recommendations.map((entry) => entry.item.year ?? 0).sort((a, b) => a - b);
    for (const entry of next.recommendations) expect(entry.item.year).toBeLessThan(years[2]!);
  });

  it('answers in plain text, with the session id on stderr, reading the request from stdin', () => {
    const { code, stdout, stderr } = ask(['-', '-k', '3'], { input: 'a funny animated movie\n' });
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((line) => /^\d\. /.test(line))).toHaveLength(3);
    expect(stdout).toMatch(/^1\. .+\(\d{4}\)/m);
    expect(stderr).toMatch(/offline · \d+ ms · session [\w-]+: continue with --session [\w-]+/);
  });

  it('fails with exit 1 and a JSON error for an unknown session', () => {
    const { code, stdout, stderr } = ask(['--session', 'no-such-id', 'hello', '--json']);
    expect(code).toBe(1);
    expect(json(stdout)).toMatchObject({ error: { code: 'SESSION_NOT_FOUND' } });
    expect(stderr).toMatch(/no saved conversation with id no-such-id/);
  });

  it('still answers from the catalog, offline, when the configured endpoint is unreachable', () => {
    const { code, stdout } = ask(['something like Alien', '--json'], {
      env: {
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        CONVREC_MODEL: 'llama3',
        CONVREC_MODEL_MAX_RETRIES: '0',
      },
    });
    expect(code).toBe(0);
    const result = json(stdout);
    expect(result.mode).toBe('llm');
    expect(result.recommendations).toHaveLength(5);
    expect(result.degraded.map((entry) => entry.stage)).toEqual(['understand', 'rerank']);
    expect(result.degraded.every((entry) => entry.code === 'MODEL_UNAVAILABLE')).toBe(true);
    // Both calls were attempted and both failed: the usage says so.
    expect(result.usage.calls.map((call) => call.failed)).toEqual([true, true]);
  });

  it('rejects an empty request', () => {
    const { code, stderr } = ask(['  ']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/the request is empty/);
  });
});
