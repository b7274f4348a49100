import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths/package-paths.js';
import { ConvrecError, isConvrecError } from '../errors/index.js';
import { parsePrompt, type PromptTemplate } from './prompt-template.js';

/**
 * The package's `prompts/` folder, found from this module's location: `src/prompts/` under tsx or
 * `dist/src/prompts/` after a build.
 */
export function promptsDirectory(moduleUrl: string = import.meta.url): string {
  return join(packageRoot(moduleUrl), 'prompts');
}

/** Reads and checks one prompt file; any problem is a ConvrecError PROMPT_INVALID naming the file. */
export async function loadPrompt(path: string, signal?: AbortSignal): Promise<PromptTemplate> {
  let text: string;
  try {
    text = await readFile(path, { encoding: 'utf8', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw new ConvrecError('ABORTED', 'loading prompts was cancelled', { cause: error });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConvrecError('PROMPT_INVALID', `${path}: cannot read the prompt file (${reason})`, {
      cause: error,
    });
  }
  return parsePrompt(text, path);
}

/**
 * Loads `<name>.md` for each name from a folder, at start-up, and checks that each file's `name`
 * matches. Every broken file is reported in one PROMPT_INVALID error.
 */
export async function loadPrompts<Name extends string>(
  directory: string,
  names: readonly Name[],
  signal?: AbortSignal,
): Promise<Record<Name, PromptTemplate>> {
  const settled = await Promise.allSettled(
    names.map(async (name) => {
      const prompt = await loadPrompt(join(directory, `${name}.md`), signal);
      if (prompt.name !== name) {
        throw new ConvrecError(
          'PROMPT_INVALID',
          `${prompt.source}: frontmatter name "${prompt.name}" does not match the file name "${name}"`,
        );
      }
      return [name, prompt] as const;
    }),
  );
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
  const aborted = failures.find((failure) => isConvrecError(failure, 'ABORTED'));
  if (aborted || failures.length === 1) throw aborted ?? failures[0];
  if (failures.length > 1) {
    const messages = failures.map((failure) =>
      failure instanceof Error ? failure.message : String(failure),
    );
    throw new ConvrecError('PROMPT_INVALID', messages.join('\n'), { cause: failures[0] });
  }
  const entries = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  return Object.fromEntries(entries) as Record<Name, PromptTemplate>;
}
