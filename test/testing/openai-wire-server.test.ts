import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIWireServer, type OpenAIWireServer } from '../../src/testing/index.js';

let server: OpenAIWireServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (path: string, body: unknown) =>
  fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const chat = (extra: Record<string, unknown> = {}) => ({
  model: 'm',
  messages: [{ role: 'user', content: 'hello' }],
  ...extra,
});

describe('startOpenAIWireServer', () => {
  it('serves on 127.0.0.1 with a /v1 base URL and answers scripted replies in order', async () => {
    server = await startOpenAIWireServer([{ text: 'first' }, { json: { ok: true } }]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const first = (await (await post('/chat/completions', chat())).json()) as {
      choices: { message: { content: string }; finish_reason: string }[];
      usage: { prompt_tokens: number };
    };
    expect(first.choices[0]).toMatchObject({ message: { content: 'first' }, finish_reason: 'stop' });
    expect(first.usage.prompt_tokens).toBeGreaterThan(0);
    const second = (await (await post('/chat/completions', chat())).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(second.choices[0]!.message.content).toBe('{"ok":true}');
    expect(server.requests).toHaveLength(2);
    expect(server.remaining).toBe(0);
  });

  it('streams SSE data lines, tool-call pieces, usage when asked, and [DONE]', async () => {
    server = await startOpenAIWireServer([
      {
        text: 'Heat',
        toolCalls: [{ name: 'search', arguments: '{"query":"heist"}' }],
        usage: { promptTokens: 3, completionTokens: 4 },
      },
    ]);
    const response = await post(
      '/chat/completions',
      chat({ stream: true, stream_options: { include_usage: true } }),
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    const payloads = events
      .slice(0, -1)
      .map((event) => JSON.parse(event.slice(6)) as Record<string, unknown>);
    const text = JSON.stringify(payloads);
    expect(text).toContain('"finish_reason":"tool_calls"');
    expect(payloads.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } });
    const argumentPieces = payloads.flatMap((payload) => {
      const choices = payload.choices as {
        delta: { tool_calls?: { function?: { arguments?: string } }[] };
      }[];
      return choices.flatMap(
        (choice) => choice.delta.tool_calls?.map((call) => call.function?.arguments ?? '') ?? [],
      );
    });
    expect(argumentPieces.filter(Boolean).length).toBeGreaterThan(1);
    expect(argumentPieces.join('')).toBe('{"query":"heist"}');
  });

  it('sends errors with an OpenAI error body and a retry-after header', async () => {
    server = await startOpenAIWireServer([{ status: 429, message: 'slow down', retryAfter: 2 }]);
    const response = await post('/chat/completions', chat());
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ error: { message: 'slow down' } });
  });

  it('refuses configured response formats without using a reply', async () => {
    server = await startOpenAIWireServer([{ text: 'ok' }], { rejectResponseFormats: ['json_schema'] });
    const refused = await post(
      '/chat/completions',
      chat({ response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { param: 'response_format' } });
    expect(server.remaining).toBe(1);
    expect((await post('/chat/completions', chat({ response_format: { type: 'json_object' } }))).status).toBe(
      200,
    );
  });

  it('answers from a handler that sees the request', async () => {
    server = await startOpenAIWireServer(({ body, index }) => ({
      text: `${index}:${body.messages?.[0]?.content}`,
    }));
    const answer = (await (await post('/chat/completions', chat())).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(answer.choices[0]!.message.content).toBe('0:hello');
  });

  it('fails an unscripted request with a 500 the client must not retry', async () => {
    server = await startOpenAIWireServer([]);
    const response = await post('/chat/completions', chat());
    expect(response.status).toBe(500);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await response.text()).toMatch(/no scripted reply for request #1/);
  });

  it('rejects a body that is not JSON and unknown routes', async () => {
    server = await startOpenAIWireServer([]);
    expect((await post('/chat/completions', '{not json')).status).toBe(400);
    expect((await post('/completions', chat())).status).toBe(404);
    expect(server.requests).toHaveLength(0);
  });

  it('serves deterministic embeddings', async () => {
    server = await startOpenAIWireServer([], { embeddingDimensions: 4 });
    const read = async () =>
      (
        (await (await post('/embeddings', { model: 'e', input: ['heat', 'ronin'] })).json()) as {
          data: { index: number; embedding: number[] }[];
        }
      ).data;
    const first = await read();
    expect(first.map((entry) => entry.embedding.length)).toEqual([4, 4]);
    expect(first[0]!.embedding).not.toEqual(first[1]!.embedding);
    expect(await read()).toEqual(first);
    expect(server.embeddingRequests).toEqual([
      ['heat', 'ronin'],
      ['heat', 'ronin'],
    ]);
  });

  it('closes promptly even while a delayed reply is pending', async () => {
    server = await startOpenAIWireServer([{ text: 'late', delayMs: 10_000 }]);
    const pending = post('/chat/completions', chat()).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
