import { isConvrecError } from '../errors/index.js';
import type { Degradation } from './turn-events.js';

/**
 * The degradation for a stage whose model call failed: the error's code (MODEL_UNAVAILABLE for an
 * error without one) and `lead` followed by the error's message.
 */
export function degradationFrom(stage: Degradation['stage'], error: unknown, lead: string): Degradation {
  return {
    stage,
    code: isConvrecError(error) ? error.code : 'MODEL_UNAVAILABLE',
    message: `${lead}: ${error instanceof Error ? error.message : String(error)}`,
  };
}
