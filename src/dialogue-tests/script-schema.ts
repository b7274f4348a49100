import { z } from 'zod';
import { expectationsSchema } from './expectations-schema.js';
import { modelResponseSchema } from './model-responses.js';

/** The chat commands a turn may use instead of words. */
export const turnCommandPattern = /^\/(more|like \d+|dislike \d+|seen \d+|why \d+)$/;

const turnSchema = z
  .object({
    say: z
      .string()
      .min(1)
      .refine((text) => !text.startsWith('/') || turnCommandPattern.test(text.trim()), {
        message: 'unknown command: use /more, /like N, /dislike N, /seen N or /why N',
      })
      .describe("The user's words, or a chat command: /more, /like N, /dislike N, /seen N, /why N"),
    model: z
      .array(modelResponseSchema)
      .optional()
      .describe('Scripted mode: the model answers this turn consumes, in order'),
    expect: expectationsSchema.optional().describe('What must hold after the turn'),
    known_issue: z
      .strictObject({
        reason: z
          .string()
          .min(1)
          .transform((text) => text.replace(/\s+/g, ' ').trim())
          .describe('What is wrong, for the report'),
        expect: expectationsSchema.describe('Expectations that fail today; reported when they start passing'),
      })
      .optional()
      .describe('Expectations the agent does not meet yet: they must fail, and are reported as known issues'),
  })
  .strict();

const sessionSchema = z
  .object({
    user: z.string().min(1).optional().describe('Whose profile (default: the script user)'),
    summary: z
      .string()
      .optional()
      .describe('Scripted mode: the profile summary the model writes when the session ends'),
    turns: z.array(turnSchema).min(1),
  })
  .strict();

/** A dialogue script as written in YAML or JSON. */
export const dialogueScriptSchema = z
  .object({
    name: z.string().min(1).optional().describe('Shown in the report (default: the file name)'),
    description: z.string().optional(),
    catalog: z
      .string()
      .min(1)
      .optional()
      .describe('Catalog file, relative to the script (default: the bundled demo catalog)'),
    mode: z
      .enum(['offline', 'scripted'])
      .default('offline')
      .describe('offline: no LLM; scripted: a scripted model answers from each turn’s model list'),
    k: z.number().int().min(1).max(20).optional().describe('Recommendations per turn (default 5)'),
    user: z.string().min(1).default('tester').describe('User id of every session unless a session names one'),
    turns: z.array(turnSchema).min(1).optional().describe('One session (or use sessions)'),
    sessions: z
      .array(sessionSchema)
      .min(1)
      .optional()
      .describe('Several sessions in order, sharing one in-memory profile store'),
  })
  .strict()
  .superRefine((script, context) => {
    if ((script.turns === undefined) === (script.sessions === undefined)) {
      context.addIssue({ code: 'custom', message: 'give either turns or sessions (exactly one)', path: [] });
    }
    if (script.mode === 'scripted') return;
    const check = (turns: DialogueTurn[], path: (string | number)[]) =>
      turns.forEach((turn, index) => {
        if (turn.model)
          context.addIssue({
            code: 'custom',
            message: 'model answers need mode: scripted',
            path: [...path, index, 'model'],
          });
      });
    if (script.turns) check(script.turns, ['turns']);
    script.sessions?.forEach((session, index) => {
      check(session.turns, ['sessions', index, 'turns']);
      if (session.summary !== undefined)
        context.addIssue({
          code: 'custom',
          message: 'a scripted summary needs mode: scripted',
          path: ['sessions', index, 'summary'],
        });
    });
  });

export type DialogueScript = z.infer<typeof dialogueScriptSchema>;
export type DialogueTurn = z.infer<typeof turnSchema>;
export type DialogueSession = z.infer<typeof sessionSchema>;
