import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJson } from '../parse-json.js';
import { cacheEntrySchema, type CacheEntry } from './cache-entry.js';
import { ModelCacheInvalidError } from './model-cache-invalid-error.js';

/** Largest cache file read (one response; a bigger file is not one). */
export const maxCacheFileBytes = 8 * 1024 * 1024;

/**
 * A folder of recorded model responses, one `<key>.json` file per request. Files are written to a
 * temporary name and renamed, so a crash never leaves half a file under a key.
 */
export class ModelCache {
  constructor(
    readonly directory: string,
    private readonly maxFileBytes = maxCacheFileBytes,
  ) {}

  fileOf(key: string): string {
    return join(this.directory, `${key}.json`);
  }

  /** The entry under `key`, or undefined when there is none; a bad file is a ModelCacheInvalidError. */
  async read(key: string): Promise<CacheEntry | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      const { size } = await stat(file);
      if (size > this.maxFileBytes)
        throw new ModelCacheInvalidError(file, `${size} bytes, more than the ${this.maxFileBytes} allowed`);
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      if (error instanceof ModelCacheInvalidError) throw error;
      throw new ModelCacheInvalidError(file, `cannot read it (${(error as Error).message})`, error);
    }
    const json = parseJson(text);
    if (!json.ok) throw new ModelCacheInvalidError(file, `not valid JSON (${json.error})`);
    const parsed = cacheEntrySchema.safeParse(json.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ModelCacheInvalidError(
        file,
        `field "${issue?.path.map(String).join('.') || '(root)'}" ${issue?.message ?? 'is invalid'}: not a model cache entry`,
      );
    }
    if (parsed.data.key !== key)
      throw new ModelCacheInvalidError(file, `holds key ${parsed.data.key}, not ${key}`);
    return parsed.data;
  }

  /** Stores `entry` under its key, atomically. */
  async write(entry: CacheEntry): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = this.fileOf(entry.key);
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(entry)}\n`);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
