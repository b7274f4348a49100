import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAIEmbeddingModel } from '../../src/embeddings/openai-embedding-model.js';
import { ConvrecError } from '../../src/errors/index.js';

/** A local server speaking the OpenAI embeddings wire format, with scripted failures. */
let server: Server;
let baseURL: string;
let requests: { input: string[]; model: string }[];
let failures: { status: number; body: string }[];

function vectorFor(text: string): number[] {
  return [text.length, 1, 0];
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let raw = '';
  for await (const chunk of request) raw += String(chunk);
  const body = JSON.parse(raw) as { input: string[]; model: string };
  requests.push(body);
  const failure = failures.shift();
  if (failure) {
    response.writeHead(failure.status, { 'content-type': 'application/json', 'retry-after-ms': '5' });
    response.end(failure.body);
    return;
  }
  // Answer out of order: the client must sort by index.
  const data = body.input
    .map((text, index) => ({ object: 'embedding', index, embedding: vectorFor(text) }))
    .reverse();
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
  );
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  failures = [];
});

const model = (options: { maxBatchSize?: number; maxRetries?: number; dimensions?: number } = {}) =>
  new OpenAIEmbeddingModel({
    model: 'local-embedder',
    apiKey: 'test',
    baseURL,
    timeoutMs: 5_000,
    ...options,
  });

describe('OpenAIEmbeddingModel against an OpenAI-compatible server', () => {
  it('batches within the limit and keeps the input order', async () => {
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const vectors = await model({ maxBatchSize: 2, dimensions: 3 }).embed(texts);
    expect(requests.map((request) => request.input.length)).toEqual([2, 2, 1]);
    expect(requests[0]!.model).toBe('local-embedder');
    // Unit length, and the first component grows with the text length as the server made it.
    expect(vectors.map((vector) => Math.hypot(...vector))).toEqual(texts.map(() => expect.closeTo(1, 6)));
    const firsts = vectors.map((vector) => vector[0]!);
    expect([...firsts].sort((left, right) => left - right)).toEqual(firsts);
  });

  it('retries a server error and succeeds', async () => {
    failures = [{ status: 500, body: '{"error":{"message":"overloaded"}}' }];
    const vectors = await model({ maxRetries: 2, dimensions: 3 }).embed(['hello']);
    expect(vectors).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it('does not retry a bad request, and says so in a typed error', async () => {
    failures = [{ status: 400, body: '{"error":{"message":"bad input"}}' }];
    const error = await model({ maxRetries: 3, dimensions: 3 })
      .embed(['hello'])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConvrecError);
    expect(error).toMatchObject({ code: 'EMBEDDING_FAILED', retryable: false });
    expect((error as Error).message).toMatch(/HTTP 400/);
    expect(requests).toHaveLength(1);
  });

  it('learns the vector size of an unknown model with one probe', async () => {
    const embedder = model();
    expect(embedder.hasKnownDimensions).toBe(false);
    expect(() => embedder.dimensions).toThrow(/CONVREC_EMBEDDING_DIMENSIONS/);
    expect(await embedder.detectDimensions()).toBe(3);
    expect(embedder.dimensions).toBe(3);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await model({ dimensions: 3 })
      .embed(['hello'], controller.signal)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ABORTED' });
  });
});
