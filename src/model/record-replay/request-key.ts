import { createHash } from 'node:crypto';
import type { GenerateRequest } from '../language-model.js';

/** A JSON value with object keys sorted and undefined members dropped: equal requests, equal text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = canonical(member);
  }
  return sorted;
}

/** What a recorded response answers: the model and everything the request sends. */
export function canonicalRequest(modelId: string, request: GenerateRequest): Record<string, unknown> {
  return canonical({
    model: modelId,
    purpose: request.purpose,
    messages: request.messages,
    tools: request.tools,
    output: request.output,
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
  }) as Record<string, unknown>;
}

/** The cache key of a request: the SHA-256 (hex) of its canonical JSON. */
export function requestKey(modelId: string, request: GenerateRequest): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalRequest(modelId, request)))
    .digest('hex');
}
