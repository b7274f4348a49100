import { defaultJsonlLimits } from '../../jsonl/index.js';
import { defaultLimits } from '../../limits/index.js';

/** Size bounds on evaluation inputs: a bigger file or line is the wrong file, refused before parsing. */
export const datasetLimits = {
  /** Largest turns file or interaction log read into memory. */
  maxFileBytes: defaultJsonlLimits.maxFileBytes,
  /** Longest JSONL line (one turn or one session). */
  maxLineChars: defaultJsonlLimits.maxLineChars,
  /** Longest message in a turn's context: the agent refuses a longer one (`limits.maxMessageChars`). */
  maxMessageChars: defaultLimits.maxMessageChars,
} as const;

export type DatasetLimits = { [Key in keyof typeof datasetLimits]: number };
