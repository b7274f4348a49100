import type { CatalogItem } from '../catalog/index.js';
import type { DialogueMessage } from '../dialogue/dialogue-message.js';
import { dialogueText, shownText } from '../dialogue/dialogue-text.js';
import { generateObject } from '../model/generate-object.js';
import type { LanguageModel } from '../model/language-model.js';
import type { CatalogLexicon } from '../lexicon/index.js';
import type { RenderablePrompt } from '../ranking/reranker.js';
import { understandingSchema, type Understanding } from './understanding-schema.js';

export interface LlmUnderstandInput {
  messages: DialogueMessage[];
  lastShown: CatalogItem[];
  profileText: string;
  catalogKind: string;
  /** The concept lexicon: its quality and audience ids go into the prompt, unknown ids are dropped. */
  lexicon: CatalogLexicon;
}

/** The lexicon's concepts as prompt lines: "- scary (quality): frightening, creepy, spooky". */
export function conceptLines(lexicon: CatalogLexicon): string {
  return lexicon
    .conceptList()
    .map((concept) => `- ${concept.id} (${concept.kind}): ${concept.description}`)
    .join('\n');
}

/**
 * A model's delta in the catalog's terms: genres spelled as the catalog spells them (a genre it
 * does not have is dropped from the hard lists), quality and audience ids the lexicon does not know
 * dropped.
 */
export function normalizeUnderstanding(understanding: Understanding, lexicon: CatalogLexicon): Understanding {
  const known = (names: string[]) => [...new Set(names.flatMap((name) => lexicon.catalogGenre(name) ?? []))];
  const { constraints, preferences, relax } = understanding;
  return {
    ...understanding,
    constraints: {
      ...constraints,
      genres: known(constraints.genres),
      excludeGenres: known(constraints.excludeGenres),
    },
    preferences: { ...preferences, genres: known(preferences.genres) },
    relax: {
      ...relax,
      excludeGenres: known(relax.excludeGenres),
      qualities: relax.qualities.filter((id) => lexicon.kindOf(id) === 'quality'),
    },
    qualities: understanding.qualities.filter((quality) => lexicon.kindOf(quality.id) === 'quality'),
    audiences: understanding.audiences.filter((id) => lexicon.kindOf(id) === 'audience'),
  };
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
    genres: [...input.lexicon.catalogGenres].sort().join(', '),
    concepts: conceptLines(input.lexicon),
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
      maxOutputTokens: 900,
      temperature: 0,
    },
    schema: understandingSchema,
    ...(signal ? { signal } : {}),
  });
  return normalizeUnderstanding(value, input.lexicon);
}
