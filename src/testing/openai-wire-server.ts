import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { parseJson } from '../model/parse-json.js';
import {
  completionBody,
  streamChunks,
  type WireCompletionReply,
  type WireEmbeddingReply,
  type WireReply,
} from './wire-reply.js';

const requestBodySchema = z.looseObject({
  model: z.string().optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.string(),
        content: z.string().nullish(),
        tool_call_id: z.string().optional(),
        tool_calls: z
          .array(
            z.looseObject({
              id: z.string(),
              function: z.object({ name: z.string(), arguments: z.string() }),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  tools: z
    .array(z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string() }) }))
    .optional(),
  response_format: z
    .looseObject({
      type: z.string(),
      json_schema: z
        .looseObject({
          name: z.string(),
          schema: z.record(z.string(), z.unknown()),
          strict: z.boolean().nullish(),
        })
        .optional(),
    })
    .optional(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
});

/** A chat-completions request body as the server received it. */
export type WireRequestBody = z.infer<typeof requestBodySchema>;

/** A request passed to a reply handler: its body and its 0-based position among chat requests. */
export interface WireChatRequest {
  body: WireRequestBody;
  index: number;
}

/** Answers chat requests one by one; may be async. */
export type WireHandler = (request: WireChatRequest) => WireReply | Promise<WireReply>;

export interface OpenAIWireServerOptions {
  /** Refuse these `response_format` types with a 400, like a server without structured output. */
  rejectResponseFormats?: ('json_schema' | 'json_object')[];
  /** Size of the vectors POST /v1/embeddings returns (default 8). */
  embeddingDimensions?: number;
  /** Answers embeddings request number `index` (0-based) this way; undefined sends the vectors at once. */
  embeddingReply?: (request: { input: string[]; index: number }) => WireEmbeddingReply | undefined;
}

