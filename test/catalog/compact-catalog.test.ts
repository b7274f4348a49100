import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/index.js';

/** `count` JSONL rows sharing a few genres and people, as real catalogs do. */
function rows(count: number): string {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `r${index}`,
      title: `Film ${index} (${1950 + (index % 70)})`,
      genres: index % 2 === 0 ? ['Crime', 'Drama'] : ['comedy'],
      director: [`Director ${index % 7}`],
      cast: [`Actor ${index % 11}`, `Actor ${(index + 3) % 11}`],
      description: `A film numbered ${index}.`,
    }),
  ).join('\n');
}

describe('compact catalog storage', () => {
  it('hashes exactly as hashing the whole item list as one JSON string did', () => {
    // Indexes saved before keep opening: the digest is the same, only the string is never built.
    const catalog = parseCatalog(rows(300), 'c.jsonl');
    const whole = createHash('sha256')
      .update(JSON.stringify(catalog.mapping))
      .update(JSON.stringify(catalog.items))
      .digest('hex');
    expect(catalog.hash).toBe(whole);
  });

  it('keeps one genre list per item when the genres are already lower case', () => {
    const catalog = parseCatalog(rows(300), 'c.jsonl');
    const [mixedCase, lowerCase] = catalog.items;
    expect(lowerCase!.genres).toBe(lowerCase!.fields['genres']);
    expect(mixedCase!.genres).toEqual(['crime', 'drama']);
    expect(mixedCase!.fields['genres']).toEqual(['Crime', 'Drama']);
  });

  it('reads a JSONL catalog row by row: bad lines are reported first, by line, and the rest load', () => {
    const text = [
      rows(60),
      '{"id": "broken"',
      JSON.stringify({ id: 'no-title' }),
      JSON.stringify({ id: 'last', title: 'Last' }),
    ].join('\n');
    const catalog = parseCatalog(text, 'c.jsonl');
    expect(catalog.items.map((item) => item.id).slice(-1)).toEqual(['last']);
    expect(catalog.items).toHaveLength(61);
    expect(catalog.warnings.map((warning) => [warning.location.line, warning.kind])).toEqual([
      [61, 'row'],
      [62, 'row'],
    ]);
    expect(catalog.warnings[0]!.message).toMatch(/malformed JSON/);
    expect(catalog.skippedRows).toBe(2);
  });

  it('reports 200,000 bad lines without spreading them into one call (RangeError past ~120k)', () => {
    const bad = Array.from({ length: 200_000 }, (_, index) => `{"id": "bad${index}"`);
    const catalog = parseCatalog([...bad, JSON.stringify({ id: 'ok', title: 'Ok' })].join('\n'), 'c.jsonl', {
      maxSkippedRatio: 1,
    });
    expect(catalog.items.map((item) => item.id)).toEqual(['ok']);
    expect(catalog.warnings).toHaveLength(200_000);
    expect(catalog.warnings.at(-1)!.location.line).toBe(200_000);
  }, 30_000);
});
