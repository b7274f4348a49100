import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import type { FinishReason, GenerateResult, ModelToolCall, ModelUsage } from './language-model.js';

/** Token counts as OpenAI-compatible servers report them. */
export const wireUsageSchema = z.object({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
});

/** Some servers send tool arguments as an object instead of JSON text. */
const wireArgumentsSchema = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .nullish()
  .transform((value) => (typeof value === 'string' ? value : value ? JSON.stringify(value) : ''));

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string().nullish(),
                function: z.object({ name: z.string(), arguments: wireArgumentsSchema }),
              }),
            )
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: wireUsageSchema.nullish(),
});

/** Reads a non-streamed chat completion; an answer in another shape is MODEL_UNAVAILABLE. */
export function readChatCompletion(body: unknown, modelId: string): GenerateResult {
  const parsed = completionSchema.safeParse(body);
  if (!parsed.success) {
    throw new ConvrecError(
      'MODEL_UNAVAILABLE',
      `model "${modelId}": the server's answer is not a chat completion (${describeIssue(parsed.error)}); check the base URL`,
      { retryable: false },
    );
  }
  const choice = parsed.data.choices[0]!;
  const toolCalls: ModelToolCall[] = (choice.message.tool_calls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index}`,
    name: call.function.name,
    arguments: call.function.arguments,
  }));
  const text = choice.message.content ?? '';
  const refused = text === '' && Boolean(choice.message.refusal);
  return withUsage(
    {
      text,
      toolCalls,
      finishReason: refused ? 'content-filter' : toFinishReason(choice.finish_reason, toolCalls.length > 0),
    },
    parsed.data.usage,
  );
}

/** Maps a wire finish reason; a 'stop' that carries tool calls is reported as 'tool-calls'. */
export function toFinishReason(reason: string | null | undefined, hasToolCalls: boolean): FinishReason {
  switch (reason) {
    case 'stop':
      return hasToolCalls ? 'tool-calls' : 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Adds `usage` to a result when the server reported it. */
export function withUsage(
  result: GenerateResult,
  usage: z.infer<typeof wireUsageSchema> | null | undefined,
): GenerateResult {
  if (!usage) return result;
  const counted: ModelUsage = {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
  };
  return { ...result, usage: counted };
}

/** The first zod issue as `path: message`, for error messages. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