/** A running local server; `url` is the base URL, ending in /v1. */
export interface OpenAIWireServer {
  readonly url: string;
  /** Every chat-completions body received, in order, refused ones included. */
  readonly requests: WireRequestBody[];
  /** The `input` of every embeddings request. */
  readonly embeddingRequests: string[][];
  /** Scripted replies not used yet (0 with a handler). */
  readonly remaining: number;
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 speaking the OpenAI chat-completions wire format (JSON and SSE),
 * answering from a list of replies in order or from a handler. Unscripted requests get a 500 that
 * tells the client not to retry.
 */
export async function startOpenAIWireServer(
  replies: WireReply[] | WireHandler,
  options: OpenAIWireServerOptions = {},
): Promise<OpenAIWireServer> {
  const script = typeof replies === 'function' ? undefined : [...replies];
  const handler: WireHandler =
    typeof replies === 'function'
      ? replies
      : ({ index }) =>
          script!.shift() ?? {
            status: 500,
            message: `openai wire server: no scripted reply for request #${index + 1}`,
          };
  const requests: WireRequestBody[] = [];
  const embeddingRequests: string[][] = [];
  const waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const hanging = new Set<() => void>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          waits.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      waits.add(entry);
    });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const path = (request.url ?? '').replace(/\?.*$/, '');
    if (request.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/embeddings')) {
      sendError(response, { status: 404, message: `no route for ${request.method} ${path}` });
      return;
    }
    const json = parseJson(raw);
    if (path === '/v1/embeddings') {
      await answerEmbeddings(json.ok ? json.value : undefined, response);
      return;
    }
    const parsed = requestBodySchema.safeParse(json.ok ? json.value : undefined);
    if (!parsed.success) {
      sendError(response, { status: 400, message: `the request body is not a chat-completions request` });
      return;
    }
    const body = parsed.data;
    const index = requests.length;
    requests.push(body);
    const format = body.response_format?.type;
    if (format && (options.rejectResponseFormats as string[] | undefined)?.includes(format)) {
      sendError(response, {
        status: 400,
        body: {
          error: {
            message: `Invalid parameter: 'response_format' of type '${format}' is not supported with this model.`,
            type: 'invalid_request_error',
            param: 'response_format',
            code: null,
          },
        },
      });
      return;
    }
    const reply = await handler({ body, index });
    if ('hang' in reply) {
      await hang(response);
      return;
    }
    if (reply.delayMs) await wait(reply.delayMs);
    if (response.destroyed) return;
    if ('status' in reply) sendError(response, reply);
    else if ('malformedBody' in reply) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(reply.malformedBody);
    } else if (body.stream) await sendStream(response, reply, body, wait);
    else await sendCompletion(response, reply, body, wait);
  }

  /** Holds the response open and silent until the client goes away or the server closes. */
  function hang(response: ServerResponse): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        hanging.delete(done);
        resolve();
      };
      hanging.add(done);
      response.once('close', done);
    });
  }

  async function answerEmbeddings(value: unknown, response: ServerResponse): Promise<void> {
    const parsed = z
      .object({ input: z.union([z.string(), z.array(z.string())]), model: z.string() })
      .safeParse(value);
    if (!parsed.success) {
      sendError(response, { status: 400, message: 'the request body is not an embeddings request' });
      return;
    }
    const input = typeof parsed.data.input === 'string' ? [parsed.data.input] : parsed.data.input;
    const reply = options.embeddingReply?.({ input, index: embeddingRequests.length });
    embeddingRequests.push(input);
    if (reply && 'hang' in reply) return hang(response);
    if (reply && 'status' in reply) {
      if (reply.delayMs) await wait(reply.delayMs);
      if (!response.destroyed) sendError(response, reply);
      return;
    }
    const dimensions = options.embeddingDimensions ?? 8;
    const data = input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: vectorFor(text, dimensions),
    }));
    const body = {
      object: 'list',
      data,
      model: parsed.data.model,
      usage: { prompt_tokens: input.length, total_tokens: input.length },
    };
    if (!reply) return sendJson(response, 200, body);
    response.writeHead(200, { 'content-type': 'application/json' });
    await drip(response, JSON.stringify(body), reply.dripMs, wait);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendError(response, { status: 500, message: `openai wire server: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

  return {
    url,
    requests,
    embeddingRequests,
    get remaining() {
      return script?.length ?? 0;
    },
    close: async () => {
      for (const entry of waits) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      waits.clear();
      for (const done of hanging) done();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function promptText(body: WireRequestBody): string {
  return (body.messages ?? []).map((message) => message.content ?? '').join('\n');
}

async function sendCompletion(
  response: ServerResponse,
  reply: WireCompletionReply,
  body: WireRequestBody,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  const text = JSON.stringify(completionBody(reply, body.model ?? 'wire-model', promptText(body)));
  if (reply.dripMs) {
    response.writeHead(200, { 'content-type': 'application/json' });
    await drip(response, text, reply.dripMs, wait);
    return;
  }
  if (reply.truncate) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => {
      if (reply.truncate === 'abrupt') response.destroy();
      else if (reply.truncate === 'clean') response.end();
    });
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(text);
}

async function sendStream(
  response: ServerResponse,
  reply: WireCompletionReply,
  body: WireRequestBody,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  const includeUsage = body.stream_options?.include_usage === true;
  const { chunks, cut } = streamChunks(reply, body.model ?? 'wire-model', promptText(body), includeUsage);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
  if (reply.malformedChunk) events.splice(2, 0, 'data: {"choices": [{"delta": {"content": "unterminated\n\n');
  const sent = reply.truncate ? events.slice(0, cut) : [...events, 'data: [DONE]\n\n'];
  if (reply.dripMs) {
    await drip(response, sent.join(''), reply.dripMs, wait);
    return;
  }
  for (const event of sent) {
    if (response.destroyed) return;
    await new Promise<void>((resolve) => response.write(event, () => resolve()));
  }
  if (reply.truncate === 'abrupt') response.destroy();
  else if (reply.truncate !== 'stall') response.end();
}

/** Writes `text` one byte at a time, `ms` apart, then ends the response (unless the client left). */
async function drip(
  response: ServerResponse,
  text: string,
  ms: number,
  wait: (ms: number) => Promise<void>,
): Promise<void> {
  for (const byte of Buffer.from(text)) {
    if (response.destroyed) return;
    await new Promise<void>((resolve) => response.write(Buffer.of(byte), () => resolve()));
    await wait(ms);
  }
  if (!response.destroyed) response.end();
}

function sendError(
  response: ServerResponse,
  reply: { status: number; message?: string; body?: unknown; retryAfter?: number | string },
): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
  // Unscripted requests and server faults must fail at once, not be retried by the client.
  if (reply.message?.startsWith('openai wire server:')) headers['x-should-retry'] = 'false';
  const body = reply.body ?? {
    error: {
      message: reply.message ?? `HTTP ${reply.status}`,
      type: reply.status >= 500 ? 'server_error' : 'invalid_request_error',
      param: null,
      code: null,
    },
  };
  response.writeHead(reply.status, headers);
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A deterministic vector from the text's characters. */
function vectorFor(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (let index = 0; index < text.length; index++) {
    vector[index % dimensions]! += (text.charCodeAt(index) % 31) / 31;
  }
  vector[0]! += 1;
  return vector;
}
