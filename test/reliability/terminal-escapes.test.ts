import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, promisify } from 'node:util';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRecommender } from '../../src/agent/create-recommender.js';
import { chatHeader } from '../../src/cli/chat/chat-header.js';
import { ChatApp } from '../../src/cli/chat/ChatApp.js';
import { registerAskCommand } from '../../src/cli/commands/ask-command.js';
import { registerIndexCommand } from '../../src/cli/commands/index-command.js';
import { registerSearchCommand } from '../../src/cli/commands/search-command.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { GenerateRequest } from '../../src/model/language-model.js';
import { ScriptedModel, type ScriptedResponse } from '../../src/model/scripted-model.js';
import { MemoryProfileStore } from '../../src/profile/memory-profile-store.js';
import { openRetriever } from '../../src/retrieval/open-retriever.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { emptyUnderstanding } from '../../src/understanding/understanding-schema.js';
import { approximateTokenCounter } from '../../src/usage/token-counter.js';
import { ChatScreen } from '../cli/chat/chat-harness.js';

// Finding 3 of issue 9: catalog text (and model output) reaches no printer raw.

const osc = '\u001b]0;pwned\u0007';
const clear = '\u001b[2J\u001b[H';
const red = '\u001b[31m';
const reset = '\u001b[0m';

/** Each title hides one kind of escape; `readable` is what a terminal should show of it. */
const escapeCases: { name: string; title: string; readable: string }[] = [
  { name: 'OSC window title (BEL)', title: `Vault${osc} Heist`, readable: 'Vault Heist' },
  { name: 'CSI clear screen', title: `${clear}Bank Job Story`, readable: 'Bank Job Story' },
  { name: 'CSI colours', title: `${red}Red${reset} Robbery`, readable: 'Red Robbery' },
  { name: 'bidi override', title: `Night \u202eCrew\u202c Run`, readable: 'Night Crew Run' },
  { name: 'bidi isolate', title: `Isolate \u2066Safe\u2069 Crackers`, readable: 'Isolate Safe Crackers' },
  { name: 'zero-width', title: 'Ze\u200bro Wi\u2060dth\ufeff Ca\u200dper', readable: 'Zero Width Caper' },
  { name: 'line separator', title: 'Line\u2028Break Robbers', readable: 'Break Robbers' },
  { name: 'NUL', title: 'Null\u0000 Bank', readable: 'Null Bank' },
  { name: 'C1 CSI', title: 'Sea\u009b2J Thieves', readable: 'Sea Thieves' },
  {
    name: 'OSC 8 hyperlink (ST)',
    title: '\u001b]8;;http://evil.example\u001b\\Link\u001b]8;;\u001b\\ Raid',
    readable: 'Link Raid',
  },
  { name: 'DCS string', title: 'Diamond\u001bPq#0;2\u001b\\ Job', readable: 'Diamond Job' },
  { name: 'tag characters', title: 'Tagged\u{E0049}\u{E0047} Getaway', readable: 'Tagged Getaway' },
];

/**
 * What must never reach a terminal: C0 controls but tab and line feed, DEL and C1, bidi controls,
 * zero-width and invisible characters, U+2028/2029, tag characters.
 */
/* eslint-disable no-control-regex -- control characters are exactly what is looked for */
const unsafe =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/;
/* eslint-enable no-control-regex */

function expectClean(output: string, where: string): void {
  const match = unsafe.exec(output);
  const context = match ? JSON.stringify(output.slice(Math.max(0, match.index - 30), match.index + 30)) : '';
  expect(match, `${where}: U+${match?.[0].charCodeAt(0).toString(16)} in ${context}`).toBeNull();
}

const rows = escapeCases.map((entry, index) => ({
  id: `e${index + 1}`,
  title: entry.title,
  year: 1990 + index,
  genres: ['Crime', index % 2 ? 'Thri\u202eller' : 'Dra\u200bma'],
  director: [`Dir${osc}ector ${index}`],
  cast: [`Al ${red}Pacino${reset}`, 'Ro\u200bbert\u2028De Niro'],
  description: `a crew plans a bank heist${clear} and a robbery\u0000 goes wrong \u202eevil\u202c ${osc}`,
}));

let directory: string;
let catalog: string;
let indexDirectory: string;

