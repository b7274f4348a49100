import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';

type JsonSchema = Record<string, unknown>;

/** A JSON Schema fit for strict structured output, and how to read answers back. */
export interface StrictJsonSchema {
  schema: JsonSchema;
  /**
   * Strict mode makes every property required, so optional ones are sent as nullable; this removes
   * the nulls the model put in those properties before the zod schema sees the value.
   */
  dropNullOptionals(value: unknown): unknown;
}

const schemaMaps = ['properties', '$defs', 'definitions'] as const;
const schemaLists = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;

/**
 * Converts a zod schema with `z.toJSONSchema` and adapts it to strict mode: no `$schema` or
 * `default` (nor zod's safe-integer bounds), every object closed with all properties required, optional properties nullable.
 */
export function toStrictJsonSchema(schema: z.ZodType): StrictJsonSchema {
  let converted: JsonSchema;
  try {
    converted = z.toJSONSchema(schema) as JsonSchema;
  } catch (error) {
    throw new ConvrecError(
      'MODEL_REQUEST_INVALID',
      `the output schema cannot be expressed as JSON Schema: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (converted.type !== 'object') {
    throw new ConvrecError('MODEL_REQUEST_INVALID', 'structured output needs an object schema at the root');
  }
  const optionalKeys = new WeakMap<JsonSchema, Set<string>>();
  const strict = adapt(converted, optionalKeys);
  delete strict.$schema;
  return { schema: strict, dropNullOptionals: (value) => dropNulls(value, strict, optionalKeys) };
}

function adapt(node: JsonSchema, optionalKeys: WeakMap<JsonSchema, Set<string>>): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'default') continue;
    // zod bounds every integer to the safe range; the bounds only add noise to the prompt.
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if ((schemaMaps as readonly string[]).includes(key) && isSchema(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          isSchema(child) ? adapt(child, optionalKeys) : child,
        ]),
      );
    } else if ((schemaLists as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((child: unknown) => (isSchema(child) ? adapt(child, optionalKeys) : child));
    } else if ((key === 'items' || key === 'not') && isSchema(value)) {
      out[key] = adapt(value, optionalKeys);
    } else {
      out[key] = value;
    }
  }
  if (isSchema(out.properties)) {
    const properties = out.properties;
    const required = new Set(Array.isArray(out.required) ? (out.required as string[]) : []);
    const optional = new Set(Object.keys(properties).filter((name) => !required.has(name)));
    for (const name of optional) properties[name] = nullable(properties[name] as JsonSchema);
    if (optional.size > 0) optionalKeys.set(out, optional);
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

function nullable(schema: JsonSchema): JsonSchema {
  const allowsNull =
    schema.type === 'null' ||
    (Array.isArray(schema.type) && schema.type.includes('null')) ||
    (Array.isArray(schema.anyOf) &&
      schema.anyOf.some((branch) => isSchema(branch) && branch.type === 'null'));
  return allowsNull ? schema : { anyOf: [schema, { type: 'null' }] };
}

function dropNulls(
  value: unknown,
  schema: JsonSchema,
  optionalKeys: WeakMap<JsonSchema, Set<string>>,
): unknown {
  if (Array.isArray(value)) {
    return isSchema(schema.items)
      ? value.map((item) => dropNulls(item, schema.items as JsonSchema, optionalKeys))
      : value;
  }
  if (!isSchema(value)) return value;
  let result = value;
  for (const branch of [
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    ...(Array.isArray(schema.allOf) ? schema.allOf : []),
  ]) {
    if (isSchema(branch)) result = dropNulls(result, branch, optionalKeys) as JsonSchema;
  }
  if (!isSchema(schema.properties)) return result;
  const properties = schema.properties;
  const optional = optionalKeys.get(schema);
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(result)) {
    if (child === null && optional?.has(key)) continue;
    const childSchema = properties[key];
    out[key] = isSchema(childSchema) ? dropNulls(child, childSchema, optionalKeys) : child;
  }
  return out;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
