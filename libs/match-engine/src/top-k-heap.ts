/**
 * Bounded selection of the best (score desc, document asc) entries. A min-heap keeps the worst kept entry at
 * the root; the extra payload rides along so callers can re-score the kept candidates.
 */
export class TopKHeap {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  readonly payload: Float64Array;
  /** Filled by `drain`, best first. */
  readonly sortedDocs: Int32Array;
  readonly sortedScores: Float64Array;
  readonly sortedPayload: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.payload = new Float64Array(capacity);
    this.sortedDocs = new Int32Array(capacity);
    this.sortedScores = new Float64Array(capacity);
    this.sortedPayload = new Float64Array(capacity);
  }

  reset(): void {
    this.size = 0;
  }

  /** True when (s1, d1) ranks below (s2, d2). */
  private static worse(s1: number, d1: number, s2: number, d2: number): boolean {
    return s1 < s2 || (s1 === s2 && d1 > d2);
  }

  push(score: number, doc: number, payload: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopKHeap.worse(score, doc, this.scores[parent], this.docs[parent])) break;
        this.move(parent, i);
        i = parent;
      }
      this.put(i, score, doc, payload);
    } else if (this.capacity > 0 && TopKHeap.worse(this.scores[0], this.docs[0], score, doc)) {
      this.siftDown(score, doc, payload);
    }
  }

  private siftDown(score: number, doc: number, payload: number): void {
    const n = this.size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && TopKHeap.worse(this.scores[r], this.docs[r], this.scores[l], this.docs[l]) ? r : l;
      if (!TopKHeap.worse(this.scores[c], this.docs[c], score, doc)) break;
      this.move(c, i);
      i = c;
    }
    this.put(i, score, doc, payload);
  }

  private move(from: number, to: number): void {
    this.docs[to] = this.docs[from];
    this.scores[to] = this.scores[from];
    this.payload[to] = this.payload[from];
  }

  private put(i: number, score: number, doc: number, payload: number): void {
    this.docs[i] = doc;
    this.scores[i] = score;
    this.payload[i] = payload;
  }

  /** Empties the heap into the sorted arrays, best first; returns how many. */
  drain(): number {
    const count = this.size;
    for (let i = count - 1; i >= 0; i--) {
      this.sortedDocs[i] = this.docs[0];
      this.sortedScores[i] = this.scores[0];
      this.sortedPayload[i] = this.payload[0];
      const last = --this.size;
      if (last > 0) this.siftDown(this.scores[last], this.docs[last], this.payload[last]);
    }
    return count;
  }
}
