import { parseJson, type JsonParseResult } from './parse-json.js';

/** How many opening brackets are tried before giving up on text that holds no JSON. */
const maxCandidates = 64;

/**
 * Finds the JSON value in a model's answer: the whole text, a fenced code block, or the first
 * balanced object or array inside prose. Reasoning blocks (`<think>…</think>`) are skipped. Never
 * throws; trailing commas and comments are not repaired.
 */
export function extractJson(text: string): JsonParseResult {
  const cleaned = text
    .replace(/^\uFEFF/, '')
    .replace(/<think>[\s\S]*?<\/think>/gi, '')
    .trim();
  if (cleaned === '') return { ok: false, error: 'the answer is empty' };
  const whole = parseJson(cleaned);
  if (whole.ok) return whole;
  for (const block of fencedBlocks(cleaned)) {
    const parsed = parseJson(block);
    if (parsed.ok) return parsed;
  }
  let tried = 0;
  for (let start = 0; start < cleaned.length && tried < maxCandidates; start++) {
    const character = cleaned[start];
    if (character !== '{' && character !== '[') continue;
    tried++;
    const end = balancedEnd(cleaned, start);
    if (end === undefined) continue;
    const parsed = parseJson(cleaned.slice(start, end + 1));
    if (parsed.ok) return parsed;
  }
  return { ok: false, error: `no JSON value found in the answer (${whole.error})` };
}

function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/```[a-zA-Z0-9_-]*[ \t]*\r?\n([\s\S]*?)```/g)].map((match) => match[1]!.trim());
}

/** Index of the bracket closing the one at `start`, skipping brackets inside strings. */
function balancedEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '{' || character === '[') {
      depth++;
    } else if (character === '}' || character === ']') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return undefined;
}
