import { afterEach } from 'vitest';
import { OpenAIChatModel, type OpenAIChatModelOptions } from '../../src/model/openai-compatible-model.js';
import type { LanguageModel, ModelStreamPart } from '../../src/model/language-model.js';
import {
  startOpenAIWireServer,
  type OpenAIWireServer,
  type OpenAIWireServerOptions,
  type WireHandler,
  type WireReply,
} from '../../src/testing/index.js';

const servers: OpenAIWireServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts a wire server closed after the test, and a real adapter pointed at it. */
export async function wireModel(
  replies: WireReply[] | WireHandler,
  options: Partial<OpenAIChatModelOptions> = {},
  serverOptions: OpenAIWireServerOptions = {},
): Promise<{ server: OpenAIWireServer; model: OpenAIChatModel }> {
  const server = await startOpenAIWireServer(replies, serverOptions);
  servers.push(server);
  const model = new OpenAIChatModel({
    model: 'wire-model',
    apiKey: 'test-key',
    baseURL: server.url,
    maxRetries: 0,
    timeoutMs: 2_000,
    ...options,
  });
  return { server, model };
}

/** Collects a stream's parts; a thrown error is returned as the last element. */
export async function collect(
  model: LanguageModel,
  ...args: Parameters<LanguageModel['stream']>
): Promise<{ parts: ModelStreamPart[]; error: unknown }> {
  const parts: ModelStreamPart[] = [];
  try {
    for await (const part of model.stream(...args)) parts.push(part);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

export const ask = (content: string, purpose = 'reply') => ({
  purpose,
  messages: [
    { role: 'system' as const, content: 'You recommend films.' },
    { role: 'user' as const, content },
  ],
});
