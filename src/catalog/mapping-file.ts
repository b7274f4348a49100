import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { ConvrecError } from '../errors/index.js';
import { describeIssue } from '../lexicon/describe-issue.js';
import { parseLexiconExtension } from '../lexicon/load-lexicon.js';
import { parseJson } from '../model/parse-json.js';
import { mappingFields, type CatalogMappingOptions } from './catalog-mapping.js';

/** Mapping and lexicon files are small; a bigger file is the wrong file. */
export const maxMappingFileBytes = 1_000_000;

/**
 * A catalog mapping file: any mapping field (the rest is inferred from the catalog's field names)
 * and optionally `lexicon`, the catalog's concept lexicon (see `lexiconExtensionSchema`) inline or
 * as the path of a lexicon JSON file relative to the mapping file.
 */
export const mappingFileSchema = z
  .object({
    $comment: z.string().optional(),
    id: mappingFields.id.optional(),
    title: mappingFields.title.optional(),
    year: mappingFields.year.optional(),
    genres: mappingFields.genres.optional(),
    people: mappingFields.people.optional(),
    lists: mappingFields.lists.optional(),
    numbers: mappingFields.numbers.optional(),
    text: mappingFields.text.optional(),
    embed: mappingFields.embed.optional(),
    listSeparator: mappingFields.listSeparator.optional(),
    textLimit: mappingFields.textLimit.optional(),
    kind: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[\p{L}\p{N} '-]+$/u, 'must be a few words, e.g. "board game"')
      .optional()
      .describe('What one item is, for replies: "board game", "book"'),
    // Checked apart, so an error names the field inside the lexicon.
    lexicon: z
      .unknown()
      .optional()
      .describe('Lexicon extension, or the path of a lexicon JSON file relative to this file'),
  })
  .strict();

function invalid(file: string, message: string, cause?: unknown): ConvrecError {
  return new ConvrecError('CONFIG_INVALID', `${file}: ${message}`, { cause });
}

/** Reads a JSON file of at most `maxMappingFileBytes`; errors name the file (and line, for bad JSON). */
async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > maxMappingFileBytes)
      throw invalid(file, `the ${what} is ${size} bytes, more than the ${maxMappingFileBytes} allowed`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ConvrecError) throw error;
    throw invalid(file, `cannot read the ${what} (${(error as Error).message})`, error);
  }
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  const position = /at position (\d+)/.exec(parsed.error)?.[1];
  const line = position === undefined ? '' : `:${text.slice(0, Number(position)).split('\n').length}`;
  throw new ConvrecError('CONFIG_INVALID', `${file}${line}: the ${what} is not valid JSON (${parsed.error})`);
}

/**
 * Reads and validates a catalog mapping file, and the lexicon file it names if any. Every problem is
 * a CONFIG_INVALID error naming the file and the field: `board-games.mapping.json: field
 * "lexicon.concepts.0.effect.preferGenres" ...`.
 */
export async function readMappingFile(file: string): Promise<CatalogMappingOptions> {
  const parsed = mappingFileSchema.safeParse(await readJsonFile(file, 'mapping file'));
  if (!parsed.success) throw invalid(file, describeIssue(parsed.error.issues[0]));
  const { $comment: _comment, lexicon, ...fields } = parsed.data;
  const mapping: CatalogMappingOptions = fields;
  if (typeof lexicon === 'string') {
    const lexiconFile = isAbsolute(lexicon) ? lexicon : join(dirname(file), lexicon);
    const value = await readJsonFile(lexiconFile, 'lexicon file');
    mapping.lexicon = parseLexiconExtension(value, { file: lexiconFile });
  } else if (lexicon !== undefined) {
    mapping.lexicon = parseLexiconExtension(lexicon, { file, field: 'lexicon' });
  }
  return mapping;
}
