import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toStrictJsonSchema } from '../../src/model/strict-json-schema.js';

describe('toStrictJsonSchema', () => {
  const schema = z.object({
    title: z.string().describe('The film title'),
    year: z.number().int().optional(),
    tags: z.array(z.object({ name: z.string(), weight: z.number().optional() })),
    note: z.string().nullable().optional(),
    mood: z.string().default('any'),
  });

  it('closes every object, requires every property and makes optional ones nullable', () => {
    const { schema: strict } = toStrictJsonSchema(schema);
    expect(strict.$schema).toBeUndefined();
    expect(strict.additionalProperties).toBe(false);
    expect(strict.required).toEqual(['title', 'year', 'tags', 'note', 'mood']);
    const properties = strict.properties as Record<string, Record<string, unknown>>;
    expect(properties.title).toEqual({ type: 'string', description: 'The film title' });
    expect(properties.year).toEqual({ anyOf: [{ type: 'integer' }, { type: 'null' }] });
    expect(properties.mood).toEqual({ type: 'string' });
    // Already nullable: not wrapped twice.
    expect(JSON.stringify(properties.note).match(/"null"/g)).toHaveLength(1);
    const tagItem = (properties.tags as { items: Record<string, unknown> }).items;
    expect(tagItem.required).toEqual(['name', 'weight']);
    expect(tagItem.additionalProperties).toBe(false);
  });

  it('drops the nulls the model put in optional properties so zod accepts the answer', () => {
    const strict = toStrictJsonSchema(schema);
    const answer = {
      title: 'Heat',
      year: null,
      tags: [{ name: 'crime', weight: null }],
      note: null,
      mood: 'dark',
    };
    const parsed = schema.safeParse(strict.dropNullOptionals(answer));
    expect(parsed.success && parsed.data).toEqual({ title: 'Heat', tags: [{ name: 'crime' }], mood: 'dark' });
  });

  it('keeps nulls of required nullable fields', () => {
    const nullable = z.object({ reply: z.string().nullable() });
    expect(toStrictJsonSchema(nullable).dropNullOptionals({ reply: null })).toEqual({ reply: null });
  });

  it('refuses a root that is not an object', () => {
    expect(() => toStrictJsonSchema(z.array(z.string()))).toThrow(
      expect.objectContaining({ code: 'MODEL_REQUEST_INVALID' }),
    );
  });
});
