import { isConvrecError, type ConvrecError } from '../errors/index.js';
import { displayJson, displayText } from '../untrusted/index.js';

/** Longest error message printed: messages can quote file contents and input. */
const maxMessageLength = 2000;

/**
 * An error's message as the CLI prints it: without controls or escape sequences (it may quote the
 * user's words or catalog text), and cut short.
 */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return displayText(message, { maxLength: maxMessageLength });
}

/** The stderr line for an error: `convrec: <message> [CODE]` (no code for an unexpected error). */
export function errorLine(error: unknown): string {
  const code = isConvrecError(error) ? ` [${error.code}]` : '';
  return `convrec: ${errorMessage(error)}${code}`;
}

/** The error as `--json` prints it on stdout: `{"error":{"code","message"}}`, safe on a terminal. */
export function errorJson(error: ConvrecError): string {
  return displayJson({ error: { code: error.code, message: errorMessage(error) } });
}
