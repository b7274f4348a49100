import { basename } from 'node:path';
import { CatalogError } from '../errors/index.js';

const byteOrderMarks: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32BE' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset];
      const min = offset === 1 ? low : 0x80;
      const max = offset === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return index;
    }
    index += length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function utf16Guess(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] === 0) {
      if (index % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

function convertHint(file: string, encoding: string): string {
  const name = basename(file);
  const dot = name.lastIndexOf('.');
  const converted = dot > 0 ? `${name.slice(0, dot)}.utf8${name.slice(dot)}` : `${name}.utf8`;
  return `convert it with: iconv -f ${encoding} -t UTF-8 ${name} > ${converted}`;
}

function notUtf8(file: string, what: string, encoding: string, line?: number): CatalogError {
  return new CatalogError(
    'CATALOG_INVALID',
    `the catalog is not UTF-8 text: ${what}; ${convertHint(file, encoding.split('/').pop()!)}`,
    { file, ...(line === undefined ? {} : { line }) },
  );
}

/**
 * Decodes a catalog file as UTF-8, dropping a BOM. UTF-16/32, 8-bit encodings and binary files are
 * refused with CATALOG_INVALID naming the file, the line of the first bad byte, the encoding the bytes
 * look like and the iconv command that converts them. Refused rather than guessed: a wrong guess among
 * the 8-bit code pages (Latin-1, Windows-1252, Latin-2, Cyrillic…) would silently change titles and ids.
 */
export function decodeCatalog(bytes: Uint8Array, file: string): string {
  for (const { bytes: mark, encoding } of byteOrderMarks) {
    if (mark.every((value, index) => bytes[index] === value)) {
      throw notUtf8(file, `it starts with a ${encoding} byte order mark`, encoding);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const utf16 = utf16Guess(bytes);
    if (utf16) throw notUtf8(file, `every other byte is NUL, it looks like ${utf16}`, utf16);
    const line = offset >= 0 ? lineAt(bytes, offset) : undefined;
    const byte = offset >= 0 ? `byte 0x${bytes[offset]!.toString(16).toUpperCase()}` : 'a byte';
    if (bytes.includes(0)) throw binaryFile(file, line);
    // Bytes 0x80–0x9F are printable in Windows-1252 (€, “, ”…) but unused controls in Latin-1.
    const encoding = bytes.some((value) => value >= 0x80 && value <= 0x9f)
      ? 'Windows-1252'
      : 'Latin-1/Windows-1252';
    throw notUtf8(file, `${byte} is not valid UTF-8, it looks like ${encoding}`, encoding, line);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = utf16Guess(bytes);
    if (utf16) throw notUtf8(file, `every other byte is NUL, it looks like ${utf16}`, utf16);
    throw binaryFile(file, lineAt(bytes, nul));
  }
  return text;
}

function binaryFile(file: string, line: number | undefined): CatalogError {
  return new CatalogError(
    'CATALOG_INVALID',
    'the catalog contains NUL bytes: this looks like a binary file, not JSONL, JSON or CSV text',
    { file, ...(line === undefined ? {} : { line }) },
  );
}
