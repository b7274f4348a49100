import type { Catalog } from '../catalog/index.js';
import type { CooccurrenceData, NeighbourList } from '../collaborative/cooccurrence.js';
import { LexicalIndex } from '../lexical/lexical-index.js';
import { TitleResolver } from '../titles/index.js';
import { decodeTableFile, encodeTableFile } from './table-file.js';

/**
 * The parts of an index that used to be rebuilt on every open, as table files: the lexical index,
 * the title resolver's tables and the co-occurrence counts (items as catalog positions).
 */
export const componentFiles = {
  lexical: 'lexical.bin',
  titles: 'titles.bin',
  cooccurrence: 'cooccurrence.bin',
} as const;

export function encodeLexical(lexical: LexicalIndex): Uint8Array {
  const { terms, ...arrays } = lexical.tables();
  return encodeTableFile('lexical', {}, { terms, ...arrays });
}

export function decodeLexical(bytes: Uint8Array): LexicalIndex {
  const file = decodeTableFile(bytes, 'lexical');
  return LexicalIndex.fromTables({
    terms: file.strings('terms'),
    postingStart: file.u32('postingStart'),
    postingDocuments: file.u32('postingDocuments'),
    postingWeights: file.f32('postingWeights'),
    lengthNorm: file.f32('lengthNorm'),
  });
}

export function encodeTitles(titles: TitleResolver): Uint8Array {
  const { maxWords, ...sections } = titles.tables();
  return encodeTableFile('titles', { maxWords }, sections);
}

export function decodeTitles(bytes: Uint8Array, catalog: Catalog): TitleResolver {
  const file = decodeTableFile(bytes, 'titles');
  return new TitleResolver(catalog, () => 0, {
    keys: file.strings('keys'),
    keyStart: file.u32('keyStart'),
    keyItems: file.u32('keyItems'),
    fullKeys: file.strings('fullKeys'),
    fullKeyStart: file.u32('fullKeyStart'),
    fullKeyItems: file.u32('fullKeyItems'),
    firstWords: file.strings('firstWords'),
    maxWords: file.meta['maxWords'] ?? 1,
  });
}

/** Counts keyed by catalog id, as positions and values, in the record's own key order. */
function flattenCounts(record: Record<string, number>, positions: Map<string, number>) {
  const entries = Object.entries(record);
  const keys = new Uint32Array(entries.length);
  const values = new Float64Array(entries.length);
  entries.forEach(([id, value], index) => {
    keys[index] = positions.get(id)!;
    values[index] = value;
  });
  return { keys, values };
}

/** Co-occurrence counts with ids as catalog positions (every id is a catalog item's). */
export function encodeCooccurrence(data: CooccurrenceData, catalog: Catalog): Uint8Array {
  const positions = new Map<string, number>();
  catalog.items.forEach((item, position) => positions.set(item.id, position));
  const popularity = flattenCounts(data.popularity, positions);
  const neighbourEntries = Object.entries(data.neighbours);
  const neighbourItems = new Uint32Array(neighbourEntries.length);
  const neighbourStart = new Uint32Array(neighbourEntries.length + 1);
  let total = 0;
  neighbourEntries.forEach(([id, list], index) => {
    neighbourItems[index] = positions.get(id)!;
    neighbourStart[index + 1] = total += list.length;
  });
  const neighbourIds = new Uint32Array(total);
  const neighbourCounts = new Float64Array(total);
  let slot = 0;
  for (const [, list] of neighbourEntries)
    for (const [id, count] of list) {
      neighbourIds[slot] = positions.get(id)!;
      neighbourCounts[slot++] = count;
    }
  const sessionStart = new Uint32Array(data.sessionItems.length + 1);
  let items = 0;
  data.sessionItems.forEach((session, index) => (sessionStart[index + 1] = items += session.length));
  const sessionItems = new Uint32Array(items);
  slot = 0;
  for (const session of data.sessionItems)
    for (const id of session) sessionItems[slot++] = positions.get(id)!;
  return encodeTableFile(
    'cooccurrence',
    { sessions: data.sessions },
    {
      popularityItems: popularity.keys,
      popularityCounts: popularity.values,
      neighbourItems,
      neighbourStart,
      neighbourIds,
      neighbourCounts,
      sessionStart,
      sessionItems,
    },
  );
}

/**
 * A read-only record of neighbour lists that decodes a list from the typed arrays when it is read:
 * [id, count] pairs for every item of a large log would cost ~400 bytes an item (43 MB at 100k items)
 * where the arrays cost a tenth of that, and a request reads the lists of a few items only.
 */
function lazyNeighbours(
  rowOf: Map<string, number>,
  decode: (row: number) => NeighbourList,
): Record<string, NeighbourList> {
  const row = (key: string | symbol) => (typeof key === 'string' ? rowOf.get(key) : undefined);
  return new Proxy({} as Record<string, NeighbourList>, {
    get: (_target, key) => {
      const found = row(key);
      return found === undefined ? undefined : decode(found);
    },
    has: (_target, key) => row(key) !== undefined,
    ownKeys: () => [...rowOf.keys()],
    getOwnPropertyDescriptor: (_target, key) => {
      const found = row(key);
      return found === undefined
        ? undefined
        : { value: decode(found), enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** The counts saved by `encodeCooccurrence`, ids taken from the catalog again. */
export function decodeCooccurrence(bytes: Uint8Array, catalog: Catalog): CooccurrenceData {
  const file = decodeTableFile(bytes, 'cooccurrence');
  const idAt = (position: number) => catalog.items[position]!.id;
  const popularityItems = file.u32('popularityItems');
  const popularityCounts = file.f64('popularityCounts');
  const popularity: Record<string, number> = {};
  for (let index = 0; index < popularityItems.length; index++)
    popularity[idAt(popularityItems[index]!)] = popularityCounts[index]!;
  const neighbourItems = file.u32('neighbourItems');
  const neighbourStart = file.u32('neighbourStart');
  const neighbourIds = file.u32('neighbourIds');
  const neighbourCounts = file.f64('neighbourCounts');
  const rowOf = new Map<string, number>();
  for (let index = 0; index < neighbourItems.length; index++) rowOf.set(idAt(neighbourItems[index]!), index);
  const neighbours = lazyNeighbours(rowOf, (row) => {
    const list: NeighbourList = [];
    for (let slot = neighbourStart[row]!; slot < neighbourStart[row + 1]!; slot++)
      list.push([idAt(neighbourIds[slot]!), neighbourCounts[slot]!]);
    return list;
  });
  const sessionStart = file.u32('sessionStart');
  const sessionPositions = file.u32('sessionItems');
  const sessionItems: string[][] = [];
  for (let index = 0; index + 1 < sessionStart.length; index++) {
    const session: string[] = [];
    for (let slot = sessionStart[index]!; slot < sessionStart[index + 1]!; slot++)
      session.push(idAt(sessionPositions[slot]!));
    sessionItems.push(session);
  }
  return {
    format: 'convrec-cooccurrence-2',
    sessions: file.meta['sessions'] ?? 0,
    sessionItems,
    popularity,
    neighbours,
  };
}
