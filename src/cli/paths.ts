import { createHash } from 'node:crypto';
import { basename, extname, join, resolve } from 'node:path';

export { demoCatalogPath, packageRoot as projectRoot } from '../paths/package-paths.js';

/** Default index folder for a catalog: `.convrec/indexes/<name>-<hash of its absolute path>`. */
export function defaultIndexDirectory(
  catalog: string,
  base = join(process.cwd(), '.convrec', 'indexes'),
): string {
  const absolute = resolve(catalog);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
  return join(base, `${basename(absolute, extname(absolute))}-${tag}`);
}
