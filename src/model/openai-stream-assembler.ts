import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import type { GenerateResult, ModelToolCall, OutputMode } from './language-model.js';
import { describeIssue, toFinishReason, wireUsageSchema, withUsage } from './openai-chat-response.js';

const chunkSchema = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        delta: z
          .object({
            content: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  index: z.number().nullish(),
                  id: z.string().nullish(),
                  function: z
                    .object({ name: z.string().nullish(), arguments: z.string().nullish() })
                    .nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: wireUsageSchema.nullish(),
});

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Folds streamed chat-completion chunks into text deltas and, at the end, whole tool calls (argument
 * pieces are joined by the call's index) and one result.
 */
export class StreamAssembler {
  private text = '';
  private finishReason: string | undefined;
  private usage: z.infer<typeof wireUsageSchema> | undefined;
  private readonly calls = new Map<number, PartialToolCall>();

  constructor(private readonly modelId: string) {}

  /** Characters of text and tool-call names and arguments received so far. */
  outputChars = 0;

  /** True once a chunk carried a finish reason. */
  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  /** Reads one chunk and returns the text it adds ('' when none). */
  push(chunk: unknown): string {
    const parsed = chunkSchema.safeParse(chunk);
    if (!parsed.success) {
      throw new ConvrecError(
        'MODEL_UNAVAILABLE',
        `model "${this.modelId}": a stream chunk is not a chat-completion chunk (${describeIssue(parsed.error)})`,
        { retryable: true },
      );
    }
    if (parsed.data.usage) this.usage = parsed.data.usage;
    const choice = parsed.data.choices?.find((candidate) => (candidate.index ?? 0) === 0);
    if (!choice) return '';
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    (choice.delta?.tool_calls ?? []).forEach((delta, position) => {
      const index = delta.index ?? position;
      const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      this.outputChars += (delta.function?.name?.length ?? 0) + (delta.function?.arguments?.length ?? 0);
      this.calls.set(index, call);
    });
    const delta = choice.delta?.content ?? '';
    this.text += delta;
    this.outputChars += delta.length;
    return delta;
  }

  /** The assembled tool calls in index order; a call the server sent without an id gets one. */
  toolCalls(): ModelToolCall[] {
    return [...this.calls.entries()]
      .sort(([left], [right]) => left - right)
      .map(([index, call]) => ({
        id: call.id || `call_${index}`,
        name: call.name,
        arguments: call.arguments,
      }));
  }

  result(outputMode: OutputMode | undefined): GenerateResult {
    const toolCalls = this.toolCalls();
    const result: GenerateResult = {
      text: this.text,
      toolCalls,
      finishReason: toFinishReason(this.finishReason, toolCalls.length > 0),
    };
    if (outputMode !== undefined) result.outputMode = outputMode;
    return withUsage(result, this.usage);
  }
}
