/**
 * Bounded selection of the best (score desc, document asc) entries, cheaper than a heap when most entries are
 * pushed once and few survive: entries are appended, and when the buffer is full it is cut back to the best
 * `keep` with a quickselect, which also raises the floor a new entry must reach. `finish` leaves the best
 * `keep` (or fewer) first, sorted when asked. The payload rides along so callers can re-score the kept ones.
 */
export class CandidateBuffer {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  readonly payload: Float64Array;
  size = 0;
  /** Score of the worst kept entry after the last cut; -1 until the buffer was first cut. */
  floor = -1;

  constructor(readonly keep: number) {
    const cap = Math.max(64, 4 * keep);
    this.docs = new Int32Array(cap);
    this.scores = new Float64Array(cap);
    this.payload = new Float64Array(cap);
  }

  reset(): void {
    this.size = 0;
    this.floor = -1;
  }

  push(score: number, doc: number, payload: number): void {
    if (score < this.floor) return;
    let i = this.size;
    if (i === this.docs.length) {
      this.cut(this.keep);
      i = this.size;
    }
    this.docs[i] = doc;
    this.scores[i] = score;
    this.payload[i] = payload;
    this.size = i + 1;
  }

  /** Keeps the best `keep` entries at the front (unsorted) and returns how many there are. */
  finish(): number {
    if (this.size > this.keep) this.cut(this.keep);
    return this.size;
  }

  /** The best `n` entries first, best first; returns how many. */
  sortedTop(n: number): number {
    const count = Math.min(n, this.size);
    if (count < this.size) select(this.scores, this.docs, this.payload, this.size, count);
    // insertion sort of the few kept
    const { scores, docs, payload } = this;
    for (let i = 1; i < count; i++) {
      const s = scores[i];
      const d = docs[i];
      const p = payload[i];
      let j = i - 1;
      while (j >= 0 && better(s, d, scores[j], docs[j])) {
        scores[j + 1] = scores[j];
        docs[j + 1] = docs[j];
        payload[j + 1] = payload[j];
        j--;
      }
      scores[j + 1] = s;
      docs[j + 1] = d;
      payload[j + 1] = p;
    }
    this.size = count;
    return count;
  }

  private cut(keep: number): void {
    if (keep === 0) {
      this.size = 0;
      this.floor = Infinity;
      return;
    }
    select(this.scores, this.docs, this.payload, this.size, keep);
    this.size = keep;
    this.floor = this.scores[keep - 1];
  }
}

/** True when (s1, d1) ranks above (s2, d2). */
function better(s1: number, d1: number, s2: number, d2: number): boolean {
  return s1 > s2 || (s1 === s2 && d1 < d2);
}

/**
 * Quickselect (Hoare / Wirth): afterwards entry k-1 is the k-th best of [0, n) and every entry before it is
 * better. Entries are distinct (documents are), so the order is total.
 */
function select(scores: Float64Array, docs: Int32Array, payload: Float64Array, n: number, k: number): void {
  const target = k - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const ps = scores[target];
    const pd = docs[target];
    let i = lo;
    let j = hi;
    do {
      while (better(scores[i], docs[i], ps, pd)) i++;
      while (better(ps, pd, scores[j], docs[j])) j--;
      if (i <= j) {
        const s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
        const d = docs[i];
        docs[i] = docs[j];
        docs[j] = d;
        const p = payload[i];
        payload[i] = payload[j];
        payload[j] = p;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < target) lo = i;
    if (target < i) hi = j;
  }
}
