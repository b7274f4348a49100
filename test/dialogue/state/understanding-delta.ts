import {
  emptyUnderstanding,
  type Constraints,
  type Relaxation,
  type Understanding,
} from '../../../src/understanding/understanding-schema.js';

/** The fields a message sets; constraints and relax may be given in part. */
export type DeltaInput = Partial<Omit<Understanding, 'constraints' | 'relax'>> & {
  constraints?: Partial<Constraints>;
  relax?: Partial<Relaxation>;
};

/** A turn's delta as the reader or a model answers it: the empty understanding with the fields the message sets. */
export function delta(input: DeltaInput = {}): Understanding {
  const base = emptyUnderstanding(input.intent ?? 'recommend');
  return {
    ...base,
    ...input,
    constraints: { ...base.constraints, ...input.constraints },
    relax: { ...base.relax, ...input.relax },
  };
}
