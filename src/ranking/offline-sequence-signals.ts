import type { CooccurrenceData } from '../collaborative/cooccurrence.js';

/** Per-item tallies of where items occur after the mentioned ones in the logged sessions (mention order). */
export interface SequenceSignals {
  /** Sessions in which the item comes after a mentioned item (summed over mentioned items). */
  follows: Map<string, number>;
  /** Sessions in which the item comes right after a mentioned item. */
  next: Map<string, number>;
}

const occurrencesByLog = new WeakMap<CooccurrenceData, Map<string, [session: number, position: number][]>>();

/** Where each item occurs in the logged sessions (session index, position in mention order); cached. */
function itemOccurrences(cooccurrence: CooccurrenceData): Map<string, [number, number][]> {
  let index = occurrencesByLog.get(cooccurrence);
  if (!index) {
    const built = new Map<string, [number, number][]>();
    cooccurrence.sessionItems.forEach((items, session) => {
      items.forEach((id, position) => {
        const list = built.get(id);
        if (list) list.push([session, position]);
        else built.set(id, [[session, position]]);
      });
    });
    occurrencesByLog.set(cooccurrence, built);
    index = built;
  }
  return index;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** Sequence tallies for the items mentioned in a dialogue (empty without a log). */
export function sequenceSignals(
  cooccurrence: CooccurrenceData | undefined,
  mentioned: string[],
): SequenceSignals {
  const signals: SequenceSignals = {
    follows: new Map(),
    next: new Map(),
  };
  if (!cooccurrence) return signals;
  const occurrences = itemOccurrences(cooccurrence);
  for (const id of mentioned) {
    for (const [session, position] of occurrences.get(id) ?? []) {
      cooccurrence.sessionItems[session]!.forEach((other, otherPosition) => {
        if (otherPosition > position) add(signals.follows, other, 1);
        if (otherPosition === position + 1) add(signals.next, other, 1);
      });
    }
  }
  return signals;
}
