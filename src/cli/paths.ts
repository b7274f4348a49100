import { createHash } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is), from this file's location in src/ or dist/src/. */
export function projectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const parts = here.split(/[\\/]/);
  const index = parts.lastIndexOf('src');
  const root = parts.slice(0, index).join('/') || '/';
  return basename(root) === 'dist' ? dirname(root) : root;
}

/** The bundled demo catalog. */
export function demoCatalogPath(): string {
  return join(projectRoot(), 'examples', 'catalogs', 'movies.jsonl');
}

/** Default index folder for a catalog: `.convrec/indexes/<name>-<hash of its absolute path>`. */
export function defaultIndexDirectory(
  catalog: string,
  base = join(process.cwd(), '.convrec', 'indexes'),
): string {
  const absolute = resolve(catalog);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
  return join(base, `${basename(absolute, extname(absolute))}-${tag}`);
}
