import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real CLI in a real pseudo-terminal: tmux runs it, send-keys types, capture-pane reads the screen.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.log('chat-e2e: tmux is not installed, so the terminal end-to-end test is skipped');

let directory: string;
// A tmux server of its own, with its socket in the test's folder.
const tmux = (...args: string[]) =>
  spawnSync('tmux', ['-S', join(directory, 'tmux.sock'), ...args], { encoding: 'utf8' });

/** The screen and its scrollback, as plain text. */
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'chat').stdout;

async function waitForScreen(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function typeLine(text: string): Promise<void> {
  tmux('send-keys', '-t', 'chat', '-l', text);
  await waitForScreen(new RegExp(`you › ${text.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')}\\s*$`));
  tmux('send-keys', '-t', 'chat', 'Enter');
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-e2e-'));
});

afterAll(async () => {
  if (hasTmux) tmux('kill-server');
  await rm(directory, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('convrec chat in a terminal (tmux)', () => {
  it('builds the index with a progress bar, shows cards and the status line for a request, quits on /quit', async () => {
    // ink draws only static output when it thinks it runs in CI, so the chat runs without CI set.
    const command = [
      'env -u CI -u CONTINUOUS_INTEGRATION OPENAI_API_KEY= OPENAI_BASE_URL= CONVREC_EMBEDDING_MODEL=',
      `'${process.execPath}' --import tsx src/cli/main.ts --offline --user e2e`,
      `--profile-db '${join(directory, 'profiles.db')}' --index-dir '${join(directory, 'index')}'`,
      '; echo "exited with $?"; sleep 60',
    ].join(' ');
    const started = tmux(
      'new-session',
      '-d',
      '-x',
      '100',
      '-y',
      '40',
      '-s',
      'chat',
      '-c',
      process.cwd(),
      command,
    );
    expect(started.status, started.stderr).toBe(0);

    const ready = await waitForScreen(/you ›\s*$/m);
    expect(ready).toMatch(/Building the index in .+ \(no index yet\)/);
    expect(ready).toMatch(/embedding items \[█+\] 676\/676/);
    expect(ready).toMatch(/convrec · 676 items from movies\.jsonl/);
    expect(ready).toMatch(/mode +offline — set OPENAI_API_KEY or OPENAI_BASE_URL to use an LLM/);
    expect(ready).toMatch(/user +e2e/);

    await typeLine('something like Heat');
    const answered = await waitForScreen(/\(offline · understand \d+ ms · tools \d+ ms · rank \d+ ms\)/);
    const turn = answered.slice(answered.indexOf('you › something like Heat'));
    expect(turn).toMatch(/convrec › Here are 5 picks/);
    const cards = [...turn.matchAll(/^ {2}(\d)\. (.+) \((\d{4})\)$/gm)];
    expect(cards.map((card) => card[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(cards.map((card) => card[2])).not.toContain('Heat');
    expect(turn).toMatch(/^ {5}crime, .+ · .+$/m);
    expect(turn).toMatch(/you ›\s*$/);

    await typeLine('/quit');
    const closed = await waitForScreen(/exited with \d+/);
    expect(closed).toContain('Bye.');
    expect(closed).toContain('exited with 0');
  });
});
