import type { CatalogItem } from '../catalog/index.js';
import { titleWithYear } from '../catalog/title-with-year.js';
import { promptText } from '../untrusted/index.js';
import type { DialogueMessage } from './dialogue-message.js';

/** The last messages of a dialogue as fenced lines, newest last (long messages are capped). */
export function dialogueText(messages: DialogueMessage[], maxMessages = 8, maxChars = 600): string {
  return messages
    .slice(-maxMessages)
    .map((message) => `${message.role}: ${promptText(message.text, maxChars)}`)
    .join('\n');
}

/** The shown list as a model sees it: "1. Heat (1995)". */
export function shownText(shown: CatalogItem[]): string {
  return shown.length === 0
    ? '(nothing shown yet)'
    : shown.map((item, index) => `${index + 1}. ${promptText(titleWithYear(item), 120)}`).join('\n');
}
