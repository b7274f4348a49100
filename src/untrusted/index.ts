/**
 * Untrusted text (catalog fields, model output, user input) on its way to a prompt or a terminal:
 * one set of rules, one function for each destination.
 */
export { promptText, capText } from './prompt-text.js';
export { displayText, displayJson, type DisplayTextOptions } from './display-text.js';
export { applyRules, unsafeCharacter } from './unsafe-characters.js';
