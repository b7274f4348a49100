import type { z } from 'zod';
import { isConvrecError } from '../src/errors/index.js';
import { parseJson } from '../src/model/parse-json.js';
import { convrecTools } from './convrec-tools.js';
import { cleanText } from './format-item.js';
import type { ToolContext, ToolDefinition, ToolOutput } from './tool-definition.js';

/**
 * A tool call's outcome. A failure carries a `text` meant for the model (so it can fix its call)
 * and, for a failed run, the error for the application's logs.
 */
export type ToolRunResult<Data = unknown> =
  | { ok: true; output: ToolOutput<Data> }
  | {
      ok: false;
      reason: 'unknown-tool' | 'invalid-arguments' | 'failed';
      text: string;
      error?: unknown;
    };

/** Issues named in one error text; the model fixes the first ones and tries again. */
const maxIssues = 5;

function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${fieldPath([...issue.path, key])}"`).join(', ');
    return `unknown field ${names}`;
  }
  return path ? `field "${path}": ${issue.message}` : `arguments: ${issue.message}`;
}

function invalid(tool: ToolDefinition, problems: string[]): ToolRunResult<never> {
  const listed = problems.slice(0, maxIssues).join('; ');
  const more = problems.length > maxIssues ? ` (and ${problems.length - maxIssues} more)` : '';
  return {
    ok: false,
    reason: 'invalid-arguments',
    text: `Invalid arguments for ${tool.name}: ${listed}${more}. Fix them and call ${tool.name} again.`,
  };
}

/** Raw arguments as a model sends them: JSON text (empty means no arguments) or an already parsed value. */
function readArguments(rawArguments: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (rawArguments === undefined || rawArguments === null) return { ok: true, value: {} };
  if (typeof rawArguments !== 'string') return { ok: true, value: rawArguments };
  if (rawArguments.trim() === '') return { ok: true, value: {} };
  return parseJson(rawArguments);
}

/**
 * Validates raw arguments and runs the tool. Invalid JSON, invalid fields and failures inside the
 * tool come back as text for the model, never thrown; only a cancelled turn (ABORTED) is thrown.
 */
export async function runTool<Input extends z.ZodType, Data>(
  tool: ToolDefinition<Input, Data>,
  rawArguments: unknown,
  context: ToolContext,
): Promise<ToolRunResult<Data>> {
  const read = readArguments(rawArguments);
  if (!read.ok) return invalid(tool, [`the arguments are not valid JSON (${cleanText(read.error, 120)})`]);
  const parsed = tool.inputSchema.safeParse(read.value);
  if (!parsed.success) return invalid(tool, parsed.error.issues.map(describeIssue));
  try {
    return { ok: true, output: await tool.run(parsed.data, context) };
  } catch (error) {
    if (context.signal?.aborted || isConvrecError(error, 'ABORTED')) throw error;
    const message = cleanText(error instanceof Error ? error.message : String(error), 300);
    return {
      ok: false,
      reason: 'failed',
      text: `${tool.name} failed: ${message}. Try different arguments or answer without this tool.`,
      error,
    };
  }
}

/** Runs a model's tool call by name; an unknown name comes back as text listing the tools there are. */
export function runToolCall(
  call: { name: string; arguments: unknown },
  context: ToolContext,
  tools: readonly ToolDefinition[] = convrecTools,
): Promise<ToolRunResult> {
  const tool = tools.find((candidate) => candidate.name === call.name);
  if (!tool) {
    const names = tools.map((candidate) => candidate.name).join(', ');
    return Promise.resolve({
      ok: false,
      reason: 'unknown-tool',
      text: `There is no tool named ${JSON.stringify(cleanText(call.name, 60))}. Available tools: ${names}.`,
    });
  }
  return runTool(tool, call.arguments, context);
}
