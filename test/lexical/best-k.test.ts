import { describe, expect, it } from 'vitest';
import { bestK } from '../../src/lexical/top-k.js';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('bestK', () => {
  it('gives what sorting everything, filtering and taking k gives, ties by position', () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const count = 1 + Math.floor(next() * 400);
      // Few distinct scores, so ties are common.
      const scores = Array.from({ length: count }, () => Math.floor(next() * 20) - 5);
      const banned = new Set(Array.from({ length: count }, (_, index) => index).filter(() => next() < 0.3));
      const k = Math.floor(next() * 60);
      const better = (left: number, right: number) =>
        scores[left]! > scores[right]! || (scores[left] === scores[right] && left < right);
      const include = (index: number) => scores[index]! > 0 && !banned.has(index);
      const expected = Array.from({ length: count }, (_, index) => index)
        .sort((left, right) => scores[right]! - scores[left]! || left - right)
        .filter(include)
        .slice(0, k);
      expect(bestK(count, k, better, include)).toEqual(expected);
    }
  });

  it('asks the filter only about candidates that would enter the heap', () => {
    let asked = 0;
    const include = () => {
      asked++;
      return true;
    };
    // Best first: after the first five nothing beats the heap, so the filter is asked five times.
    const top = bestK(10_000, 5, (left, right) => left < right, include);
    expect(top).toEqual([0, 1, 2, 3, 4]);
    expect(asked).toBe(5);
  });
});
