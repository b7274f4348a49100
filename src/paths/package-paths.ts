import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json is), from a module's location in src/ or dist/src/. */
export function packageRoot(moduleUrl: string = import.meta.url): string {
  const parts = dirname(fileURLToPath(moduleUrl)).split(/[\\/]/);
  const root = parts.slice(0, parts.lastIndexOf('src')).join(sep) || sep;
  return basename(root) === 'dist' ? dirname(root) : root;
}

/** The bundled demo catalog (676 movies, written for this project). */
export function demoCatalogPath(): string {
  return join(packageRoot(), 'examples', 'catalogs', 'movies.jsonl');
}
