import { describe, expect, it } from 'vitest';
import { hitAt, mean, ndcgAt, percentile } from '../../src/eval/metrics.js';

const ranking = ['a', 'b', 'c', 'd'];

describe('hitAt', () => {
  it('is 1 only when the target is within the first k', () => {
    expect(hitAt(ranking, 'a', 1)).toBe(1);
    expect(hitAt(ranking, 'c', 3)).toBe(1);
    expect(hitAt(ranking, 'c', 2)).toBe(0);
    expect(hitAt(ranking, 'zz', 10)).toBe(0);
  });
});

describe('ndcgAt', () => {
  it('is 1/log2(rank + 1) for a single relevant item', () => {
    expect(ndcgAt(ranking, 'a', 10)).toBe(1);
    expect(ndcgAt(ranking, 'b', 10)).toBeCloseTo(1 / Math.log2(3), 12); // 0.6309
    expect(ndcgAt(ranking, 'c', 10)).toBe(0.5); // 1/log2(4)
    expect(ndcgAt(ranking, 'd', 10)).toBeCloseTo(1 / Math.log2(5), 12);
  });

  it('is 0 beyond k or when the target is missing', () => {
    expect(ndcgAt(ranking, 'c', 2)).toBe(0);
    expect(ndcgAt(ranking, 'zz', 10)).toBe(0);
  });
});

describe('mean', () => {
  it('averages, and is 0 for no values', () => {
    expect(mean([1, 0, 0, 1])).toBe(0.5);
    expect(mean([0.5, 0.25])).toBe(0.375);
    expect(mean([])).toBe(0);
  });
});

describe('percentile', () => {
  const values = [50, 10, 40, 20, 30, 60, 90, 70, 100, 80];
  it('uses the nearest rank on the sorted values', () => {
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 11)).toBe(20);
  });

  it('clamps to the extremes and is 0 for no values', () => {
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("does not reorder the caller's array", () => {
    const copy = [...values];
    percentile(values, 50);
    expect(values).toEqual(copy);
  });
});
