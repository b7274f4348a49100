import type { LanguageModel } from '../model/language-model.js';
import { ReplyStreamer } from './rerank-output.js';

export type ReplyHooks = { onReplyDelta?: (delta: string) => void };

/**
 * The streamed pick-and-explain call both rerankers end with: passes the reply line to the hook as
 * it arrives and returns the whole answer text.
 */
export async function streamRerank(
  model: LanguageModel,
  prompt: { system: string; user: string },
  k: number,
  hooks: ReplyHooks,
  signal?: AbortSignal,
): Promise<string> {
  let text = '';
  const streamer = new ReplyStreamer();
  for await (const part of model.stream(
    {
      purpose: 'rerank',
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      // A handle and one short sentence per pick, plus the reply line.
      maxOutputTokens: 80 + k * 50,
      temperature: 0,
    },
    signal,
  )) {
    if (part.type !== 'text-delta') continue;
    text += part.delta;
    const delta = streamer.next(text);
    if (delta) hooks.onReplyDelta?.(delta);
  }
  return text;
}
