import { describe, expect, it } from 'vitest';
import { parseWeights } from '../../src/cli/commands/eval-command.js';

describe('convrec eval --weights', () => {
  it('accepts known weights as numbers', () => {
    expect(parseWeights('{"collaborative":2,"depth":100}')).toEqual({ collaborative: 2, depth: 100 });
    expect(parseWeights(undefined)).toEqual({});
  });

  it('names a misspelt weight and lists the known ones', () => {
    expect(() => parseWeights('{"colaborative":2}')).toThrow(/unknown weight "colaborative".*collaborative/);
  });

  it('names the weight whose value is wrong', () => {
    expect(() => parseWeights('{"dense":"high"}')).toThrow(/weight "dense"/);
    expect(() => parseWeights('{"depth":0}')).toThrow(/weight "depth"/);
  });

  it('refuses text that is not a JSON object', () => {
    expect(() => parseWeights('{dense:1}')).toThrow(/not valid JSON/);
    expect(() => parseWeights('[1]')).toThrow(/expected an object/);
  });
});
