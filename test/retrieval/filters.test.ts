import { describe, expect, it } from 'vitest';
import { compileFilters, type RetrievalFilters } from '../../src/retrieval/filters.js';
import { toyCatalog } from '../helpers/toy-catalog.js';

const { items } = toyCatalog();
const kept = (filters: RetrievalFilters, extra: string[] = []) =>
  items.filter(compileFilters(filters, extra)).map((item) => item.id);

describe('compileFilters', () => {
  it('accepts everything without filters', () => {
    expect(kept({})).toHaveLength(12);
  });

  it('keeps an inclusive year range, and drops items without a year', () => {
    expect(kept({ yearFrom: 2000, yearTo: 2009 })).toEqual(['m2', 'm5', 'm6', 'm9', 'm10', 'm11']);
    expect(kept({ yearTo: 1999 })).toEqual(['m1', 'm4', 'm7']);
    expect(kept({ yearFrom: 1900 })).not.toContain('m12');
    expect(kept({ yearFrom: 1900 })).toHaveLength(11);
  });

  it('keeps items with any wanted genre, case-insensitively', () => {
    expect(kept({ genres: ['Crime'] })).toEqual(['m4', 'm5', 'm6']);
    expect(kept({ genres: ['romance', 'FAMILY'] })).toEqual(['m7', 'm8', 'm9', 'm11', 'm12']);
  });

  it('drops items with any excluded genre', () => {
    expect(kept({ excludeGenres: ['thriller', 'animation'] })).toEqual(['m1', 'm2', 'm5', 'm7', 'm8', 'm9']);
  });

  it('keeps items naming a wanted person, by full name or surname', () => {
    expect(kept({ people: ['Michael Mann'] })).toEqual(['m4', 'm6']);
    expect(kept({ people: ['de niro'] })).toEqual(['m4', 'm5']);
    expect(kept({ people: ['Pacino'] })).toEqual(['m4']);
  });

  it('drops items naming an excluded person', () => {
    expect(kept({ excludePeople: ['Emma Stone', 'Tom Cruise'] })).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
      'm7',
      'm10',
      'm11',
      'm12',
    ]);
  });

  it('drops excluded ids, from the filters and from the extra list', () => {
    expect(kept({ excludeIds: ['m1'] }, ['m2', 'm3'])).toEqual([
      'm4',
      'm5',
      'm6',
      'm7',
      'm8',
      'm9',
      'm10',
      'm11',
      'm12',
    ]);
  });

  it('combines filters with AND', () => {
    expect(kept({ genres: ['thriller'], yearFrom: 2000, excludePeople: ['tom cruise'] })).toEqual(['m3']);
  });
});
