import { describe, expect, it } from 'vitest';
import { DialogueScriptError, parseDialogueScript } from '../../src/dialogue-tests/index.js';
import { demoCatalogPath } from '../../src/cli/paths.js';

function errorOf(text: string, file = 'dialogues/bad.yaml'): DialogueScriptError {
  try {
    parseDialogueScript(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DialogueScriptError);
    return error as DialogueScriptError;
  }
  throw new Error('the script was accepted');
}

describe('dialogue script validation', () => {
  it('names the file, line and field of an unknown expectation key', () => {
    const error = errorOf(
      [
        'name: typo',
        'turns:',
        '  - say: a heist movie',
        '    expect:',
        '      items: 5',
        '      year_at_leest: 2000',
      ].join('\n'),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.location).toEqual({
      file: 'dialogues/bad.yaml',
      line: 6,
      field: 'turns.0.expect.year_at_leest',
    });
    expect(error.message).toBe(
      'dialogues/bad.yaml:6 field "turns.0.expect.year_at_leest": unknown key "year_at_leest"',
    );
  });

  it('names the line of a value of the wrong type, deep in a later session', () => {
    const error = errorOf(`sessions:
  - turns:
      - say: hello
  - user: bob
    turns:
      - say: a comedy
      - say: another one
        expect:
          max_items: lots
`);
    expect(error.location.line).toBe(9);
    expect(error.location.field).toBe('sessions.1.turns.1.expect.max_items');
  });

  it('points at the turn when a required field is missing', () => {
    const error = errorOf('turns:\n  - say: hi\n  - expect: { items: 5 }\n');
    expect(error.location).toMatchObject({ line: 3, field: 'turns.1.say' });
  });

  it('rejects unknown chat commands, model answers outside scripted mode and scripts with no turns', () => {
    expect(errorOf('turns:\n  - say: /forget\n').message).toMatch(/:2 field "turns.0.say": unknown command/);
    expect(errorOf('turns:\n  - say: hi\n    model:\n      - rerank: "REPLY: hi"\n').message).toMatch(
      /:3 field "turns.0.model": model answers need mode: scripted/,
    );
    expect(errorOf('name: empty\n').message).toMatch(/give either turns or sessions/);
    expect(errorOf('turns: []\nsessions: [{ turns: [{ say: hi }] }]\n').message).toMatch(/turns/);
  });

  it('checks scripted answers: exactly one kind, understand fields by the understanding schema', () => {
    const scripted = (answer: string) =>
      `mode: scripted\nturns:\n  - say: hi\n    model:\n      - ${answer}\n`;
    expect(errorOf(scripted('{ rerank: "REPLY: x", summarize: "y" }')).message).toMatch(
      /:5 .*give exactly one of/,
    );
    expect(errorOf(scripted('{ understand: { intent: shopping } }')).location.field).toBe(
      'turns.0.model.0.understand.intent',
    );
    expect(errorOf(scripted('{ understand: { constraints: { year_from: 2000 } } }')).message).toMatch(
      /unknown key "year_from"/,
    );
  });

  it('reports YAML syntax errors with their line, and reads JSON scripts too', () => {
    const error = errorOf('turns:\n  - say: [unclosed\n  - say: next\n');
    expect(error.location.line).toBeGreaterThanOrEqual(2);
    const json = errorOf(
      '{\n  "turns": [\n    { "say": "hi", "expect": { "itemz": 3 } }\n  ]\n}\n',
      'bad.json',
    );
    expect(json.message).toMatch(/^bad\.json:3 field "turns\.0\.expect\.itemz": unknown key/);
  });

  it('spells out sessions, resolves the catalog next to the script and keeps expectations in written order', () => {
    const script = parseDialogueScript(
      [
        'catalog: ../catalogs/films.csv',
        'user: ana',
        'turns:',
        '  - say: I loved Heat',
        '    expect: { reply_mentions: Heat, items: 5, exclude: Heat }',
      ].join('\n'),
      '/project/dialogues/a.yaml',
    );
    expect(script.catalog).toBe('/project/catalogs/films.csv');
    expect(script.name).toBe('a');
    expect(script.mode).toBe('offline');
    expect(script.sessions).toHaveLength(1);
    expect(script.sessions[0]!.user).toBe('ana');
    expect(Object.keys(script.sessions[0]!.turns[0]!.expect!)).toEqual([
      'reply_mentions',
      'items',
      'exclude',
    ]);
    expect(parseDialogueScript('turns: [{ say: hi }]', 'x.yaml').catalog).toBe(demoCatalogPath());
  });
});
