import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConvrecError } from '../../errors/index.js';
import { intents, qualityPolarities, titleSentiments } from '../../understanding/understanding-schema.js';

const strings = z.array(z.string().min(1)).default([]);

/** The expected delta of one utterance; every field left out is empty. */
export const expectedDeltaSchema = z
  .object({
    intent: z.enum(intents),
    newRequest: z.boolean().default(false),
    titles: z
      .array(z.object({ title: z.string().min(1), sentiment: z.enum(titleSentiments) }).strict())
      .default([]),
    unknownTitles: strings,
    constraints: z
      .object({
        yearFrom: z.number().int().nullable().default(null),
        yearTo: z.number().int().nullable().default(null),
        genres: strings,
        excludeGenres: strings,
        people: strings,
        excludePeople: strings,
      })
      .strict()
      .default({
        yearFrom: null,
        yearTo: null,
        genres: [],
        excludeGenres: [],
        people: [],
        excludePeople: [],
      }),
    preferences: z.object({ genres: strings, people: strings }).strict().default({ genres: [], people: [] }),
    qualities: z
      .array(z.object({ id: z.string().min(1), polarity: z.enum(qualityPolarities) }).strict())
      .default([]),
    audiences: strings,
    relax: z
      .object({
        years: z.boolean().default(false),
        genres: z.boolean().default(false),
        excludeGenres: strings,
        excludePeople: strings,
        qualities: strings,
      })
      .strict()
      .default({ years: false, genres: false, excludeGenres: [], excludePeople: [], qualities: [] }),
    yearDirection: z.enum(['older', 'newer']).nullable().default(null),
    quantity: z.number().int().positive().nullable().default(null),
    shownFeedback: z
      .array(
        z
          .object({ position: z.number().int().min(1), sentiment: z.enum(['liked', 'disliked', 'seen']) })
          .strict(),
      )
      .default([]),
    rejectsShown: z.boolean().default(false),
    referencedPosition: z.number().int().min(1).nullable().default(null),
  })
  .strict();

export type ExpectedDelta = z.infer<typeof expectedDeltaSchema>;

export const benchmarkLineSchema = z
  .object({
    id: z.string().min(1),
    phenomenon: z.string().min(1),
    context: z
      .array(
        z
          .object({
            role: z.enum(['user', 'assistant']),
            text: z.string(),
            shown: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .default([]),
    text: z.string().min(1).max(4000),
    expect: expectedDeltaSchema,
    note: z.string().optional(),
  })
  .strict();

export type BenchmarkLine = z.infer<typeof benchmarkLineSchema>;

/** Reads a benchmark JSONL file; a bad line is an error naming the file, line and field. */
export async function readBenchmark(path: string): Promise<BenchmarkLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConvrecError('DATASET_INVALID', `${path}: cannot read the benchmark file`, { cause: error });
  }
  const lines: BenchmarkLine[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ConvrecError('DATASET_INVALID', `${path}:${index + 1}: not valid JSON`);
    }
    const parsed = benchmarkLineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConvrecError(
        'DATASET_INVALID',
        `${path}:${index + 1}: field "${issue?.path.join('.') || '(line)'}" ${issue?.message ?? 'is invalid'}`,
      );
    }
    if (ids.has(parsed.data.id))
      throw new ConvrecError('DATASET_INVALID', `${path}:${index + 1}: duplicate id "${parsed.data.id}"`);
    ids.add(parsed.data.id);
    lines.push(parsed.data);
  });
  return lines;
}
