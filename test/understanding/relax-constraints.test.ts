import { describe, expect, it } from 'vitest';
import { relaxConstraints, type Constraints } from '../../src/understanding/hard-constraints.js';

const active: Constraints = {
  yearFrom: 2011,
  yearTo: null,
  genres: ['thriller'],
  excludeGenres: ['horror'],
  people: [],
  excludePeople: ['Tom Cruise'],
};

describe('relaxConstraints', () => {
  it('drops the years on "any year is fine" and keeps everything else', () => {
    expect(relaxConstraints(active, 'Any year is fine')).toEqual({ ...active, yearFrom: null });
    expect(relaxConstraints(active, "the decade doesn't matter")).toEqual({ ...active, yearFrom: null });
  });

  it('lifts only the exclusion the user names as fine', () => {
    expect(relaxConstraints(active, 'Tom Cruise is fine after all')).toEqual({
      ...active,
      excludePeople: [],
    });
    expect(relaxConstraints(active, 'ok, horror is okay now')).toEqual({ ...active, excludeGenres: [] });
  });

  it('drops required genres on "any genre"', () => {
    expect(relaxConstraints(active, 'any genre, really')).toEqual({ ...active, genres: [] });
  });

  it('leaves the constraints alone otherwise', () => {
    expect(relaxConstraints(active, 'something darker')).toEqual(active);
    expect(relaxConstraints(active, 'that one is fine but show me more')).toEqual(active);
  });
});
