import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let directory: string;

/** The real CLI with piped stdin, as scripts use it. */
function convrec(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CONVREC_EMBEDDING_MODEL: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-line-chat-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('convrec with piped input', () => {
  it('chats line by line: every line in order, cards, commands, and nothing after /quit', () => {
    const script = [
      'something like Heat',
      '/like 1',
      '/like 9',
      '/bogus',
      '/why 2',
      '/profile',
      '/quit',
      'this line is never read',
    ].join('\n');
    const profiles = join(directory, 'profiles.db');
    const { code, stdout } = convrec(
      ['--offline', '--user', 'pipe', '--profile-db', profiles, '--index-dir', join(directory, 'index')],
      script,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^convrec — 676 items from .+movies\.jsonl · offline — .+ · user pipe$/m);
    expect(stdout).toContain('/why N      a longer explanation of item N');
    const cards = [...stdout.matchAll(/^ {2}(\d)\. (.+) \(\d{4}\) — (.+)$/gm)];
    expect(cards.map((card) => card[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(stdout).toMatch(/\(offline · understand \d+ ms · tools \d+ ms · rank \d+ ms\)/);
    expect(stdout).toContain(`Noted: liked ${cards[0]![2]}`);
    expect(stdout).toContain('! choose a number from 1 to 5 [TOOL_INPUT_INVALID]');
    expect(stdout).toContain('Unknown command /bogus. /help lists them.');
    expect(stdout).toContain(`convrec › ${cards[1]![2]}`);
    expect(stdout).toMatch(/\(2 feedback events: 2 liked · summary written by offline\)/);
    expect(stdout).not.toContain('never read');

    // The profile persists: a new run for the same user sees it.
    const again = convrec(
      [
        'chat',
        '--offline',
        '--user',
        'pipe',
        '--profile-db',
        profiles,
        '--index-dir',
        join(directory, 'index'),
      ],
      '/profile\n',
    );
    expect(again.stdout).toContain(`Likes: ${cards[0]![2]}`);
  });

  it('reports a bad catalog in one line, with the stack trace only under --debug', () => {
    const args = [
      'chat',
      '--catalog',
      join(directory, 'missing.jsonl'),
      '--profile-db',
      join(directory, 'p.db'),
    ];
    const plain = convrec(args);
    expect(plain.code).toBe(1);
    expect(plain.stderr.trim()).toMatch(
      /^convrec: .+missing\.jsonl: cannot read the catalog file \[CATALOG_NOT_FOUND\]$/,
    );
    const debug = convrec([...args, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at .+load-catalog\.ts/m);
  });
});
