import type { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import { extractJson } from './extract-json.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from './language-model.js';
import { toStrictJsonSchema, type StrictJsonSchema } from './strict-json-schema.js';

export interface GenerateObjectOptions<Schema extends z.ZodType> {
  model: LanguageModel;
  /** The request without `output`: it is derived from `schema`. */
  request: Omit<GenerateRequest, 'output'>;
  schema: Schema;
  signal?: AbortSignal;
  /** Ask once more, showing the model its invalid answer and the error (default true). */
  repair?: boolean;
}

export interface GenerateObjectResult<Value> {
  value: Value;
  /** The call whose answer was accepted. */
  result: GenerateResult;
  /** Every call made, the repair included, for usage accounting. */
  calls: GenerateResult[];
}

type Reading<Value> = { ok: true; value: Value } | { ok: false; problem: string };

/**
 * Asks the model for an object matching a zod schema, extracts the JSON from its answer and
 * validates it. An invalid answer is repaired once; then MODEL_OUTPUT_INVALID names the failing field.
 */
export async function generateObject<Schema extends z.ZodType>(
  options: GenerateObjectOptions<Schema>,
): Promise<GenerateObjectResult<z.output<Schema>>> {
  const { model, schema, signal } = options;
  const strict = toStrictJsonSchema(schema);
  const request: GenerateRequest = {
    ...options.request,
    output: { name: outputName(options.request.purpose), schema: strict.schema },
  };
  const calls: GenerateResult[] = [];
  const first = await model.generate(request, signal);
  calls.push(first);
  const reading = read(first.text, schema, strict);
  if (reading.ok) return { value: reading.value, result: first, calls };
  if (options.repair === false) throw invalidOutput(request, reading.problem, false);

  const repaired = await model.generate(
    {
      ...request,
      messages: [
        ...request.messages,
        { role: 'assistant', content: first.text },
        {
          role: 'user',
          // The schema is repeated: a server may have ignored response_format without saying so.
          content: `Your answer is not valid: ${reading.problem}. Answer again with only the corrected JSON object, matching this JSON Schema:\n${JSON.stringify(strict.schema)}`,
        },
      ],
    },
    signal,
  );
  calls.push(repaired);
  const second = read(repaired.text, schema, strict);
  if (second.ok) return { value: second.value, result: repaired, calls };
  throw invalidOutput(request, second.problem, true);
}

function read<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  strict: StrictJsonSchema,
): Reading<z.output<Schema>> {
  const extracted = extractJson(text);
  if (!extracted.ok) return { ok: false, problem: extracted.error };
  const parsed = schema.safeParse(strict.dropNullOptionals(extracted.value));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, problem: 'the value does not match the schema' };
  const field = issue.path.length > 0 ? `field "${issue.path.map(String).join('.')}"` : 'the top-level value';
  return { ok: false, problem: `${field}: ${issue.message}` };
}

function invalidOutput(request: GenerateRequest, problem: string, repaired: boolean): ConvrecError {
  const attempt = repaired ? ' after one repair attempt' : '';
  return new ConvrecError(
    'MODEL_OUTPUT_INVALID',
    `the model's "${request.purpose}" answer is invalid${attempt}: ${problem}`,
  );
}

/** A json_schema name the API accepts: letters, digits, _ and -, at most 64 characters. */
function outputName(purpose: string): string {
  const name = purpose.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 64);
  return name === '' ? 'output' : name;
}
