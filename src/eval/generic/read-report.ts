import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { DatasetError } from '../../errors/index.js';
import { parseJson } from '../../model/parse-json.js';
import { curveDepth } from './scores.js';

const curve = z.array(z.number().min(0).max(1)).min(1).max(curveDepth);

/** The part of an evaluation report (`convrec eval --out`) a plot reads. */
export const reportCurvesSchema = z.object({
  name: z.string().min(1).max(200),
  recallAtK: z.object({
    standard: curve,
    novelOnly: curve,
    popularity: z.object({ standard: curve, novelOnly: curve }),
  }),
});

export type ReportCurves = z.infer<typeof reportCurvesSchema>;

/** Reports are small; a bigger file is the wrong file. */
const maxReportBytes = 20_000_000;

/** Reads the recall curves of an evaluation report; a problem is a DATASET_INVALID error naming the file and field. */
export async function readReportCurves(file: string): Promise<ReportCurves> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > maxReportBytes)
      throw new DatasetError(
        'DATASET_INVALID',
        `the report is ${size} bytes, more than ${maxReportBytes} allowed`,
        { file },
      );
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(
      'DATASET_INVALID',
      `cannot read the report (${(error as Error).message})`,
      { file },
      error,
    );
  }
  const json = parseJson(text);
  if (!json.ok) throw new DatasetError('DATASET_INVALID', `not valid JSON (${json.error})`, { file });
  const parsed = reportCurvesSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DatasetError(
      'DATASET_INVALID',
      `${issue?.message ?? 'is invalid'}: not an evaluation report of convrec eval --out`,
      { file, field: issue?.path.join('.') || '(root)' },
    );
  }
  return parsed.data;
}
