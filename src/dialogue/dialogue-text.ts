import type { CatalogItem } from '../catalog/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import { fenceText } from '../ranking/candidate-cards.js';
import type { DialogueMessage } from './dialogue-message.js';

/** The last messages of a dialogue as fenced lines, newest last (long messages are capped). */
export function dialogueText(messages: DialogueMessage[], maxMessages = 8, maxChars = 600): string {
  return messages
    .slice(-maxMessages)
    .map((message) => `${message.role}: ${fenceText(message.text, maxChars)}`)
    .join('\n');
}

/** The shown list as a model sees it: "1. Heat (1995)". */
export function shownText(shown: CatalogItem[]): string {
  return shown.length === 0
    ? '(nothing shown yet)'
    : shown.map((item, index) => `${index + 1}. ${fenceText(titleWithYear(item), 120)}`).join('\n');
}
