/** Token counts a scripted reply reports; null sends no usage at all. */
export interface WireUsage {
  promptTokens: number;
  completionTokens: number;
}

/** A tool call the server answers with; `arguments` may be an object. */
export interface WireToolCall {
  id?: string;
  name: string;
  arguments: string | Record<string, unknown>;
}

/** A chat completion, sent as JSON or as an SSE stream depending on the request's `stream`. */
export interface WireCompletionReply {
  text?: string;
  /** Sent as the message content, serialized. */
  json?: unknown;
  toolCalls?: WireToolCall[];
  /** Defaults to 'tool_calls' with tool calls, else 'stop'. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Defaults to an estimate from the characters; null sends none. */
  usage?: WireUsage | null;
  /** Wait before answering (to trigger client timeouts). */
  delayMs?: number;
  /** Characters per streamed text delta (default 4). */
  chunkSize?: number;
  /**
   * Cut the answer off halfway without a finish reason: 'abrupt' destroys the connection, 'clean'
   * ends the response normally (no `[DONE]` either), 'stall' keeps it open and silent until closed.
   */
  truncate?: 'abrupt' | 'clean' | 'stall';
  /** Streaming only: send a chunk that is not JSON after the first text delta. */
  malformedChunk?: boolean;
  /**
   * Send the answer (JSON body or SSE stream) one byte every `dripMs` ms after the headers: never
   * silent for long, never done soon.
   */
  dripMs?: number;
}

/** An HTTP error with an OpenAI-style error body, or `body` verbatim. */
export interface WireErrorReply {
  status: number;
  message?: string;
  /** Replaces the `{ error: { message, type } }` body; a string is sent as is. */
  body?: unknown;
  /** Seconds, sent as the `retry-after` header. */
  retryAfter?: number | string;
  delayMs?: number;
}

/** A 200 response whose JSON body is broken. */
export interface WireMalformedReply {
  malformedBody: string;
  delayMs?: number;
}

/** Accept the request and never answer: no headers, no body, until the client or server gives up. */
export interface WireHangReply {
  hang: true;
}

/** What the wire server answers to one chat-completions request. */
export type WireReply = WireCompletionReply | WireErrorReply | WireMalformedReply | WireHangReply;

/** What the wire server answers to one embeddings request: the vectors sent a byte every `dripMs`. */
export interface WireEmbeddingDripReply {
  dripMs: number;
}

/** What the wire server answers to one embeddings request, other than its vectors at once. */
export type WireEmbeddingReply = WireEmbeddingDripReply | WireErrorReply | WireHangReply;

/** The message content of a completion reply. */
export function replyContent(reply: WireCompletionReply): string {
  if (reply.json !== undefined) return JSON.stringify(reply.json);
  return reply.text ?? '';
}

export function wireToolCalls(reply: WireCompletionReply) {
  return (reply.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
}

export function finishReasonOf(reply: WireCompletionReply): string {
  return reply.finishReason ?? ((reply.toolCalls ?? []).length > 0 ? 'tool_calls' : 'stop');
}

export function usageOf(reply: WireCompletionReply, promptText: string) {
  if (reply.usage === null) return undefined;
  const completionText =
    replyContent(reply) +
    wireToolCalls(reply)
      .map((call) => call.function.arguments)
      .join('');
  const usage = reply.usage ?? {
    promptTokens: Math.ceil(promptText.length / 4),
    completionTokens: Math.ceil(completionText.length / 4),
  };
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}

/** The non-streamed chat.completion body. */
export function completionBody(reply: WireCompletionReply, model: string, promptText: string) {
  const toolCalls = wireToolCalls(reply);
  const content = replyContent(reply);
  const usage = usageOf(reply, promptText);
  return {
    id: 'chatcmpl-wire',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: content === '' && toolCalls.length > 0 ? null : content,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: finishReasonOf(reply),
        logprobs: null,
      },
    ],
    ...(usage ? { usage } : {}),
  };
}

/**
 * The `data:` payloads of a streamed answer, in order: role, text deltas, tool calls (name first,
 * arguments in pieces), finish, usage when asked for. `cut` is where a truncated stream stops.
 */
export function streamChunks(
  reply: WireCompletionReply,
  model: string,
  promptText: string,
  includeUsage: boolean,
): { chunks: unknown[]; cut: number } {
  const base = {
    id: 'chatcmpl-wire',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
  };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  });
  const chunks: unknown[] = [chunk({ role: 'assistant', content: '' })];
  const content = replyContent(reply);
  const size = Math.max(1, reply.chunkSize ?? 4);
  for (let start = 0; start < content.length; start += size) {
    chunks.push(chunk({ content: content.slice(start, start + size) }));
  }
  wireToolCalls(reply).forEach((call, index) => {
    chunks.push(
      chunk({
        tool_calls: [
          { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
        ],
      }),
    );
    const text = call.function.arguments;
    const piece = Math.max(1, Math.ceil(text.length / 3));
    for (let start = 0; start < text.length; start += piece) {
      chunks.push(
        chunk({ tool_calls: [{ index, function: { arguments: text.slice(start, start + piece) } }] }),
      );
    }
  });
  const cut = Math.max(1, Math.floor(chunks.length / 2));
  chunks.push(chunk({}, finishReasonOf(reply)));
  const usage = usageOf(reply, promptText);
  if (includeUsage && usage) chunks.push({ ...base, choices: [], usage });
  return { chunks, cut };
}
