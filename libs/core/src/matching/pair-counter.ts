/** Posting numbers below this; a pair's key (demand × this + supply) stays an exact double. */
const POSTINGS_BELOW = 2 ** 26;

/**
 * Counts the distinct (demand, supply) pairs on a run's lists, from either side and in any order, the postings
 * given by their numbers among the run's demands and among its supplies (see `ScoredList`). Each side's pairs go
 * as keys into a flat array; `total` sorts both and merges them. A set of ~1M such keys (beyond small integers,
 * each one a heap number) cost ~2.5 s of a 100k × 100k run's main thread; sorting costs ~0.2 s. Numbers, not
 * posting ids: looking 2M ids up in a map cost more than all the rest (8.2 s of four 50k × 50k runs).
 */
export class PairCounter {
  private readonly sides = [new KeyList(), new KeyList()] as const;

  add(side: 0 | 1, demand: number, supply: number): void {
    if (demand >= POSTINGS_BELOW || supply >= POSTINGS_BELOW)
      throw new Error(`more than ${POSTINGS_BELOW} postings of a kind in one run`);
    this.sides[side].push(demand * POSTINGS_BELOW + supply);
  }

  total(): number {
    const demand = this.sides[0].sorted();
    const supply = this.sides[1].sorted();
    let n = 0;
    let i = 0;
    let j = 0;
    // a merge of the two sorted lists, each key counted once however often either side holds it
    while (i < demand.length || j < supply.length) {
      const key =
        j === supply.length || (i < demand.length && demand[i] <= supply[j]) ? demand[i] : supply[j];
      n++;
      while (i < demand.length && demand[i] === key) i++;
      while (j < supply.length && supply[j] === key) j++;
    }
    return n;
  }
}

/** A growable array of pair keys. */
class KeyList {
  private keys = new Float64Array(1024);
  private count = 0;

  push(key: number): void {
    if (this.count === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.count++] = key;
  }

  sorted(): Float64Array {
    return this.keys.subarray(0, this.count).sort();
  }
}
