import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadPrompt, loadPrompts, parsePrompt, promptsDirectory } from '../../src/prompts/index.js';
import { thrownBy } from '../helpers/errors.js';
import { tempDir, writeText } from '../helpers/toy-catalog.js';

const valid = `---
name: greet
description: Greets someone by name.
variables: [who, count]
---
# system
You greet people. Never greet more than {{count}} times.

# user
Greet {{ who }}.
`;

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

describe('loadPrompt', () => {
  it('reads the frontmatter and the system and user sections', async () => {
    const prompt = await loadPrompt(await writeText(dir, 'greet.md', valid));
    expect(prompt.name).toBe('greet');
    expect(prompt.description).toBe('Greets someone by name.');
    expect(prompt.variables).toEqual(['who', 'count']);
    expect(prompt.system).toBe('You greet people. Never greet more than {{count}} times.');
    expect(prompt.user).toBe('Greet {{ who }}.');
  });

  it('rejects a declared variable the text does not use, naming the file and the variable', async () => {
    const file = await writeText(dir, 'unused.md', valid.replace('[who, count]', '[who, count, mood]'));
    const error = await thrownBy(() => loadPrompt(file));
    expect(error.code).toBe('PROMPT_INVALID');
    expect(error.message).toBe(`${file}: variable "mood" is declared in the frontmatter but not used`);
  });

  it('rejects a placeholder that is not declared, naming the file and the placeholder', async () => {
    const file = await writeText(
      dir,
      'undeclared.md',
      valid.replace('Greet {{ who }}.', 'Greet {{who}} in {{language}}.'),
    );
    const error = await thrownBy(() => loadPrompt(file));
    expect(error.code).toBe('PROMPT_INVALID');
    expect(error.message).toBe(`${file}: placeholder "language" is used but not declared in "variables"`);
  });

  it('rejects a malformed placeholder instead of sending it to the model', async () => {
    const file = await writeText(dir, 'malformed.md', valid.replace('{{ who }}', '{{who-name}}'));
    expect((await thrownBy(() => loadPrompt(file))).message).toMatch(
      /malformed placeholder near ".*who-name/,
    );
  });

  it('rejects broken frontmatter with the file and line', async () => {
    const cases: [string, RegExp][] = [
      ['no frontmatter\n', /must start with a "---" frontmatter block/],
      ['---\nname: x\n', /not closed/],
      [valid.replace('variables: [who, count]', 'variables [who, count]'), /line 4: expected "key: value"/],
      [
        valid.replace('variables: [who, count]', 'variables: [who, count'),
        /line 4: a list must end with "\]"/,
      ],
      [valid.replace('name: greet', 'name: Greet Me'), /frontmatter field "name": must be kebab-case/],
      [valid.replace('description: Greets someone by name.\n', ''), /frontmatter field "description"/],
      [valid.replace('name: greet', 'name: greet\nmodel: gpt'), /unknown frontmatter field "model"/],
      [valid.replace('[who, count]', '[who, count, who]'), /"variables": lists a variable twice/],
      [valid.replace('name: greet', 'name: greet\nname: again'), /line 3: "name" is given twice/],
    ];
    for (const [text, expected] of cases) {
      const error = await thrownBy(() => parsePrompt(text, 'bad.md'));
      expect(error.code).toBe('PROMPT_INVALID');
      expect(error.message).toMatch(/^bad\.md: /);
      expect(error.message).toMatch(expected);
    }
  });

  it('rejects sections out of order, repeated, or preceded by stray text', () => {
    const head = '---\nname: x\ndescription: d\nvariables: []\n---\n';
    expect(() => parsePrompt(`${head}# user\nhi\n# system\nrules\n`, 'x.md')).toThrow(
      'x.md: line 8: "# system" must come before "# user"',
    );
    expect(() => parsePrompt(`${head}# user\nhi\n# user\nagain\n`, 'x.md')).toThrow(
      'x.md: line 8: a second "# user" section',
    );
    expect(() => parsePrompt(`${head}\nintro\n# system\nrules\n`, 'x.md')).toThrow(
      'x.md: line 7: text before the first "# system" or "# user" heading',
    );
    expect(() => parsePrompt(`${head}\n\n`, 'x.md')).toThrow('x.md: the prompt has no text');
  });

  it('takes a body without section headings as the user text', () => {
    const prompt = parsePrompt('---\nname: x\ndescription: d\nvariables: [a]\n---\n\nSay {{a}}.\n', 'x.md');
    expect(prompt.system).toBe('');
    expect(prompt.render({ a: 'hi' })).toEqual({ system: '', user: 'Say hi.' });
  });

  it('reports an unreadable file as PROMPT_INVALID naming it', async () => {
    const file = join(dir, 'missing.md');
    const error = await thrownBy(() => loadPrompt(file));
    expect(error.code).toBe('PROMPT_INVALID');
    expect(error.message).toMatch(new RegExp(`^${file}: cannot read the prompt file`));
  });
});

describe('PromptTemplate.render', () => {
  const prompt = parsePrompt(valid, 'greet.md');

  it('fills every placeholder', () => {
    expect(prompt.render({ who: 'Ada', count: 2 })).toEqual({
      system: 'You greet people. Never greet more than 2 times.',
      user: 'Greet Ada.',
    });
  });

  it('inserts values as they are, never expanding placeholders inside them', () => {
    expect(prompt.render({ who: '{{count}} and $& $1', count: 1 }).user).toBe('Greet {{count}} and $& $1.');
  });

  it('rejects a missing value and a value for an undeclared variable', () => {
    expect(() => prompt.render({ who: 'Ada' })).toThrow('greet.md: render is missing a value for "count"');
    expect(() => prompt.render({ who: 'Ada', count: 1, mood: 'happy' })).toThrow(
      'greet.md: render got a value for undeclared "mood"',
    );
  });
});

describe('loadPrompts', () => {
  it('loads several prompts by name', async () => {
    await writeText(dir, 'greet.md', valid);
    const prompts = await loadPrompts(dir, ['greet']);
    expect(prompts.greet.render({ who: 'Bo', count: 1 }).user).toBe('Greet Bo.');
  });

  it('reports every broken file at once, and a name that does not match its file', async () => {
    await writeText(dir, 'renamed.md', valid);
    await writeText(dir, 'broken.md', valid.replace('{{ who }}', '{{ whom }}'));
    const error = await thrownBy(() => loadPrompts(dir, ['greet', 'renamed', 'broken']));
    expect(error.code).toBe('PROMPT_INVALID');
    expect(error.message.split('\n')).toEqual([
      `${join(dir, 'renamed.md')}: frontmatter name "greet" does not match the file name "renamed"`,
      expect.stringMatching(/broken\.md: variable "who" is declared in the frontmatter but not used$/),
    ]);
  });

  it("loads the package's own prompts", async () => {
    const prompts = await loadPrompts(promptsDirectory(), [
      'understand',
      'rerank',
      'rerank-window',
      'summarize-profile',
    ]);
    for (const prompt of Object.values(prompts)) {
      expect(prompt.system.length).toBeGreaterThan(0);
      expect(prompt.user.length).toBeGreaterThan(0);
    }
  });
});

describe('promptsDirectory', () => {
  it('finds prompts/ at the package root from src/ and from dist/src/', () => {
    expect(promptsDirectory('file:///opt/convrec/src/prompts/load-prompt.ts')).toBe(
      join('/opt/convrec', 'prompts'),
    );
    expect(promptsDirectory('file:///opt/convrec/dist/src/prompts/load-prompt.js')).toBe(
      join('/opt/convrec', 'prompts'),
    );
  });
});
