import { describe, expect, it } from 'vitest';
import { convrecTools } from '../../tools/convrec-tools.js';
import { toolSpecFor } from '../../tools/tool-spec.js';

type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
};

/** Paths of object properties that carry no description, so the model would have to guess them. */
function undescribed(schema: JsonSchema, path = ''): string[] {
  const missing: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${name}` : name;
    if (!property.description) missing.push(here);
    missing.push(...undescribed(property, here));
    if (property.items) missing.push(...undescribed(property.items, `${here}[]`));
  }
  return missing;
}

describe('tool schemas', () => {
  it.each(convrecTools.map((tool) => [tool.name, tool] as const))(
    '%s matches its snapshot',
    (_name, tool) => {
      expect(toolSpecFor(tool)).toMatchSnapshot();
    },
  );

  it('describe every field, at every depth', () => {
    for (const tool of convrecTools) {
      expect({ tool: tool.name, missing: undescribed(toolSpecFor(tool).parameters) }).toEqual({
        tool: tool.name,
        missing: [],
      });
    }
  });

  it('are JSON objects with unique snake_case names, and fields with defaults are optional', () => {
    const names = convrecTools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of convrecTools) {
      expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      const parameters = toolSpecFor(tool).parameters as JsonSchema;
      expect(parameters.type).toBe('object');
      expect(parameters).not.toHaveProperty('$schema');
    }
    const search = toolSpecFor(convrecTools[0]!).parameters as JsonSchema;
    // Every search field has a default or is optional: a model may search with liked ids alone.
    expect(search.required ?? []).toEqual([]);
  });
});
