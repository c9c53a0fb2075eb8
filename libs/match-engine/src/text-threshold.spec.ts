import { kthLargest, textThreshold } from './text-threshold';

/** Deterministic PRNG so that a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('kthLargest', () => {
  it.each([1, 2, 7, 50, 333])('finds the k-th largest of random values with ties (n=%i)', (n) => {
    const rnd = random(n);
    // few distinct values, so that ties are common
    const values = Array.from({ length: n }, () => Math.floor(rnd() * 9) / 3);
    const desc = [...values].sort((a, b) => b - a);
    for (const k of [1, Math.ceil(n / 2), n]) {
      expect(kthLargest(Float64Array.from(values), n, k)).toBe(desc[k - 1]);
    }
  });
});

describe('textThreshold', () => {
  it('is 0 when there are no more values than wanted', () => {
    expect(textThreshold(Float64Array.from([3, 1, 2]), 3, 3, new Float64Array(8))).toBe(0);
  });

  it('is the want-th largest when the sample holds every value', () => {
    const rnd = random(7);
    const values = Float64Array.from({ length: 100 }, () => rnd());
    const desc = [...values].sort((a, b) => b - a);
    expect(textThreshold(values, 100, 10, new Float64Array(128))).toBe(desc[9]);
  });

  it('estimates from an evenly spaced sample when there are more values than room', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    // every 4th value is sampled: 250 of them, 25 of which are ≥ 900
    const t = textThreshold(values, 1000, 100, new Float64Array(250));
    expect(t).toBe(900);
  });
});
