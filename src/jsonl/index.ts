/** Bounded, validated reading of JSONL files: every line through a zod schema, problems named `file:line`. */
export {
  defaultJsonlLimits,
  readJsonl,
  type JsonlKind,
  type JsonlLimits,
  type JsonlProblem,
  type JsonlRow,
  type ReadJsonlOptions,
} from './read-jsonl.js';
