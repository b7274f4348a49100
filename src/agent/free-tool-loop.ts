import { ConvrecError } from '../errors/index.js';
import type { LanguageModel, ModelMessage } from '../model/language-model.js';
import type { Candidate } from '../retrieval/index.js';
import type { RenderablePrompt } from '../ranking/reranker.js';
import { convrecTools } from '../../tools/convrec-tools.js';
import { runToolCall } from '../../tools/run-tool.js';
import { toolSpecFor } from '../../tools/tool-spec.js';
import type { ToolContext } from '../../tools/tool-definition.js';
import type { ToolCallRecord, TurnEvent } from './turn-events.js';

export interface FreeToolLoopInput {
  prompt: RenderablePrompt;
  values: Record<string, string>;
  maxSteps: number;
}

export interface FreeToolLoopOutcome {
  /** Every candidate the tools returned, first seen first. */
  candidates: Candidate[];
  stepsUsed: number;
  /** True when the model was still calling tools at the step cap. */
  capped: boolean;
}

function isCandidateList(data: unknown): data is Candidate[] {
  return (
    Array.isArray(data) &&
    data.every((entry) => typeof entry === 'object' && entry !== null && 'item' in entry && 'score' in entry)
  );
}

/**
 * Free tool-calling mode: the model calls the catalog tools itself, up to `maxSteps` model calls.
 * Tool errors go back to it as text; the candidate buffer collects only what tools returned, so
 * the rerank that follows can only show catalog items.
 */
export async function freeToolLoop(
  model: LanguageModel,
  context: ToolContext,
  input: FreeToolLoopInput,
  emit: (event: TurnEvent) => void,
  records: ToolCallRecord[],
  clock: () => number,
  signal?: AbortSignal,
): Promise<FreeToolLoopOutcome> {
  const { system, user } = input.prompt.render(input.values);
  const messages: ModelMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
  const tools = convrecTools.filter((tool) => tool.name !== 'record_feedback').map(toolSpecFor);
  const buffer = new Map<string, Candidate>();
  for (let step = 1; step <= input.maxSteps; step++) {
    if (signal?.aborted)
      throw new ConvrecError('ABORTED', 'the turn was cancelled', { cause: signal.reason });
    const result = await model.generate({ purpose: 'agent', messages, tools, temperature: 0 }, signal);
    if (result.toolCalls.length === 0)
      return { candidates: [...buffer.values()], stepsUsed: step, capped: false };
    messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
    for (const call of result.toolCalls) {
      const started = clock();
      emit({ type: 'tool-call', name: call.name, input: call.arguments });
      const outcome = await runToolCall({ name: call.name, arguments: call.arguments }, context);
      const text = outcome.ok ? outcome.output.text : outcome.text;
      records.push({ name: call.name, input: call.arguments, output: text, ms: clock() - started });
      emit({ type: 'tool-result', name: call.name, output: text });
      if (outcome.ok && isCandidateList(outcome.output.data)) {
        for (const candidate of outcome.output.data)
          if (!buffer.has(candidate.item.id)) buffer.set(candidate.item.id, candidate);
      }
      messages.push({ role: 'tool', toolCallId: call.id, content: text });
    }
  }
  return { candidates: [...buffer.values()], stepsUsed: input.maxSteps, capped: true };
}
