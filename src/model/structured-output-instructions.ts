import type { ModelMessage, OutputMode, StructuredOutputSpec } from './language-model.js';

/**
 * The system-prompt text that asks for JSON when the server does not enforce the schema itself:
 * the schema as text, and in text mode an explicit "JSON only" rule.
 */
export function structuredOutputInstructions(output: StructuredOutputSpec, mode: OutputMode): string {
  const schema = JSON.stringify(output.schema);
  const rule =
    mode === 'text'
      ? 'Answer with JSON only: one JSON object matching this schema, with no prose before or after it and no code fences.'
      : 'Answer with one JSON object matching this schema.';
  return `${rule}\nJSON Schema of the answer ("${output.name}"):\n${schema}`;
}

/** Appends `instructions` to the first system message, or adds a system message when there is none. */
export function withSystemInstructions(messages: ModelMessage[], instructions: string): ModelMessage[] {
  const index = messages.findIndex((message) => message.role === 'system');
  if (index === -1) return [{ role: 'system', content: instructions }, ...messages];
  return messages.map((message, position) =>
    position === index ? { role: 'system', content: `${message.content}\n\n${instructions}` } : message,
  );
}
