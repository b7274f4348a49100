import { ConvrecError } from '../errors/index.js';
import { limitsSchema, type Limits, type LimitsInput } from './limits-schema.js';

/** Validates limits given as options, filling in the defaults; a bad value is CONFIG_INVALID naming it. */
export function resolveLimits(input: LimitsInput = {}): Limits {
  const parsed = limitsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConvrecError(
    'CONFIG_INVALID',
    `invalid limits: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
  );
}
