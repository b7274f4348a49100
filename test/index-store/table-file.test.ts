import { describe, expect, it } from 'vitest';
import { decodeTableFile, encodeTableFile, TableFileError } from '../../src/index-store/table-file.js';

describe('table files', () => {
  const strings = ['', 'heat', 'amélie', 'emoji 🎬', 'lone \ud800 surrogate', 'x'.repeat(20_000)];
  const encoded = () =>
    encodeTableFile(
      'sample',
      { count: 3 },
      {
        ints: Uint32Array.from([0, 1, 4_000_000_000]),
        floats: Float32Array.from([0.5, -1.25]),
        doubles: Float64Array.from([Math.PI]),
        strings,
      },
    );

  it('gives back every section exactly, numbers as views on the bytes', () => {
    const bytes = encoded();
    const file = decodeTableFile(bytes, 'sample');
    expect(file.meta).toEqual({ count: 3 });
    expect(Array.from(file.u32('ints'))).toEqual([0, 1, 4_000_000_000]);
    expect(Array.from(file.f32('floats'))).toEqual([0.5, -1.25]);
    expect(Array.from(file.f64('doubles'))).toEqual([Math.PI]);
    expect(file.strings('strings')).toEqual(strings);
    expect(file.u32('ints').buffer).toBe(bytes.buffer);
  });

  it('reads a copy of the bytes that starts at an odd offset', () => {
    const bytes = encoded();
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeTableFile(shifted.subarray(3), 'sample').strings('strings')).toEqual(strings);
  });

  it('refuses another kind of file, a missing section and a file cut short', () => {
    const bytes = encoded();
    expect(() => decodeTableFile(bytes, 'lexical')).toThrow(TableFileError);
    expect(() => decodeTableFile(bytes, 'sample').u32('missing')).toThrow(/no u32 missing/);
    expect(() => decodeTableFile(bytes.subarray(0, 40), 'sample')).toThrow(TableFileError);
    expect(() => decodeTableFile(new Uint8Array(10), 'sample')).toThrow(TableFileError);
  });
});
