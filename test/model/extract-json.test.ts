import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/model/extract-json.js';

describe('extractJson', () => {
  it.each([
    ['bare JSON', '{"title":"Heat","year":1995}'],
    ['a json code fence', 'Here you go:\n```json\n{"title":"Heat","year":1995}\n```\nEnjoy!'],
    ['an unlabelled code fence', '```\n{"title":"Heat","year":1995}\n```'],
    ['prose around the object', 'Sure! {"title":"Heat","year":1995} is my pick.'],
    ['a reasoning block first', '<think>maybe {"title":"Ronin"}?</think>\n{"title":"Heat","year":1995}'],
  ])('reads %s', (_label, text) => {
    expect(extractJson(text)).toEqual({ ok: true, value: { title: 'Heat', year: 1995 } });
  });

  it('skips brackets inside strings and bracketed prose before the object', () => {
    const text = 'Options [see below]: {"reply":"a } brace and a \\" quote","ids":[1,2]}';
    expect(extractJson(text)).toEqual({ ok: true, value: { reply: 'a } brace and a " quote', ids: [1, 2] } });
  });

  it('reads a top-level array', () => {
    expect(extractJson('Ranking: [3, 1, 2]')).toEqual({ ok: true, value: [3, 1, 2] });
  });

  it.each([
    ['empty text', '   '],
    ['prose only', 'I would suggest Heat.'],
    ['an unterminated object', '{"title": "Heat"'],
    ['a trailing comma (not repaired)', '{"title": "Heat",}'],
  ])('returns an error, never throws, for %s', (_label, text) => {
    const result = extractJson(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeGreaterThan(0);
  });
});
