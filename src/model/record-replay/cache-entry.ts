import { z } from 'zod';
import type { GenerateResult, ModelStreamPart, ModelToolCall } from '../language-model.js';

const toolCallSchema = z.object({
  id: z.string().max(200).describe('Tool call id'),
  name: z.string().max(200).describe('Tool name'),
  arguments: z.string().describe('Raw JSON arguments'),
});

const resultSchema = z.object({
  text: z.string().describe('The text the model returned'),
  toolCalls: z.array(toolCallSchema).max(100).describe('Tool calls the model returned'),
  finishReason: z
    .enum(['stop', 'length', 'tool-calls', 'content-filter', 'other'])
    .describe('Why it stopped'),
  usage: z
    .object({
      inputTokens: z.number().int().nonnegative().describe('Prompt tokens'),
      outputTokens: z.number().int().nonnegative().describe('Completion tokens'),
    })
    .optional()
    .describe('Tokens as the server reported them'),
  outputMode: z
    .enum(['json-schema', 'json-object', 'text'])
    .optional()
    .describe('How structured output was obtained'),
});

const partSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text-delta'), delta: z.string() }),
  z.object({ type: z.literal('tool-call'), call: toolCallSchema }),
  z.object({ type: z.literal('finish'), result: resultSchema }),
]);

/** One cache file: the key, what was asked (for reading a miss), and the response as it came. */
export const cacheEntrySchema = z.object({
  format: z.literal('convrec-model-cache-1').describe('File format'),
  key: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the canonical request'),
  request: z.record(z.string(), z.unknown()).describe('The canonical request'),
  response: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('generate'), result: resultSchema }),
      z.object({ kind: z.literal('stream'), parts: z.array(partSchema).min(1).max(100_000) }),
    ])
    .describe('The response: a whole result, or the stream parts in order (ending with finish)'),
});

export type CacheEntry = z.output<typeof cacheEntrySchema>;
type StoredResult = z.output<typeof resultSchema>;
type StoredCall = z.output<typeof toolCallSchema>;

const toCall = (call: StoredCall): ModelToolCall => ({
  id: call.id,
  name: call.name,
  arguments: call.arguments,
});

function toResult(stored: StoredResult): GenerateResult {
  return {
    text: stored.text,
    toolCalls: stored.toolCalls.map(toCall),
    finishReason: stored.finishReason,
    ...(stored.usage ? { usage: stored.usage } : {}),
    ...(stored.outputMode ? { outputMode: stored.outputMode } : {}),
  };
}

/** The recorded result (a stream's `finish` result). */
export function entryResult(entry: CacheEntry): GenerateResult {
  const { response } = entry;
  if (response.kind === 'generate') return toResult(response.result);
  const finish = response.parts.findLast((part) => part.type === 'finish');
  return finish ? toResult(finish.result) : { text: '', toolCalls: [], finishReason: 'other' };
}

/** The recorded stream parts, or a stream made of the recorded result (text, tool calls, finish). */
export function entryParts(entry: CacheEntry): ModelStreamPart[] {
  const { response } = entry;
  if (response.kind === 'stream') {
    return response.parts.map((part) =>
      part.type === 'text-delta'
        ? part
        : part.type === 'tool-call'
          ? { type: 'tool-call', call: toCall(part.call) }
          : { type: 'finish', result: toResult(part.result) },
    );
  }
  const result = toResult(response.result);
  return [
    ...(result.text ? [{ type: 'text-delta' as const, delta: result.text }] : []),
    ...result.toolCalls.map((call) => ({ type: 'tool-call' as const, call })),
    { type: 'finish', result },
  ];
}