/** A command run in this process, as `convrec` runs it: what it printed on stdout and stderr. */
async function inProcess(args: string[]): Promise<Output> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...parts) => void stdout.push(`${format(...parts)}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...parts) => void stderr.push(`${format(...parts)}\n`)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0),
  ];
  const config = () =>
    loadConfig({ CONVREC_PROFILE_DB: join(directory, `${args[0]}-${args.length}.sqlite`) });
  const program = new Command().exitOverride();
  registerIndexCommand(program, config);
  registerSearchCommand(program, config);
  registerAskCommand(program, config);
  const exitCode = process.exitCode;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.exitCode = exitCode;
    for (const spy of spies) spy.mockRestore();
  }
}

const run = promisify(execFile);

/** The real CLI as a child process (for what main.ts prints, and the line chat on piped stdin). */
async function convrec(args: string[], input = ''): Promise<Output> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CONVREC_EMBEDDING_MODEL: '' },
    timeout: 60_000,
  });
  child.child.stdin?.end(input);
  try {
    return { code: 0, ...(await child) };
  } catch (error) {
    const failed = error as Output;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

const outputs = new Map<string, Output>();
const request = 'a bank heist crew robbery';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-escapes-'));
  catalog = join(directory, 'escapes.jsonl');
  indexDirectory = join(directory, 'index');
  await writeFile(catalog, rows.map((row) => JSON.stringify(row)).join('\n'));
  // A catalog whose bad fields are warned about.
  const warned = join(directory, 'warned.jsonl');
  await writeFile(
    warned,
    [
      { id: 'w1', title: `Fine${osc} One`, description: 'a bank heist' },
      { id: 'w2', title: 'Fine Two', year: `soon${clear}\u202e`, description: 'a crew' },
      { id: `w3${clear}`, title: 'Fine Three', genres: `Crime${osc}`, description: 'robbers' },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n'),
  );
  const built = await inProcess(['index', catalog, '--out', indexDirectory]);
  expect(built.code, built.stderr).toBe(0);
  const where = ['--catalog', catalog, '--index-dir', indexDirectory];
  // Two child processes at once (the machine is shared), the in-process commands meanwhile.
  const children = Promise.all([
    convrec(
      ['--offline', '--user', 'pipe', '-k', '12', ...where, '--profile-db', join(directory, 'chat.sqlite')],
      `${request}\n/why 1\n/like 2\n/profile\nmore like Vault${osc} Heist\u202e please\n/quit\n`,
    ),
    (async () => [
      await convrec(['search', 'heist', '-k', `5${clear}\u202e${osc}`, ...where]),
      await convrec(['search', `--bogus${osc}\u009b2J`, 'heist', ...where]),
    ])(),
  ]);
  const commands: [string, string[]][] = [
    ['index (warnings)', ['index', warned, '--out', join(directory, 'index-warned')]],
    ['search', ['search', request, '-k', '12', ...where]],
    ['search --json', ['search', request, '-k', '12', '--json', ...where]],
    ['resolve', ['resolve', 'Night Crew Run', ...where]],
    ['resolve (no match)', ['resolve', `Nothing${osc}Here\u202e`, ...where]],
    ['resolve --json', ['resolve', 'Night Crew Run', '--json', ...where]],
    ['resolve (typed clean)', ['resolve', 'Vault Heist', ...where]],
    ['ask', ['ask', request, '--offline', '-k', '12', ...where]],
    ['ask --json', ['ask', request, '--offline', '-k', '12', '--json', ...where]],
    [
      'ask --json (error)',
      ['ask', 'hello', '--offline', '--session', `gone${osc}\u202e\u009b2J`, '--json', ...where],
    ],
  ];
  for (const [name, args] of commands) outputs.set(name, await inProcess(args));
  const [chat, [badOption, unknownOption]] = await children;
  outputs.set('line chat', chat);
  outputs.set('error (bad option value)', badOption!);
  outputs.set('error (unknown option)', unknownOption!);
}, 180_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const printers = [
  'index (warnings)',
  'search',
  'search --json',
  'resolve',
  'resolve (no match)',
  'resolve --json',
  'resolve (typed clean)',
  'ask',
  'ask --json',
  'ask --json (error)',
  'line chat',
  'error (bad option value)',
  'error (unknown option)',
];

describe('an escape-laden catalog through every command', () => {
  it.each(printers)('%s: prints no control, escape, bidi or zero-width character', (name) => {
    const output = outputs.get(name)!;
    expectClean(output.stdout, `${name} stdout`);
    expectClean(output.stderr, `${name} stderr`);
  });

  it('search, ask and the line chat still show every title readably', () => {
    for (const name of ['search', 'ask', 'line chat']) {
      const { code, stdout } = outputs.get(name)!;
      expect(code, name).toBe(0);
      const shown = escapeCases.filter((entry) => stdout.includes(entry.readable));
      expect(
        shown.map((entry) => entry.name),
        name,
      ).toEqual(escapeCases.map((entry) => entry.name));
    }
    expect(outputs.get('search')!.stdout).toContain('Al Pacino');
    expect(outputs.get('ask')!.stdout).toMatch(/^Here are 12 /);
  });

  it('resolve shows the matched title readably, and the unmatched request without its escapes', () => {
    expect(outputs.get('resolve')!.stdout).toMatch(/^e4\tNight Crew Run \[1993\]\t/m);
    expect(outputs.get('resolve (no match)')!.stdout).toContain(
      'No title in the catalog matches "NothingHere"',
    );
  });

  it('resolve finds a title hiding an escape sequence by the words a user types', () => {
    expect(outputs.get('resolve (typed clean)')!.stdout).toMatch(/^e1\tVault Heist \[1990\]\t/m);
  });

  it('ask --json prints an error quoting what was typed as valid JSON, without its escapes', () => {
    const { code, stdout, stderr } = outputs.get('ask --json (error)')!;
    expect(code).toBe(1);
    const printed = JSON.parse(stdout) as { error: { code: string; message: string } };
    expect(printed.error.code).toBe('SESSION_NOT_FOUND');
    expect(printed.error.message).toMatch(/^no saved conversation with id gone in /);
    expect(stderr).toMatch(/^convrec: no saved conversation with id gone in .+ \[SESSION_NOT_FOUND\]\n$/);
  });

  it('--json stays valid JSON with the catalog text exact, its controls as \\u escapes', () => {
    const search = JSON.parse(outputs.get('search --json')!.stdout) as {
      candidates: { item: { id: string; title: string } }[];
    };
    expect(search.candidates).toHaveLength(12);
    for (const candidate of search.candidates)
      expect(candidate.item.title).toBe(rows.find((row) => row.id === candidate.item.id)!.title);
    const ask = JSON.parse(outputs.get('ask --json')!.stdout) as {
      recommendations: { item: { title: string }; reason: string }[];
    };
    expect(ask.recommendations.map((entry) => entry.item.title).sort()).toEqual(
      rows.map((row) => row.title).sort(),
    );
    const resolve = JSON.parse(outputs.get('resolve --json')!.stdout) as { item: { title: string } }[];
    expect(resolve[0]?.item.title).toBe(rows[3]!.title);
    expect(outputs.get('search --json')!.stdout).toContain('Vault\\u001b]0;pwned\\u0007 Heist');
    expect(outputs.get('search --json')!.stdout).toContain('Night \\u202eCrew\\u202c Run');
  });

  it('prints errors that quote what was typed as clean lines', () => {
    const badValue = outputs.get('error (bad option value)')!;
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toBe('convrec: --k must be a whole number, got "5"\n');
    const unknown = outputs.get('error (unknown option)')!;
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: unknown option '--bogus'\n/);
  });
});

describe('an escape-laden catalog and model output in the ink chat', () => {
  let retriever: Retriever;

  beforeAll(async () => {
    ({ retriever } = await openRetriever({ catalog, indexDirectory }));
  }, 60_000);

  /** A rerank answer over the prompt's first cards, its reply and reasons full of escapes. */
  const rerank = (request: GenerateRequest): ScriptedResponse => {
    const prompt = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
    const handles = (/<cards>\n([\s\S]*?)\n<\/cards>/.exec(prompt)?.[1] ?? '')
      .split('\n')
      .slice(0, 5)
      .map((line) => line.split(' | ')[0]!);
    return {
      text: [
        `REPLY: Five ${osc}crews\u202e that${clear} plan\u200b every move\u0000.`,
        ...handles.map(
          (handle, index) => `${index + 1}. ${handle} | A ${red}tight${reset}\u2066 plan\u009b2J.`,
        ),
      ].join('\n'),
    };
  };

  it('draws no control, escape, bidi or zero-width character, and the titles readably', async () => {
    const model = new ScriptedModel(
      [
        {
          purpose: 'understand',
          text: JSON.stringify({ ...emptyUnderstanding('recommend'), queries: [request] }),
        },
        rerank,
        {
          purpose: 'understand',
          text: JSON.stringify({ ...emptyUnderstanding('ask-about-item'), referencedPosition: 2 }),
        },
        {
          purpose: 'answer',
          text: `It is ${osc}built\u202e around one${clear} plan\u2028 and a getaway\u009b2J.`,
        },
      ],
      { modelId: 'scripted' },
    );
    const recommender = await createRecommender({
      retriever,
      model,
      profileStore: new MemoryProfileStore(),
      tokenCounter: approximateTokenCounter,
      k: 12,
    });
    const app = render(
      createElement(ChatApp, {
        recommender,
        userId: `ann${osc}`,
        header: chatHeader({
          catalogPath: catalog,
          itemCount: retriever.catalog.items.length,
          mode: 'scripted',
          userId: `ann\u202e${osc}`,
        }),
      }),
    );
    const screen = new ChatScreen(app);
    try {
      await screen.submit(request);
      await screen.waitFor((frame) => frame.includes('(2 LLM calls'));
      await screen.submit('/why 2');
      await screen.waitFor('around one plan');
      await screen.idle();
      model.assertComplete();
      const frames = app.frames.join('\n');
      expectClean(frames, 'ink chat');
      expect(frames).toContain('Five crews that plan every move.');
      expect(frames).toContain('A tight plan.');
      expect(frames).toMatch(/It is built around one plan\s+and a getaway\./);
      const shown = escapeCases.filter((entry) => frames.includes(entry.readable)).length;
      expect(shown).toBeGreaterThanOrEqual(5);
    } finally {
      screen.unmount();
    }
  });
});
