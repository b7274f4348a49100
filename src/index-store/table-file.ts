/**
 * One binary file of named typed arrays (and string lists), read with one `readFile` and decoded
 * without copying: each numeric section is a view on the file's bytes. Layout: an 8-byte magic, a
 * little-endian uint32 header length, a small JSON header naming each section's type, offset and
 * length, then the sections, each 8-byte aligned. Integrity is the manifest's checksum, checked
 * before a file is decoded.
 */
const magic = 'CVRTAB1\n';
const alignment = 8;

/** A section: numbers in a typed array, or strings (stored as UTF-16 code units, exactly). */
export type TableSection = Uint32Array | Float32Array | Float64Array | string[];

type SectionType = 'u32' | 'f32' | 'f64' | 'strings';

interface SectionEntry {
  name: string;
  type: SectionType;
  /** Byte offset from the start of the file. */
  offset: number;
  /** Elements (strings: the number of strings; their code units follow their end offsets). */
  length: number;
  /** For strings: total UTF-16 code units. */
  units?: number;
}

interface Header {
  kind: string;
  meta: Record<string, number>;
  sections: SectionEntry[];
}

/** Thrown for a file that is not a table file of the expected kind, or is cut short. */
export class TableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

const align = (offset: number) => Math.ceil(offset / alignment) * alignment;

function sectionType(section: TableSection): SectionType {
  if (Array.isArray(section)) return 'strings';
  if (section instanceof Uint32Array) return 'u32';
  if (section instanceof Float32Array) return 'f32';
  return 'f64';
}

/** The strings as one run of UTF-16 code units and each string's end offset. */
function packStrings(strings: string[]): { ends: Uint32Array; units: Uint16Array } {
  const ends = new Uint32Array(strings.length);
  let total = 0;
  strings.forEach((text, index) => (ends[index] = total += text.length));
  const units = new Uint16Array(total);
  let at = 0;
  for (const text of strings)
    for (let index = 0; index < text.length; index++) units[at++] = text.charCodeAt(index);
  return { ends, units };
}

/** Encodes `sections` (and a few numbers in `meta`) as one file of kind `kind`. */
export function encodeTableFile(
  kind: string,
  meta: Record<string, number>,
  sections: Record<string, TableSection>,
): Uint8Array {
  const parts: { entry: SectionEntry; bytes: Uint8Array[] }[] = [];
  for (const [name, section] of Object.entries(sections)) {
    const type = sectionType(section);
    if (Array.isArray(section)) {
      const { ends, units } = packStrings(section);
      parts.push({
        entry: { name, type, offset: 0, length: section.length, units: units.length },
        bytes: [new Uint8Array(ends.buffer), new Uint8Array(units.buffer)],
      });
    } else {
      parts.push({
        entry: { name, type, offset: 0, length: section.length },
        bytes: [new Uint8Array(section.buffer, section.byteOffset, section.byteLength)],
      });
    }
  }
  // Offsets depend on the header's length, which depends on the offsets: fix the header's size with
  // generous digits, then fill in.
  const placeholder = (entries: SectionEntry[]) =>
    JSON.stringify({ kind, meta, sections: entries.map((entry) => ({ ...entry, offset: 1e15 })) });
  const headerBytes = new TextEncoder().encode(placeholder(parts.map((part) => part.entry))).length;
  let offset = align(12 + headerBytes);
  for (const part of parts) {
    part.entry.offset = offset;
    for (const bytes of part.bytes) offset = align(offset + bytes.length);
  }
  const header: Header = { kind, meta, sections: parts.map((part) => part.entry) };
  const headerText = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(offset);
  out.set(new TextEncoder().encode(magic), 0);
  new DataView(out.buffer).setUint32(8, headerText.length, true);
  out.set(headerText, 12);
  for (const part of parts) {
    let at = part.entry.offset;
    for (const bytes of part.bytes) {
      out.set(bytes, at);
      at = align(at + bytes.length);
    }
  }
  return out;
}

/** Decoded sections of a table file: typed arrays are views on the file's bytes. */
export interface TableFile {
  meta: Record<string, number>;
  u32(name: string): Uint32Array;
  f32(name: string): Float32Array;
  f64(name: string): Float64Array;
  strings(name: string): string[];
}

/** Code units to a string, in chunks (a spread of a large array overflows the stack). */
function unitsToString(units: Uint16Array): string {
  const chunk = 8192;
  const pieces: string[] = [];
  for (let start = 0; start < units.length; start += chunk)
    pieces.push(String.fromCharCode.apply(null, units.subarray(start, start + chunk) as unknown as number[]));
  return pieces.join('');
}

/** Decodes a file written by `encodeTableFile`; a wrong kind or a short file is a TableFileError. */
export function decodeTableFile(file: Uint8Array, kind: string): TableFile {
  // Typed-array views need aligned offsets: a buffer from Node's pool may start anywhere.
  const bytes = file.byteOffset % alignment === 0 ? file : file.slice();
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== magic)
    throw new TableFileError(`not a ${kind} table file`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new TableFileError(`${kind} table file is cut short`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  if (header.kind !== kind) throw new TableFileError(`expected a ${kind} table file, found ${header.kind}`);
  const entries = new Map(header.sections.map((entry) => [entry.name, entry]));
  const section = (name: string, type: SectionType) => {
    const entry = entries.get(name);
    if (!entry || entry.type !== type) throw new TableFileError(`${kind} table file has no ${type} ${name}`);
    return entry;
  };
  const view = <T>(
    name: string,
    type: SectionType,
    size: number,
    make: (buffer: ArrayBuffer, offset: number, length: number) => T,
  ): T => {
    const entry = section(name, type);
    if (entry.offset + entry.length * size > bytes.length)
      throw new TableFileError(`${kind} ${name} is cut short`);
    return make(bytes.buffer as ArrayBuffer, bytes.byteOffset + entry.offset, entry.length);
  };
  return {
    meta: header.meta,
    u32: (name) => view(name, 'u32', 4, (buffer, offset, length) => new Uint32Array(buffer, offset, length)),
    f32: (name) => view(name, 'f32', 4, (buffer, offset, length) => new Float32Array(buffer, offset, length)),
    f64: (name) => view(name, 'f64', 8, (buffer, offset, length) => new Float64Array(buffer, offset, length)),
    strings: (name) => {
      const entry = section(name, 'strings');
      const unitsOffset = align(entry.offset + entry.length * 4);
      const units = entry.units ?? 0;
      if (unitsOffset + units * 2 > bytes.length) throw new TableFileError(`${kind} ${name} is cut short`);
      const ends = new Uint32Array(bytes.buffer, bytes.byteOffset + entry.offset, entry.length);
      const text = unitsToString(new Uint16Array(bytes.buffer, bytes.byteOffset + unitsOffset, units));
      const out = new Array<string>(entry.length);
      let start = 0;
      for (let index = 0; index < entry.length; index++) {
        out[index] = text.slice(start, ends[index]);
        start = ends[index]!;
      }
      return out;
    },
  };
}
