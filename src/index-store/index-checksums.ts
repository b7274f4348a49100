import { createHash } from 'node:crypto';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexError } from '../errors/index.js';
import type { IndexFileChecksum, IndexManifest } from './manifest.js';

const manifestFile = 'manifest.json';
const readChunkBytes = 4 * 1024 * 1024;

/** Size and SHA-256 of a file, read in chunks so a large index never sits in memory twice. */
export async function checksumFile(file: string): Promise<IndexFileChecksum> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(readChunkBytes);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** The same JSON whatever order the keys were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry !== null && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(
          Object.entries(entry).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)),
        )
      : entry,
  );
}

/** SHA-256 of a manifest without its own `checksum` field. */
function manifestChecksum(manifest: IndexManifest): string {
  const { checksum: _checksum, ...rest } = manifest;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/**
 * The manifest to write into `directory` once every other file is there: it records each file's
 * size and SHA-256, and its own checksum.
 */
export async function sealManifest(manifest: IndexManifest, directory: string): Promise<IndexManifest> {
  const names = (await readdir(directory)).filter((name) => name !== manifestFile).sort();
  const files: Record<string, IndexFileChecksum> = {};
  for (const name of names) files[name] = await checksumFile(join(directory, name));
  const { checksum: _checksum, ...rest } = manifest;
  const sealed: IndexManifest = { ...rest, files };
  return { ...sealed, checksum: manifestChecksum(sealed) };
}

/**
 * Checks the manifest's own checksum and every recorded file's size and SHA-256 before anything
 * reads them (a damaged hnsw.bin can crash hnswlib natively; a damaged vectors.bin silently changes
 * results). A damaged file or manifest is INDEX_CORRUPT naming it; a manifest without checksums,
 * written by an older convrec, is INDEX_MISMATCH. Both end with `rebuild`, which says how to
 * rebuild.
 */
export async function verifyIndexFiles(
  directory: string,
  manifest: IndexManifest,
  rebuild: string,
): Promise<void> {
  if (!manifest.files || manifest.checksum === undefined) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `the index in ${directory} was written by an older convrec, without file checksums. ${rebuild}`,
      directory,
    );
  }
  const corrupt = (problem: string, cause?: unknown) =>
    new IndexError('INDEX_CORRUPT', `${problem}: the index is damaged. ${rebuild}`, directory, cause);
  if (manifest.checksum !== manifestChecksum(manifest)) {
    throw corrupt(`${join(directory, manifestFile)} was changed after the index was written`);
  }
  for (const [name, recorded] of Object.entries(manifest.files)) {
    const file = join(directory, name);
    let actual: IndexFileChecksum;
    try {
      actual = await checksumFile(file);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw corrupt(
        missing ? `${file} is missing` : `cannot read ${file} (${(error as Error).message})`,
        error,
      );
    }
    if (actual.bytes !== recorded.bytes) {
      throw corrupt(`${file} has ${actual.bytes} bytes where the manifest records ${recorded.bytes}`);
    }
    if (actual.sha256 !== recorded.sha256) {
      throw corrupt(`${file} does not match the checksum in the manifest`);
    }
  }
}
