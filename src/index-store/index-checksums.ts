import { createHash, webcrypto } from 'node:crypto';
import { open, readdir, readFile } from 'node:fs/promises';
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
 * Checks the manifest's own checksum. A manifest without checksums, written by an older convrec, is
 * INDEX_MISMATCH; an edited one INDEX_CORRUPT. Both end with `rebuild`, which says how to rebuild.
 */
export function verifyManifest(directory: string, manifest: IndexManifest, rebuild: string): void {
  if (!manifest.files || manifest.checksum === undefined) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `the index in ${directory} was written by an older convrec, without file checksums. ${rebuild}`,
      directory,
    );
  }
  if (manifest.checksum !== manifestChecksum(manifest)) {
    throw corruptIndex(
      directory,
      `${join(directory, manifestFile)} was changed after the index was written`,
      rebuild,
    );
  }
}

function corruptIndex(directory: string, problem: string, rebuild: string, cause?: unknown): IndexError {
  return new IndexError('INDEX_CORRUPT', `${problem}: the index is damaged. ${rebuild}`, directory, cause);
}

/** SHA-256 of bytes in hand, computed off the main thread (WebCrypto runs in the thread pool). */
async function checksumBytes(bytes: Uint8Array): Promise<IndexFileChecksum> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return { bytes: bytes.byteLength, sha256: Buffer.from(digest).toString('hex') };
}

/**
 * Checks the manifest and every file it records before anything decodes them (a damaged hnsw.bin can
 * crash hnswlib natively; a damaged vectors.bin silently changes results), and returns the contents
 * of the files in `read`: each is read once, whole, and its bytes are the ones checked. The other
 * files are checked by streaming them. A damaged, missing or unrecorded file is INDEX_CORRUPT naming
 * it.
 */
export async function readVerifiedFiles(
  directory: string,
  manifest: IndexManifest,
  read: readonly string[],
  rebuild: string,
): Promise<Map<string, Buffer>> {
  verifyManifest(directory, manifest, rebuild);
  const recorded = manifest.files ?? {};
  const contents = new Map<string, Buffer>();
  const check = async (name: string, expected: IndexFileChecksum) => {
    const file = join(directory, name);
    let actual: IndexFileChecksum;
    try {
      if (read.includes(name)) {
        const bytes = await readFile(file);
        contents.set(name, bytes);
        actual = await checksumBytes(bytes);
      } else {
        actual = await checksumFile(file);
      }
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw corruptIndex(
        directory,
        missing ? `${file} is missing` : `cannot read ${file} (${(error as Error).message})`,
        rebuild,
        error,
      );
    }
    if (actual.bytes !== expected.bytes) {
      throw corruptIndex(
        directory,
        `${file} has ${actual.bytes} bytes where the manifest records ${expected.bytes}`,
        rebuild,
      );
    }
    if (actual.sha256 !== expected.sha256) {
      throw corruptIndex(directory, `${file} does not match the checksum in the manifest`, rebuild);
    }
  };
  for (const name of read)
    if (!(name in recorded))
      throw corruptIndex(directory, `${join(directory, name)} is not recorded in the manifest`, rebuild);
  // Files are hashed concurrently; the first failure (in manifest order) is the one reported.
  const results = await Promise.allSettled(
    Object.entries(recorded).map(([name, expected]) => check(name, expected)),
  );
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return contents;
}

/**
 * Checks the manifest's own checksum and every recorded file's size and SHA-256, reading nothing
 * into memory for later use (see `readVerifiedFiles`).
 */
export async function verifyIndexFiles(
  directory: string,
  manifest: IndexManifest,
  rebuild: string,
): Promise<void> {
  await readVerifiedFiles(directory, manifest, [], rebuild);
}
