import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConvrecError } from '../errors/index.js';

const scriptExtension = /\.(ya?ml|json)$/i;

function wildcard(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`);
}

/**
 * The script files named by paths, folders (every .yaml, .yml and .json in it) and wildcards in the
 * file name (`dialogues/*.yaml`, for shells that do not expand them), sorted within each pattern.
 */
export async function findDialogueScripts(patterns: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (/[*?]/.test(basename(pattern))) {
      const folder = dirname(pattern);
      const match = wildcard(basename(pattern));
      const names = await readdir(folder).catch(() => [] as string[]);
      const found = names.filter((name) => match.test(name)).sort();
      if (found.length === 0)
        throw new ConvrecError('CONFIG_INVALID', `no dialogue scripts match ${pattern}`);
      files.push(...found.map((name) => join(folder, name)));
    } else if (
      await stat(pattern).then(
        (entry) => entry.isDirectory(),
        () => false,
      )
    ) {
      const names = (await readdir(pattern)).filter((name) => scriptExtension.test(name)).sort();
      if (names.length === 0) throw new ConvrecError('CONFIG_INVALID', `no dialogue scripts in ${pattern}`);
      files.push(...names.map((name) => join(pattern, name)));
    } else {
      files.push(pattern);
    }
  }
  return [...new Set(files)];
}
