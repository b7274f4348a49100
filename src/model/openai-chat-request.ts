import type OpenAI from 'openai';
import type { GenerateRequest, ModelMessage, OutputMode } from './language-model.js';
import { structuredOutputInstructions, withSystemInstructions } from './structured-output-instructions.js';

type ChatRequestBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/** Where the request goes decides the name of the output-token limit the server understands. */
export interface ChatRequestTarget {
  modelId: string;
  /** OpenAI's own API wants `max_completion_tokens`; compatible servers know `max_tokens`. */
  isOpenAI: boolean;
}

/** Builds the chat-completions body for `request`, asking for structured output the way `mode` says. */
export function toChatRequestBody(
  target: ChatRequestTarget,
  request: GenerateRequest,
  mode: OutputMode | undefined,
): ChatRequestBody {
  const output = request.output;
  const messages =
    output && mode !== undefined && mode !== 'json-schema'
      ? withSystemInstructions(request.messages, structuredOutputInstructions(output, mode))
      : request.messages;
  const body: ChatRequestBody = { model: target.modelId, messages: messages.map(toWireMessage) };
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
  }
  if (output && mode === 'json-schema') {
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: output.name, schema: output.schema, strict: true },
    };
  } else if (output && mode === 'json-object') {
    body.response_format = { type: 'json_object' };
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined) {
    if (target.isOpenAI) body.max_completion_tokens = request.maxOutputTokens;
    else body.max_tokens = request.maxOutputTokens;
  }
  return body;
}

function toWireMessage(message: ModelMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'tool':
      return { role: 'tool', content: message.content, tool_call_id: message.toolCallId };
    case 'assistant':
      if (!message.toolCalls || message.toolCalls.length === 0) {
        return { role: 'assistant', content: message.content };
      }
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      };
  }
}
