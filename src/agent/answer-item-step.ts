import type { Catalog, CatalogItem } from '../catalog/index.js';
import { ConvrecError } from '../errors/index.js';
import type { LanguageModel } from '../model/language-model.js';
import { cardLine } from '../ranking/candidate-cards.js';
import { promptText } from '../untrusted/index.js';
import type { RenderablePrompt } from '../ranking/reranker.js';

export interface AnswerItemInput {
  item: CatalogItem;
  catalog: Pick<Catalog, 'mapping'>;
  catalogKind: string;
  profileText: string;
  dialogueText: string;
  /** The reason given when the item was shown, if it was. */
  shownReason?: string;
}

/** Characters of the item's description on its card: the whole card is the answer's only source. */
const descriptionChars = 900;
/** Longest answer kept; the prompt asks for two to four sentences. */
const answerChars = 1200;

/**
 * The LLM answer to a question about one item ("why the first?", "what is it about?"): one streamed
 * call that sees only the item's card (fenced), the reason it was shown, the profile and the
 * dialogue. Deltas go to `onDelta` as they arrive. An empty answer is MODEL_OUTPUT_INVALID, so the
 * caller falls back to the offline answer.
 */
export async function answerAboutItem(
  model: LanguageModel,
  prompt: RenderablePrompt,
  input: AnswerItemInput,
  onDelta: (delta: string) => void,
  signal?: AbortSignal,
): Promise<string> {
  const { system, user } = prompt.render({
    catalog_kind: input.catalogKind,
    profile: input.profileText || '(no stored profile)',
    dialogue: input.dialogueText,
    item: cardLine('item', input.item, input.catalog, { textChars: descriptionChars, listItems: 6 }),
    reason: input.shownReason
      ? promptText(input.shownReason, 300)
      : '(it was not suggested; the user named it)',
  });
  let text = '';
  for await (const part of model.stream(
    {
      purpose: 'answer',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      maxOutputTokens: 220,
      temperature: 0,
    },
    signal,
  )) {
    if (part.type !== 'text-delta' || text.length >= answerChars) continue;
    const delta = part.delta.slice(0, answerChars - text.length);
    text += delta;
    if (delta) onDelta(delta);
  }
  const answer = text.trim();
  if (!answer) throw new ConvrecError('MODEL_OUTPUT_INVALID', 'the model answered with empty text');
  return text.length >= answerChars ? `${answer.trimEnd()}…` : answer;
}
