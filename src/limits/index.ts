/** Bounds on the work one message may cause: defaults, validation, the message check, a turn's clock. */
export { defaultLimits, limitsSchema, type Limits, type LimitsInput } from './limits-schema.js';
export { resolveLimits } from './resolve-limits.js';
export { checkMessageLength } from './message-length.js';
export { startTurnLimits, type TurnLimits } from './turn-limits.js';
