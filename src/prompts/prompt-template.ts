import { ConvrecError } from '../errors/index.js';
import { splitFrontmatter } from './frontmatter.js';

/** Values for a prompt's variables; numbers are written as decimal text. */
export type PromptValues = Readonly<Record<string, string | number>>;

/** A prompt rendered for one call: static system text, per-turn user text. */
export interface RenderedPrompt {
  system: string;
  user: string;
}

/** A loaded, checked prompt file. `system` and `user` still hold their `{{placeholders}}`. */
export interface PromptTemplate {
  name: string;
  description: string;
  /** The declared variables, in frontmatter order; exactly the placeholders the text uses. */
  variables: readonly string[];
  /** Static instructions ("" when the file has no `# system` section). */
  system: string;
  /** Per-turn content. */
  user: string;
  /** Where the prompt was read from, named in every error. */
  source: string;
  /** Fills every placeholder; throws PROMPT_INVALID on a missing or undeclared value. */
  render(values: PromptValues): RenderedPrompt;
}

const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const sectionHeading = /^#\s+(system|user)\s*$/i;

function invalid(file: string, message: string): ConvrecError {
  return new ConvrecError('PROMPT_INVALID', `${file}: ${message}`);
}

function quotedList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/**
 * Splits the body at `# system` and `# user` headings (system first). A body without them is all
 * user text.
 */
function splitSections(body: string, bodyLine: number, file: string): RenderedPrompt {
  const lines = body.split('\n');
  const headings = lines.flatMap((line, index) => {
    const kind = sectionHeading.exec(line.trim())?.[1]?.toLowerCase() as 'system' | 'user' | undefined;
    return kind ? [{ kind, index }] : [];
  });
  const first = headings[0];
  if (!first) return { system: '', user: body.trim() };
  const stray = lines.slice(0, first.index).findIndex((line) => line.trim() !== '');
  if (stray >= 0) {
    throw invalid(file, `line ${bodyLine + stray}: text before the first "# system" or "# user" heading`);
  }
  const sections: Partial<RenderedPrompt> = {};
  headings.forEach(({ kind, index }, position) => {
    const at = `line ${bodyLine + index}`;
    if (sections[kind] !== undefined) throw invalid(file, `${at}: a second "# ${kind}" section`);
    if (kind === 'system' && sections.user !== undefined) {
      throw invalid(file, `${at}: "# system" must come before "# user" (static text first)`);
    }
    const end = headings[position + 1]?.index ?? lines.length;
    sections[kind] = lines
      .slice(index + 1, end)
      .join('\n')
      .trim();
  });
  return { system: sections.system ?? '', user: sections.user ?? '' };
}

/** The placeholders used in a text; throws on `{{` or `}}` that is not a well-formed placeholder. */
function placeholdersIn(text: string, file: string): Set<string> {
  const used = new Set<string>();
  for (const match of text.matchAll(placeholderPattern)) used.add(match[1]!);
  const stray = /\{\{|\}\}/.exec(text.replace(placeholderPattern, ''));
  if (stray) {
    const near = text.replace(placeholderPattern, '').slice(Math.max(0, stray.index - 20), stray.index + 22);
    throw invalid(file, `malformed placeholder near ${JSON.stringify(near)}: use {{name}}`);
  }
  return used;
}

/**
 * Parses a prompt file's text and checks that its declared variables equal the placeholders it
 * uses, in both directions. `source` names the file in errors.
 */
export function parsePrompt(text: string, source: string): PromptTemplate {
  const { frontmatter, body, bodyLine } = splitFrontmatter(text, source);
  const { system, user } = splitSections(body, bodyLine, source);
  if (system === '' && user === '') throw invalid(source, 'the prompt has no text');
  const used = placeholdersIn(`${system}\n${user}`, source);
  const declared = new Set(frontmatter.variables);
  const unused = frontmatter.variables.filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw invalid(source, `variable ${quotedList(unused)} is declared in the frontmatter but not used`);
  }
  const undeclared = [...used].filter((name) => !declared.has(name));
  if (undeclared.length > 0) {
    throw invalid(source, `placeholder ${quotedList(undeclared)} is used but not declared in "variables"`);
  }
  const fill = (template: string, values: PromptValues) =>
    // One pass: a value that itself contains "{{x}}" is inserted as is, never expanded.
    template.replace(placeholderPattern, (_match, name: string) => String(values[name]));
  return {
    name: frontmatter.name,
    description: frontmatter.description,
    variables: frontmatter.variables,
    system,
    user,
    source,
    render(values) {
      const missing = frontmatter.variables.filter((name) => values[name] === undefined);
      if (missing.length > 0) throw invalid(source, `render is missing a value for ${quotedList(missing)}`);
      const extra = Object.keys(values).filter((name) => !declared.has(name));
      if (extra.length > 0) throw invalid(source, `render got a value for undeclared ${quotedList(extra)}`);
      return { system: fill(system, values), user: fill(user, values) };
    },
  };
}
