import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { openRetriever } from '../../src/retrieval/open-retriever.js';
import { startOpenAIWireServer, type WireReply, type WireRequestBody } from '../../src/testing/index.js';
import { emptyUnderstanding } from '../../src/understanding/understanding-schema.js';

let directory: string;
let movieTitles: Set<string>;
let gameTitles: Set<string>;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-examples-test-'));
  // The demo catalog's index, where the examples look for it (CONVREC_INDEX_DIR/movies): built once here.
  const { catalog } = await openRetriever({
    catalog: 'examples/catalogs/movies.jsonl',
    indexDirectory: join(directory, 'indexes', 'movies'),
  });
  movieTitles = new Set(catalog.items.map((item) => item.title));
  const games = await loadCatalog('examples/catalogs/board-games.csv', {
    mapping: { id: 'game_id', title: 'name' },
  });
  gameTitles = new Set(games.items.map((item) => item.title));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs an example the way its comment says (tsx, from the project root) with no model configured
 * and every index in one temporary folder, so the demo catalog's index is built once.
 */
function runExample(file: string, args: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(OPENAI_|CONVREC_)/.test(name)),
  );
  return new Promise((resolve) => {
    execFile(
      'node_modules/.bin/tsx',
      [join('examples', file), ...args],
      {
        env: { ...clean, CONVREC_INDEX_DIR: join(directory, 'indexes'), ...env },
        timeout: 30_000,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** "1. Heat (1995)…" lines: the titles, in order. */
function numberedTitles(stdout: string): string[] {
  return [...stdout.matchAll(/^\s*\d+\. (.+?) \(\d{4}\)/gm)].map((match) => match[1]!);
}

/** A stand-in OpenAI-compatible server: JSON understanding, then a rerank that picks these cards. */
async function wireServer(picks: number[], reply: string) {
  const lastUser = (body: WireRequestBody) =>
    (body.messages ?? []).findLast((message) => message.role === 'user')?.content ?? '';
  return startOpenAIWireServer(({ body }): WireReply => {
    const cards = /<cards>\n([\s\S]*?)\n<\/cards>/.exec(lastUser(body))?.[1]?.split('\n');
    if (body.stream && cards) {
      const lines = picks.map(
        (position, index) => `${index + 1}. ${cards[position]!.split(' | ')[0]} | wire pick ${index + 1}`,
      );
      return { text: [`REPLY: ${reply}`, ...lines].join('\n'), chunkSize: 5 };
    }
    return { json: { ...emptyUnderstanding(), queries: ['professional thieves plan a heist'] } };
  });
}

describe('examples', () => {
  it('recommend.ts answers offline, then shows five more without repeats', async () => {
    const { code, stdout } = await runExample('recommend.ts', ['a heist movie like Heat']);

    expect(code).toBe(0);
    // The index built for the demo catalog is found and reused.
    expect(stdout.split('\n')[0]).toBe('Mode: offline');
    expect(stdout).toContain('> a heist movie like Heat');
    const titles = numberedTitles(stdout);
    expect(titles).toHaveLength(10);
    expect(new Set(titles).size).toBe(10);
    for (const title of titles) expect(movieTitles).toContain(title);
    expect(titles).not.toContain('Heat');
  });

  it('recommend.ts stops with a clear message when a server is set without a model', async () => {
    const { code, stdout, stderr } = await runExample('recommend.ts', [], {
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    });

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('OPENAI_BASE_URL is set (http://127.0.0.1:9/v1) but CONVREC_MODEL is not');
  });

  it('streaming.ts prints the turn’s events in order', async () => {
    const { code, stdout } = await runExample('streaming.ts', ['a clever heist movie like Heat']);

    expect(code).toBe(0);
    const tags = [...stdout.matchAll(/^\[([a-z-]+)\]/gm)].map((match) => match[1]);
    expect(tags[0]).toBe('turn-start');
    expect(tags).toContain('understanding');
    expect(tags.indexOf('tool-call')).toBeLessThan(tags.indexOf('tool-result'));
    expect(tags.slice(-3)).toEqual(['recommendations', 'reply', 'turn-end']);
    expect(stdout).toContain('[tool-call] search_catalog');
    expect(stdout).toMatch(/\[turn-end\] 0 LLM calls/);
    const titles = numberedTitles(stdout);
    expect(titles).toHaveLength(5);
    for (const title of titles) expect(movieTitles).toContain(title);
  });

  it('streaming.ts streams the reply of a configured model as it arrives', async () => {
    const server = await wireServer([2, 0, 1, 4, 3], 'Five heists worth planning an evening around.');
    try {
      const { code, stdout } = await runExample('streaming.ts', ['a clever heist movie'], {
        OPENAI_BASE_URL: server.url,
        CONVREC_MODEL: 'wire-model',
      });

      expect(code).toBe(0);
      expect(stdout).toContain('[turn-start] turn 1, llm');
      expect(stdout).toContain('[understanding] recommend: professional thieves plan a heist');
      expect(stdout).toContain('[text] Five heists worth planning an evening around.');
      expect(stdout).toMatch(/\[turn-end\] 2 LLM calls/);
      expect(stdout.match(/: wire pick \d/g)).toHaveLength(5);
      expect(server.requests.map((body) => body.model)).toEqual(['wire-model', 'wire-model']);
    } finally {
      await server.close();
    }
  });

  it('own-catalog.ts builds an index for the CSV and recommends board games with their mapped columns', async () => {
    const { code, stdout } = await runExample('own-catalog.ts', ['a cooperative game for the family']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^48 items from .*board-games\.csv$/m);
    expect(stdout).toMatch(/^Building the index in .*board-games-[0-9a-f]{8} \(no index yet\)/m);
    expect(stdout).toContain('"people":["designers"]');
    const lines = [...stdout.matchAll(/^\d+\. (.+?) \(\d{4}\) · ([\d-]+) players · (\d+) min$/gm)];
    expect(lines).toHaveLength(5);
    for (const [, title] of lines) expect(gameTitles).toContain(title);
    expect(lines.map((line) => line[1])).toContain('Forbidden Island');
  });

  it('own-catalog.ts infers the mapping of another CSV and names a missing file', async () => {
    const books = join(directory, 'books.csv');
    await writeFile(
      books,
      [
        'id,title,year,genres,author,description',
        'b1,Dune,1965,science fiction|adventure,Frank Herbert,"Feuding houses fight over a desert planet."',
        'b2,Emma,1815,romance|comedy,Jane Austen,"A young matchmaker meddles in village love lives."',
        'b3,Neuromancer,1984,science fiction|cyberpunk,William Gibson,"A burnt-out hacker takes one last job."',
      ].join('\n'),
    );
    const inferred = await runExample('own-catalog.ts', ['--catalog', books, 'science fiction']);
    expect(inferred.code).toBe(0);
    expect(inferred.stdout).toContain('3 items from');
    expect(inferred.stdout).toContain('"people":["author"]');
    // The genre column was recognised: both science-fiction books come first.
    expect(numberedTitles(inferred.stdout).slice(0, 2).sort()).toEqual(['Dune', 'Neuromancer']);

    const missing = await runExample('own-catalog.ts', ['--catalog', join(directory, 'nowhere.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nowhere\.csv: cannot read the catalog file \[CATALOG_NOT_FOUND\]/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('offline.ts holds a conversation with no model, even when one is configured', async () => {
    // A configured but dead endpoint: the offline example must not try it.
    const { code, stdout } = await runExample('offline.ts', [], {
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      CONVREC_MODEL: 'unused',
    });

    expect(code).toBe(0);
    expect(stdout).toContain('Mode: offline');
    const disliked = /^\/dislike 1: disliked (.+)$/m.exec(stdout)?.[1];
    expect(disliked).toBeDefined();
    const [, afterDislike] = stdout.split(/^\/dislike 1.*$/m);
    const later = numberedTitles(afterDislike!);
    expect(later).toHaveLength(10);
    expect(later).not.toContain(disliked);
    expect(stdout).toMatch(new RegExp(`^/new: .*Dislikes: ${disliked}`, 'm'));
    expect(stdout.match(/\(0 LLM calls/g)).toHaveLength(3);
    expect(stdout).not.toMatch(/note:|degraded/);
  });

  it('local-server.ts explains what to pass when no server is given', async () => {
    const { code, stdout, stderr } = await runExample('local-server.ts');

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('--base-url');
    expect(stderr).toContain('--demo');
  });

  it('local-server.ts uses the server and model given as options', async () => {
    const server = await wireServer([0, 1, 2, 3, 4], 'Straight from the local model.');
    try {
      const { code, stdout } = await runExample('local-server.ts', [
        '--base-url',
        server.url,
        '--model',
        'local-llama',
        'a clever heist movie',
      ]);

      expect(code).toBe(0);
      expect(stdout).toContain(`Model: local-llama at ${server.url}`);
      expect(stdout).toContain('Straight from the local model.');
      expect(stdout).not.toContain('DEMO');
      expect(stdout.match(/: wire pick \d/g)).toHaveLength(5);
      expect(stdout).toMatch(/\(2 LLM calls, \d+\+\d+ tokens reported by the server\)/);
      expect(server.requests.map((body) => body.model)).toEqual(['local-llama', 'local-llama']);
    } finally {
      await server.close();
    }
  });

  it('local-server.ts --demo says plainly that no model answered', async () => {
    const { code, stdout } = await runExample('local-server.ts', ['--demo']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^DEMO: a scripted stand-in .* not a language model\.$/m);
    expect(stdout).toContain('(demo server, no model)');
    const titles = numberedTitles(stdout);
    expect(titles).toHaveLength(5);
    for (const title of titles) expect(movieTitles).toContain(title);
  });

  it('local-server.ts still answers, offline and saying so, when the server is unreachable', async () => {
    const { code, stdout } = await runExample('local-server.ts', [
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--model',
      'absent',
    ]);

    expect(code).toBe(0);
    expect(stdout).toMatch(/note: the model failed at "understand" .*cannot reach the server/);
    expect(stdout).toMatch(/note: the model failed at "rerank"/);
    expect(numberedTitles(stdout)).toHaveLength(5);
  });

  it('langchain-agent.ts runs the tools in a LangChain loop and answers with catalog titles', async () => {
    const { code, stdout } = await runExample('langchain-agent.ts', ['Heat']);

    expect(code).toBe(0);
    expect(stdout).toContain(
      'Tools: search_catalog, resolve_titles, similar_items, get_item, get_user_profile, record_feedback',
    );
    expect(stdout).toContain('model → resolve_titles({"titles":["Heat"]})');
    expect(stdout).toMatch(/"Heat" → \[m0001\] Heat \(1995\)/);
    expect(stdout).toContain('model → similar_items({"ids":["m0001"],"k":5})');
    const answer = stdout.split('Answer:\n')[1]!;
    const titles = [...answer.matchAll(/^- (.+?) \(\d{4}\)$/gm)].map((match) => match[1]!);
    expect(titles).toHaveLength(5);
    for (const title of titles) expect(movieTitles).toContain(title);
    expect(titles).not.toContain('Heat');
  });

  it('langchain-agent.ts says when the title is not in the catalog', async () => {
    const { code, stdout } = await runExample('langchain-agent.ts', ['Zorblax Returns']);

    expect(code).toBe(0);
    expect(stdout).toContain('"Zorblax Returns" → not in the catalog');
    expect(stdout).not.toContain('similar_items(');
  });
});
