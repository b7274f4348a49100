import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recallPlotSvg } from '../../src/eval/generic/index.js';

const fixtures = 'test/fixtures/eval-generic';
let directory: string;

function convrec(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', CONVREC_EMBEDDING_MODEL: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The SVG parsed as XML: its root element and every text it shows. */
function parseSvg(text: string) {
  const document = new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\s*/, ''), 'image/svg+xml');
  const root = document.documentElement;
  return {
    root,
    texts: [...document.querySelectorAll('text')].map((node) => node.textContent ?? ''),
  };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-eval-plot-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('recall@k plot', () => {
  it('is an SVG document with a line and a legend entry per run', async () => {
    const curve = (scale: number) => Array.from({ length: 50 }, (_, index) => scale * Math.log2(index + 2));
    const svg = await recallPlotSvg([
      { name: 'retrieval', recallAtK: curve(0.05) },
      { name: 'agent', recallAtK: curve(0.04) },
      { name: 'popularity', recallAtK: curve(0.02), dashed: true },
    ]);
    const { root, texts } = parseSvg(svg);
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(texts).toEqual(expect.arrayContaining(['retrieval', 'agent', 'popularity']));
    // Two solid lines and one dashed baseline.
    expect(svg.match(/aria-label="line"/g)).toHaveLength(2);
    expect(svg).toMatch(/<g stroke-dasharray="5,4"[^>]*aria-label="line"><path /);
  });
});

describe('convrec eval on your own data, then eval-plot', () => {
  it('prints the table and the additions, writes the report and the rankings, and plots two runs', async () => {
    const common = [
      '--catalog',
      join(fixtures, 'catalog.jsonl'),
      '--turns',
      join(fixtures, 'turns.jsonl'),
      '--log',
      join(fixtures, 'log.jsonl'),
      '--index-dir',
      join(directory, 'index'),
    ];
    const retrieval = convrec(
      'eval',
      ...common,
      '--name',
      'fixture retrieval',
      '--out',
      join(directory, 'retrieval.json'),
      '--dump-rankings',
      join(directory, 'rankings.jsonl'),
    );
    expect(retrieval.stderr).not.toMatch(/convrec:/);
    expect(retrieval.code).toBe(0);
    expect(retrieval.stdout).toMatch(/turns\.jsonl \(retrieval\): 4 turns, log 4 sessions/);
    expect(retrieval.stdout).toMatch(/^standard +4 /m);
    expect(retrieval.stdout).toMatch(/### Against popularity \(log mentions\)/);
    expect(retrieval.stdout).toMatch(/\| small talk \| 1 \| 1 \|/);

    const dump = (await readFile(join(directory, 'rankings.jsonl'), 'utf8')).trim().split('\n');
    expect(dump).toHaveLength(4);
    for (const line of dump) {
      const parsed = JSON.parse(line) as { id: string; ranked_ids: string[] };
      // The whole (ten-item) catalog is ranked: at least 50 ids where the catalog has them.
      expect(parsed.ranked_ids).toHaveLength(10);
    }

    const agent = convrec(
      'eval',
      ...common,
      '--agent',
      '--name',
      'fixture agent',
      '--out',
      join(directory, 'agent.json'),
    );
    expect(agent.code).toBe(0);
    expect(agent.stdout).toMatch(/Answered without a list: 2 of 4 turns/);
    // The agent's latency also without reading each turn's history into a state (what a live session costs).
    expect(agent.stdout).toMatch(
      /without reading the dialogue so far into a state .*: p50 \d+\.\d ms, p95 \d+\.\d ms/,
    );

    const plot = join(directory, 'plot.svg');
    const plotted = convrec(
      'eval-plot',
      join(directory, 'retrieval.json'),
      join(directory, 'agent.json'),
      '--out',
      plot,
    );
    expect(plotted.code).toBe(0);
    const { root, texts } = parseSvg(await readFile(plot, 'utf8'));
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(texts).toEqual(expect.arrayContaining(['fixture retrieval', 'fixture agent']));
  });

  it('stops at a bad turn with the file and line', () => {
    const bad = convrec(
      'eval',
      '--catalog',
      join(fixtures, 'catalog.jsonl'),
      '--turns',
      join(fixtures, 'turns-bad.jsonl'),
      '--index-dir',
      join(directory, 'index'),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/turns-bad\.jsonl:2 field "context\.0\.role": .*\[DATASET_INVALID\]/);
  });

  it('refuses a file that is not an evaluation report, naming it', () => {
    const plotted = convrec('eval-plot', join(fixtures, 'log.jsonl'), '--out', join(directory, 'x.svg'));
    expect(plotted.code).toBe(1);
    expect(plotted.stderr).toMatch(/log\.jsonl: not valid JSON/);
  });
});
