import { PairCounter } from './pair-counter';

describe('PairCounter', () => {
  it('counts a pair on both sides once, and every other pair once', () => {
    const pairs = new PairCounter();
    pairs.add(0, 1, 1);
    pairs.add(0, 1, 2);
    pairs.add(1, 1, 1); // the supply's list holds the demand's pair too
    pairs.add(1, 2, 1);
    pairs.add(1, 3, 2);
    pairs.add(1, 2, 3); // not (3, 2)
    expect(pairs.total()).toBe(5);
  });

  it('gives the same count in any order of sides and lists', () => {
    const rows: Array<[0 | 1, number, number]> = [];
    for (let d = 0; d < 40; d++) for (let k = 0; k < 10; k++) rows.push([0, d, (d * 7 + k) % 50]);
    for (let s = 0; s < 50; s++) for (let k = 0; k < 10; k++) rows.push([1, (s * 3 + k) % 40, s]);
    const expected = new Set(rows.map(([, d, s]) => `${d}|${s}`)).size;
    const forward = new PairCounter();
    for (const [side, d, s] of rows) forward.add(side, d, s);
    const backward = new PairCounter();
    for (const [side, d, s] of [...rows].reverse()) backward.add(side, d, s);
    expect(forward.total()).toBe(expected);
    expect(backward.total()).toBe(expected);
    expect(expected).toBeLessThan(rows.length); // the lists overlap, so the test can fail
  });

  it('refuses numbers beyond what a key holds exactly', () => {
    expect(() => new PairCounter().add(0, 2 ** 26, 0)).toThrow(/more than/);
  });
});
