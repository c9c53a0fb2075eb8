/** Posting numbers below this; a pair's key (demand × this + supply) stays an exact double. */
const POSTINGS_BELOW = 2 ** 26;

/**
 * Counts the distinct (demand, supply) pairs on a run's lists, from either side and in any order, with the pairs
 * as numbers: a demand's pairs in a set, a supply's in a flat array checked against it at the end.
 */
export class PairCounter {
  private readonly numbers = new Map<string, number>();
  private readonly demandPairs = new Set<number>();
  private supplyPairs = new Float64Array(1024);
  private supplyCount = 0;

  add(side: 0 | 1, demandPostingId: string, supplyPostingId: string): void {
    const key = this.number(demandPostingId) * POSTINGS_BELOW + this.number(supplyPostingId);
    if (side === 0) {
      this.demandPairs.add(key);
      return;
    }
    if (this.supplyCount === this.supplyPairs.length) {
      const grown = new Float64Array(this.supplyPairs.length * 2);
      grown.set(this.supplyPairs);
      this.supplyPairs = grown;
    }
    this.supplyPairs[this.supplyCount++] = key;
  }

  total(): number {
    let n = this.demandPairs.size;
    for (let i = 0; i < this.supplyCount; i++) if (!this.demandPairs.has(this.supplyPairs[i])) n++;
    return n;
  }

  private number(postingId: string): number {
    let n = this.numbers.get(postingId);
    if (n === undefined) {
      n = this.numbers.size;
      if (n >= POSTINGS_BELOW) throw new Error(`more than ${POSTINGS_BELOW} postings in one run`);
      this.numbers.set(postingId, n);
    }
    return n;
  }
}
