import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerTestCommand, runTestCommand } from '../../src/cli/commands/test-command.js';
import type { ConvrecConfig } from '../../src/config/load-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { unsafeCharacter } from '../../src/untrusted/index.js';
import { filmsCsv } from '../helpers/films-csv.js';

const csv = filmsCsv();

let folder: string;
let config: ConvrecConfig;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'convrec-test-command-'));
  await writeFile(join(folder, 'films.csv'), csv);
  await writeFile(
    join(folder, 'passes.yaml'),
    `name: space films
catalog: films.csv
k: 3
turns:
  - say: a space movie about astronauts
    expect: { items: 3, include: Deep Orbit, exclude_genre: romance }
`,
  );
  await writeFile(
    join(folder, 'fails.yaml'),
    `name: wrong on purpose
catalog: films.csv
turns:
  - say: a heist movie
    expect:
      exclude: The Vault Job
      year_at_least: 2010
`,
  );
  config = { ...loadConfig({}), indexDirectory: join(folder, 'indexes') };
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function runCommand(patterns: string[], options = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  const code = await runTestCommand(patterns, options, config, {
    out: (line) => out.push(...line.split('\n')),
    error: (line) => errors.push(line),
  });
  return { code, out, errors };
}

describe('convrec test', () => {
  it('prints a line per expectation and a summary, exit code 0 when all pass', async () => {
    const { code, out, errors } = await runCommand([join(folder, 'passes.yaml')]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/passes\.yaml — space films \(\d+\.\d s\)$/);
    expect(out.slice(1, 4)).toEqual([
      '  ✓ turn 1 "a space movie about astronauts": items 3',
      '  ✓ turn 1 "a space movie about astronauts": include Deep Orbit (2015)',
      '  ✓ turn 1 "a space movie about astronauts": exclude_genre romance',
    ]);
    expect(out.at(-1)).toBe('1 script, 3 expectations: 3 passed, 0 failed');
    // The catalog is resolved next to the script; its index is built once, into the index folder.
    expect(errors).toEqual([expect.stringMatching(/^Building the index of .*films\.csv/)]);
  });

  it('exits 1 on a failed expectation, with the actual values; wildcards pick the scripts', async () => {
    const { code, out } = await runCommand([join(folder, '*.yaml')]);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/fails\.yaml — wrong on purpose/);
    expect(out[1]).toMatch(
      /^ {2}✗ turn 1 "a heist movie": exclude The Vault Job \(2004\) — it is number \d of The Vault Job \(2004\), /,
    );
    expect(out[2]).toMatch(/^ {2}✗ turn 1 "a heist movie": year_at_least 2010 — got .*\((19|200)\d\)/);
    expect(out.at(-1)).toBe('2 scripts, 5 expectations: 3 passed, 2 failed');
  });

  it('stops at the first failing script with --bail, and prints JSON with --json', async () => {
    const files = [join(folder, 'fails.yaml'), join(folder, 'passes.yaml')];
    const bailed = await runCommand(files, { bail: true, failuresOnly: true });
    expect(bailed.code).toBe(1);
    expect(bailed.out.at(-1)).toBe('1 script, 2 expectations: 0 passed, 2 failed');
    const json = await runCommand(files, { json: true });
    const report = JSON.parse(json.out.join('\n')) as {
      ok: boolean;
      failed: number;
      scripts: { name: string }[];
    };
    expect(report).toMatchObject({ ok: false, failed: 2, passed: 3 });
    expect(report.scripts.map((script) => script.name)).toEqual(['wrong on purpose', 'space films']);
  });

  it('runs a script against another catalog with --catalog', async () => {
    const script = join(folder, 'demo-titles.yaml');
    await writeFile(script, 'turns:\n  - say: a heist movie\n    expect: { min_items: 1 }\n');
    const own = await runCommand([script], { catalog: join(folder, 'films.csv') });
    expect(own.code).toBe(0);
    await writeFile(script, 'turns:\n  - say: a heist movie\n    expect: { exclude: Heat }\n');
    // Heat is in the demo catalog, not in films.csv: the script cannot run against it.
    const other = await runCommand([script], { catalog: join(folder, 'films.csv') });
    expect(other.code).toBe(1);
    expect(other.out[0]).toMatch(
      /^✗ .*demo-titles\.yaml: .*demo-titles\.yaml:3 field "turns\.0\.expect\.exclude": no catalog item/,
    );
  });

  it('is a commander command that sets the exit code and explains the format in --help', async () => {
    const program = new Command().exitOverride();
    let help = '';
    program.configureOutput({ writeOut: (text) => (help += text) });
    registerTestCommand(program, () => config);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await program.parseAsync(['node', 'convrec', 'test', join(folder, 'fails.yaml')]);
    expect(process.exitCode).toBe(1);
    expect(log.mock.calls.map((call) => String(call[0]))).toContain(
      '1 script, 2 expectations: 0 passed, 2 failed',
    );
    process.exitCode = undefined;
    await program.parseAsync(['node', 'convrec', 'test', join(folder, 'passes.yaml')]);
    expect(process.exitCode).toBe(0);
    await expect(program.parseAsync(['node', 'convrec', 'test', '--help'])).rejects.toMatchObject({
      code: 'commander.helpDisplayed',
    });
    expect(help).toMatch(/examples\/dialogues/);
    expect(help).toMatch(/exclude_genre: horror/);
    expect(help).toMatch(/--catalog <file>/);
  });

  it('prints a script and a model reply full of escape sequences without them, as text and JSON', async () => {
    const osc = '\u001b]0;pwned\u0007';
    const script = join(folder, 'escapes.json');
    await writeFile(
      script,
      JSON.stringify({
        name: `escapes${osc} in a\u202e script`,
        catalog: 'films.csv',
        mode: 'scripted',
        turns: [
          {
            say: `hello\u001b[2J there\u2066`,
            model: [
              {
                understand: { intent: 'chit-chat', reply: `Hi${osc} there\u009b2J, what\u200b do you like?` },
              },
            ],
            expect: { reply_mentions: 'zzz\u001b[31m', intent: 'recommend' },
            known_issue: { reason: `no list${osc} yet\u202e`, expect: { min_items: 3 } },
          },
        ],
      }),
    );
    const { code, out, errors } = await runCommand([script]);
    expect(code).toBe(1);
    for (const line of [...out, ...errors]) expect(line).not.toMatch(unsafeCharacter);
    expect(out[0]).toMatch(/escapes\.json — escapes in a script \(\d+\.\d s\)$/);
    expect(out).toContain('  ✗ turn 1 "hello there": intent recommend — got chit-chat');
    expect(out.join('\n')).toMatch(/reply_mentions .* — reply was "Hi.* there, what do you like\?"/);
    expect(out.join('\n')).toMatch(/! turn 1 "hello there": min_items 3 — known issue, .* \(no list yet\)/);
    const json = await runCommand([script], { json: true });
    const text = json.out.join('\n');
    expect(text.replace(/\n/g, '')).not.toMatch(unsafeCharacter);
    const report = JSON.parse(text) as { scripts: { name: string }[] };
    // The JSON keeps the script's text exact, its controls written as \u escapes.
    expect(report.scripts[0]!.name).toBe(`escapes${osc} in a\u202e script`);
  });

  it('names a wildcard that matches nothing', async () => {
    await expect(runCommand([join(folder, 'nothing-*.yaml')])).rejects.toThrow(/no dialogue scripts match/);
  });
});
