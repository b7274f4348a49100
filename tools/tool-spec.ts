import { z } from 'zod';
import type { ModelToolSpec } from '../src/model/language-model.js';
import type { ToolDefinition } from './tool-definition.js';

/**
 * The tool as a chat API sees it: name, description and the JSON Schema of its arguments (the input
 * side, so fields with defaults are optional).
 */
export function toolSpecFor(tool: ToolDefinition): ModelToolSpec {
  const { $schema: _schemaVersion, ...parameters } = z.toJSONSchema(tool.inputSchema, { io: 'input' });
  return { name: tool.name, description: tool.description, parameters };
}
