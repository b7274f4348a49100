import type { GenerateRequest } from '../model/language-model.js';

/** Counts tokens of a text. */
export interface TokenCounter {
  readonly name: string;
  count(text: string): number;
}

/** A rough counter (4 characters a token) for when no tokenizer is loaded. */
export const approximateTokenCounter: TokenCounter = {
  name: 'chars/4',
  count: (text) => Math.ceil(text.length / 4),
};

let o200k: Promise<TokenCounter> | undefined;

/** OpenAI's o200k_base tokenizer (js-tiktoken), loaded once on first use (~1 s). */
export function loadO200kCounter(): Promise<TokenCounter> {
  o200k ??= (async () => {
    const [{ Tiktoken }, ranks] = await Promise.all([
      import('js-tiktoken/lite'),
      import('js-tiktoken/ranks/o200k_base'),
    ]);
    const encoder = new Tiktoken(ranks.default);
    return { name: 'o200k_base', count: (text: string) => encoder.encode(text).length };
  })();
  return o200k;
}

/** Tokens a request sends: messages (with the chat format's few tokens each), tool and output schemas. */
export function requestTokens(request: GenerateRequest, counter: TokenCounter): number {
  let total = 3;
  for (const message of request.messages) {
    total += 4 + counter.count(message.content);
    if (message.role === 'assistant' && message.toolCalls) {
      for (const call of message.toolCalls) total += counter.count(call.name) + counter.count(call.arguments);
    }
  }
  for (const tool of request.tools ?? []) {
    total += counter.count(`${tool.name} ${tool.description} ${JSON.stringify(tool.parameters)}`);
  }
  if (request.output) total += counter.count(JSON.stringify(request.output.schema));
  return total;
}

/** Characters a request sends, for the bench's prompt-size figure. */
export function requestChars(request: GenerateRequest): number {
  return request.messages.reduce((sum, message) => sum + message.content.length, 0);
}
