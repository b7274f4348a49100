import type { CatalogItem } from '../catalog/index.js';
import type { DialogueMessage } from '../dialogue/dialogue-message.js';
import { generateObject } from '../model/generate-object.js';
import type { LanguageModel } from '../model/language-model.js';
import { fenceText, titleWithYear } from '../ranking/candidate-cards.js';
import type { RenderablePrompt } from '../ranking/reranker.js';
import { understandingSchema, type Understanding } from './understanding-schema.js';

export interface LlmUnderstandInput {
  messages: DialogueMessage[];
  lastShown: CatalogItem[];
  profileText: string;
  catalogKind: string;
}

/** The last messages of a dialogue as fenced lines, newest last (long messages are capped). */
export function dialogueText(messages: DialogueMessage[], maxMessages = 8, maxChars = 600): string {
  return messages
    .slice(-maxMessages)
    .map((message) => `${message.role}: ${fenceText(message.text, maxChars)}`)
    .join('\n');
}

/** The shown list as the model sees it: "1. Heat (1995)". */
export function shownText(shown: CatalogItem[]): string {
  return shown.length === 0
    ? '(nothing shown yet)'
    : shown.map((item, index) => `${index + 1}. ${fenceText(titleWithYear(item), 120)}`).join('\n');
}

/**
 * The understanding step with a language model: one structured call, validated with zod; invalid
 * output is repaired once (inside generateObject) and then the error propagates so the caller can
 * fall back to the offline understanding.
 */
export async function understandWithModel(
  model: LanguageModel,
  prompt: RenderablePrompt,
  input: LlmUnderstandInput,
  signal?: AbortSignal,
): Promise<Understanding> {
  const { system, user } = prompt.render({
    catalog_kind: input.catalogKind,
    profile: input.profileText || '(no stored profile)',
    shown: shownText(input.lastShown),
    dialogue: dialogueText(input.messages),
  });
  const { value } = await generateObject({
    model,
    request: {
      purpose: 'understand',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      maxOutputTokens: 700,
      temperature: 0,
    },
    schema: understandingSchema,
    ...(signal ? { signal } : {}),
  });
  return value;
}
