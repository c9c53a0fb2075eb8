import { CandidateBuffer } from './candidate-buffer';

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

describe('CandidateBuffer', () => {
  it.each([
    [1, 5],
    [10, 3],
    [10, 1000],
    [64, 5000],
  ])('keeps exactly the best %i of %i entries, ties by lower document, sorted', (keep, n) => {
    const rnd = random(keep * 7919 + n);
    // few distinct scores, so that ties on score are common
    const entries = Array.from({ length: n }, (_, d) => ({ d, s: Math.floor(rnd() * 20) / 4, p: rnd() }));
    const order = [...entries].sort(() => rnd() - 0.5);
    const buffer = new CandidateBuffer(keep);
    for (const e of order) buffer.push(e.s, e.d, e.p);
    const expected = [...entries].sort((a, b) => b.s - a.s || a.d - b.d).slice(0, keep);
    const count = buffer.sortedTop(keep);
    expect(count).toBe(expected.length);
    const got = Array.from({ length: count }, (_, i) => ({
      d: buffer.docs[i],
      s: buffer.scores[i],
      p: buffer.payload[i],
    }));
    expect(got).toEqual(expected);
  });

  it('finish() keeps the best entries, unsorted, with their payloads', () => {
    const buffer = new CandidateBuffer(3);
    const scores = [5, 1, 9, 7, 3, 9, 2, 8];
    scores.forEach((s, d) => buffer.push(s, d, s * 10));
    // the 64-entry buffer never had to be cut: everything is still there
    expect(buffer.floor).toBe(-1);
    expect(buffer.finish()).toBe(3);
    const kept = Array.from({ length: 3 }, (_, i) => [buffer.docs[i], buffer.payload[i]]);
    expect(kept.sort((a, b) => a[0] - b[0])).toEqual([
      [2, 90],
      [5, 90],
      [7, 80],
    ]);
  });

  it('raises its floor after a cut and then refuses worse entries', () => {
    const buffer = new CandidateBuffer(2);
    for (let d = 0; d < 64; d++) buffer.push(d, d, 0);
    buffer.push(100, 64, 0); // the buffer is full: cut to the best 2 (63, 62), then append
    expect(buffer.floor).toBe(62);
    buffer.push(1, 65, 0);
    expect(buffer.size).toBe(3);
    expect(buffer.sortedTop(2)).toBe(2);
    expect(Array.from(buffer.docs.subarray(0, 2))).toEqual([64, 63]);
  });

  it('reset() empties the buffer and lowers the floor', () => {
    const buffer = new CandidateBuffer(1);
    for (let d = 0; d < 70; d++) buffer.push(d, d, 0);
    buffer.reset();
    expect(buffer.size).toBe(0);
    buffer.push(0.5, 1, 0);
    expect(buffer.sortedTop(1)).toBe(1);
    expect(buffer.docs[0]).toBe(1);
  });
});
