import OpenAI from 'openai';
import type { OutputMode } from './language-model.js';

/** The next, weaker way to ask for JSON; undefined after plain text. */
export function weakerOutputMode(mode: OutputMode): OutputMode | undefined {
  if (mode === 'json-schema') return 'json-object';
  if (mode === 'json-object') return 'text';
  return undefined;
}

/**
 * True when the server refused the request because of `response_format` (a 400 or 422 naming
 * response_format, json_schema, json_object or structured output), so a weaker mode may work.
 */
export function isUnsupportedOutputFormat(error: unknown): boolean {
  if (!(error instanceof OpenAI.APIError)) return false;
  if (error.status !== 400 && error.status !== 422) return false;
  if (error.param === 'response_format') return true;
  return /response_format|json_schema|json_object|structured output/i.test(error.message);
}
