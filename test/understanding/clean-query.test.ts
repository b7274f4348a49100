import { describe, expect, it } from 'vitest';
import { cleanQuery } from '../../src/understanding/clean-query.js';

describe('cleanQuery', () => {
  it('keeps the topic words and drops request scaffolding, years and exclusions', () => {
    expect(cleanQuery('Can you recommend something like Heat but after 2000, no horror please')).toBe('heat');
    expect(cleanQuery('a clever heist movie from the 90s')).toBe('a clever heist');
  });

  it('never searches for what the user wants less of', () => {
    expect(cleanQuery('something like Heat, but less violent')).toBe('heat');
    expect(cleanQuery('a romance, not so long')).toBe('a romance');
    expect(cleanQuery('a musical with fewer songs')).toBe('a musical with');
  });

  it('drops directions relative to the shown list', () => {
    expect(cleanQuery('not that one, something older')).toBe('');
    expect(cleanQuery('anything else? a different space adventure')).toBe('a space adventure');
  });
});
