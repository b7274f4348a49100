import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The fields a prompt file declares between its `---` lines. */
export const promptFrontmatterSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, like "rerank-window"')
    .describe('The prompt name; loadPrompts expects it to equal the file name'),
  description: z.string().min(1).describe('One line saying what the prompt is for'),
  variables: z
    .array(z.string().regex(identifier, 'must be a placeholder name such as "dialogue"'))
    .refine((names) => new Set(names).size === names.length, 'lists a variable twice')
    .describe('Every {{placeholder}} the text uses, e.g. [dialogue, profile]'),
});

export type PromptFrontmatter = z.infer<typeof promptFrontmatterSchema>;

/** A prompt file split at its frontmatter: the validated fields and the body below the closing `---`. */
export interface SplitPrompt {
  frontmatter: PromptFrontmatter;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

function invalid(file: string, message: string): ConvrecError {
  return new ConvrecError('PROMPT_INVALID', `${file}: ${message}`);
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}

/** Reads `key: value` or `key: [a, b]`; a list may be empty (`[]`). */
function readValue(raw: string, file: string, line: number): string | string[] {
  const value = raw.trim();
  if (!value.startsWith('[')) return unquote(value);
  if (!value.endsWith(']')) throw invalid(file, `line ${line}: a list must end with "]"`);
  const inner = value.slice(1, -1).trim();
  return inner === '' ? [] : inner.split(',').map((entry) => unquote(entry.trim()));
}

/**
 * Splits a prompt file into its frontmatter (a small YAML subset: `key: value` and `key: [a, b]`
 * lines, `#` comments) and its body, and validates the fields. Errors name the file and the line.
 */
export function splitFrontmatter(text: string, file: string): SplitPrompt {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  if (lines[0]?.trim() !== '---') throw invalid(file, 'must start with a "---" frontmatter block');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) throw invalid(file, 'the frontmatter block is not closed with "---"');
  const fields: Record<string, string | string[]> = {};
  for (let index = 1; index < end; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*)\s*:(.*)$/.exec(line);
    if (!match) throw invalid(file, `line ${index + 1}: expected "key: value" in the frontmatter`);
    const key = match[1]!;
    if (Object.hasOwn(fields, key)) throw invalid(file, `line ${index + 1}: "${key}" is given twice`);
    fields[key] = readValue(match[2]!, file, index + 1);
  }
  const parsed = promptFrontmatterSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown frontmatter field ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : `frontmatter field "${issue.path.join('.') || '(root)'}": ${issue.message}`;
    throw invalid(file, detail);
  }
  return { frontmatter: parsed.data, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
