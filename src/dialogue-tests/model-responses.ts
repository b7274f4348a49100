import { z } from 'zod';
import { ConvrecError, type ErrorCode } from '../errors/index.js';
import type { ScriptedStep } from '../model/scripted-model.js';
import { emptyUnderstanding, understandingSchema } from '../understanding/understanding-schema.js';

const shape = understandingSchema.shape;

/** The understand call's answer; fields left out take the empty understanding's values. */
const understandAnswerSchema = z
  .strictObject({
    ...shape,
    constraints: shape.constraints.partial().strict(),
    preferences: shape.preferences.partial().strict(),
    relax: shape.relax.partial().strict(),
  })
  .partial();

const answerKinds = ['understand', 'rerank', 'answer', 'summarize', 'text', 'error'] as const;

/**
 * One scripted model answer: `understand: {…}` (the structured understanding), `rerank: |` (the
 * line protocol, `REPLY: …` then `1. c3 | reason`), `answer: …` (about one item), `summarize: …`,
 * a raw `text` for a `purpose`, or an `error` code the call fails with.
 */
export const modelResponseSchema = z
  .strictObject({
    understand: understandAnswerSchema.describe('The understanding, as the model would answer it'),
    rerank: z.string().describe('The rerank answer: "REPLY: …" then "1. c3 | reason" lines'),
    answer: z.string().describe('The answer about one item ("why the first?"), as plain text'),
    summarize: z.string().describe('The profile summary the model writes'),
    text: z.string().describe('A raw answer, for the given purpose (e.g. broken JSON)'),
    error: z
      .string()
      .regex(/^[A-Z_]+$/)
      .describe('The call fails with this error code'),
    purpose: z.string().min(1).describe('The call this answer is for (with text or error)'),
    message: z.string().describe('The error message (with error)'),
  })
  .partial()
  .superRefine((response, context) => {
    const given = answerKinds.filter((kind) => response[kind] !== undefined);
    if (given.length !== 1) {
      context.addIssue({
        code: 'custom',
        message: `give exactly one of ${answerKinds.join(', ')}`,
        path: [],
      });
    }
    if (response.text !== undefined && response.purpose === undefined)
      context.addIssue({ code: 'custom', message: 'a raw text answer needs a purpose', path: ['purpose'] });
    if (response.message !== undefined && response.error === undefined)
      context.addIssue({ code: 'custom', message: 'message goes with error', path: ['message'] });
  });

export type ModelResponse = z.infer<typeof modelResponseSchema>;

/** The ScriptedModel step for one scripted answer. */
export function toScriptedStep(response: ModelResponse): ScriptedStep {
  if (response.understand) {
    const { constraints, preferences, relax, ...rest } = response.understand;
    const base = emptyUnderstanding(rest.intent ?? 'recommend');
    const understanding = {
      ...base,
      ...rest,
      constraints: { ...base.constraints, ...constraints },
      preferences: { ...base.preferences, ...preferences },
      relax: { ...base.relax, ...relax },
    };
    return { purpose: 'understand', text: JSON.stringify(understanding) };
  }
  if (response.rerank !== undefined) return { purpose: 'rerank', text: response.rerank };
  if (response.answer !== undefined) return { purpose: 'answer', text: response.answer };
  if (response.summarize !== undefined) return { purpose: 'summarize', text: response.summarize };
  if (response.error !== undefined) {
    const error = new ConvrecError(
      response.error as ErrorCode,
      response.message ?? `scripted ${response.error} failure`,
    );
    return response.purpose ? { purpose: response.purpose, error } : { error };
  }
  return { purpose: response.purpose!, text: response.text ?? '' };
}

/** The purpose a scripted answer is for, for messages ("any" when it does not say). */
export function responsePurpose(response: ModelResponse): string {
  if (response.understand) return 'understand';
  if (response.rerank !== undefined) return 'rerank';
  if (response.answer !== undefined) return 'answer';
  if (response.summarize !== undefined) return 'summarize';
  return response.purpose ?? 'any';
}
