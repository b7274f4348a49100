import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startOpenAIWireServer,
  type OpenAIWireServer,
  type WireChatRequest,
} from '../../src/testing/index.js';
import { agentAnswer } from './scripted-agent-model.js';

const run = promisify(execFile);
const fixtures = 'test/fixtures/eval-generic';
let directory: string;
let server: OpenAIWireServer;

/** The wire request as the scripted agent answer sees it: understanding asks for JSON, the rerank sends cards. */
function answer({ body }: WireChatRequest) {
  const messages = (body.messages ?? []).map((message) => ({
    role: 'user' as const,
    content: typeof message.content === 'string' ? message.content : '',
  }));
  const content = messages.map((message) => message.content).join('\n');
  const purpose = body.response_format ? 'understand' : content.includes('<cards>') ? 'rerank' : 'answer';
  const reply = agentAnswer({ purpose, messages });
  return { text: reply.text ?? '', usage: { promptTokens: 1000, completionTokens: 60 } };
}

/** `convrec eval` over the fixture in a child process, with the endpoint only when `endpoint` is set. */
async function convrecEval(name: string, extra: string[], endpoint: boolean) {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'eval',
      '--catalog',
      join(fixtures, 'catalog.jsonl'),
      '--turns',
      join(fixtures, 'turns.jsonl'),
      '--index-dir',
      join(directory, 'index'),
      '--out',
      join(directory, `${name}.json`),
      '--dump-rankings',
      join(directory, `${name}.jsonl`),
      ...extra,
    ],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        OPENAI_API_KEY: endpoint ? 'test-key' : '',
        OPENAI_BASE_URL: endpoint ? server.url : '',
        CONVREC_MODEL: '',
        CONVREC_EMBEDDING_MODEL: '',
      },
    },
  );
  return { stdout, rankings: await readFile(join(directory, `${name}.jsonl`), 'utf8') };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'convrec-eval-cli-replay-'));
  server = await startOpenAIWireServer(answer);
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

describe('convrec eval --model with --record and --replay', () => {
  it('records against an endpoint once, then replays with no endpoint to the same rankings', async () => {
    const cache = join(directory, 'cache');
    const recorded = await convrecEval('recorded', ['--model', 'wire-model', '--record', cache], true);
    const calls = server.requests.length;
    expect(calls).toBeGreaterThan(0);
    expect(await readdir(cache)).toHaveLength(calls);
    expect(recorded.stdout).toContain('whole agent turn with wire-model');
    expect(recorded.stdout).toContain(`model calls: 0 answered from ${cache}, ${calls} made and recorded`);
    expect(recorded.stdout).toMatch(/Faithful explanations: 0\.800/);

    const replayed = await convrecEval('replayed', ['--model', 'wire-model', '--replay', cache], false);
    expect(replayed.rankings).toBe(recorded.rankings);
    expect(replayed.stdout).toContain(`model calls: ${calls} answered from ${cache}`);

    // Recording again resumes from the cache: no call reaches the endpoint.
    await convrecEval('again', ['--model', 'wire-model', '--record', cache], true);
    expect(server.requests.length).toBe(calls);
  }, 60_000);

  it('fails a replay with another model name, naming the missing key', async () => {
    const error = await convrecEval(
      'other',
      ['--model', 'other-model', '--replay', join(directory, 'cache')],
      false,
    ).then(
      () => undefined,
      (failure: { stderr?: string }) => failure,
    );
    expect(error?.stderr).toMatch(/holds no response for model call [0-9a-f]{64} \(purpose "understand"/);
  }, 30_000);
});
