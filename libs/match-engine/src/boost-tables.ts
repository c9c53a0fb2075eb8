import type { KindArrays } from './kind-arrays';
import type { KernelParams, QueryView } from './query-kernel';

export const CATEGORY_COUNT = 6;
/** Category code of a target that may not be recommended today: its factor is 0 for every query. */
const INELIGIBLE = 7;
const TIER_SHIFT = 3;
const CITY_SHIFT = 5;

/**
 * What a target document's score needs besides its text, laid out so the kernel's candidate test reads two
 * words of it: `meta` packs category (INELIGIBLE when unpublished or expired), tier + 1 and city position + 1.
 * The query's cluster and region relations become per-query lookup tables (set and cleared per query), so
 * score = text / norm × factor(meta) × (1 + cluster[c + 1] + region[city + 1] + tier[tier + 1]),
 * summed in the same order as the rules, giving the same bits.
 */
export class BoostTables {
  readonly meta: Int32Array;
  /** [queryCategory * 8 + metaCategory]; the INELIGIBLE column is 0. */
  readonly factor = new Float64Array(CATEGORY_COUNT * 8);
  readonly tier = new Float64Array(4);
  /** Indexed by cluster id + 1; filled for the current query. */
  readonly cluster: Float64Array;
  /** Indexed by city position + 1; filled for the current query. */
  readonly region: Float64Array;
  private regionFrom = 0;
  private regionTo = 0;

  constructor(
    private readonly x: KindArrays,
    private readonly p: KernelParams,
  ) {
    const n = x.docCount;
    this.meta = new Int32Array(n);
    for (let d = 0; d < n; d++) {
      const eligible = x.published[d] !== 0 && x.validUntil[d] >= p.today;
      this.meta[d] =
        (eligible ? x.category[d] : INELIGIBLE) |
        ((x.tier[d] + 1) << TIER_SHIFT) |
        ((x.cityIndex[d] + 1) << CITY_SHIFT);
    }
    for (let q = 0; q < CATEGORY_COUNT; q++)
      for (let c = 0; c < CATEGORY_COUNT; c++)
        this.factor[q * 8 + c] = p.categoryFactor[q * CATEGORY_COUNT + c];
    for (let t = 0; t < p.tierBoost.length; t++) this.tier[t + 1] = p.tierBoost[t];
    this.cluster = new Float64Array(Math.max(0, p.neighbourOffsets.length - 1) + 1);
    this.region = new Float64Array(x.cities.length + 1);
  }

  /** 1 + the cluster, region and tier boosts of target `d` with packed fields `m`. */
  boost(m: number, d: number): number {
    return (
      1 +
      this.cluster[this.x.cluster[d] + 1] +
      this.region[m >>> CITY_SHIFT] +
      this.tier[(m >>> TIER_SHIFT) & 3]
    );
  }

  /** Fills the cluster and region tables for query `q`. */
  set(q: QueryView): void {
    const { p, cluster } = this;
    if (q.cluster >= 0 && q.cluster + 1 < cluster.length) {
      for (let k = p.neighbourOffsets[q.cluster]; k < p.neighbourOffsets[q.cluster + 1]; k++)
        cluster[p.neighbours[k] + 1] = p.clusterNeighbour;
      cluster[q.cluster + 1] = p.clusterSame;
    }
    if (q.city < 0) return;
    // the province's cities are the contiguous codes province*100 .. province*100+99
    const cities = this.x.cities;
    const from = lowerBound(cities, q.province * 100);
    const to = lowerBound(cities, q.province * 100 + 100);
    for (let i = from; i < to; i++) this.region[i + 1] = cities[i] === q.city ? p.sameCity : p.sameProvince;
    this.regionFrom = from;
    this.regionTo = to;
  }

  /** Undoes `set(q)`. */
  clear(q: QueryView): void {
    const { p, cluster } = this;
    if (q.cluster >= 0 && q.cluster + 1 < cluster.length) {
      cluster[q.cluster + 1] = 0;
      for (let k = p.neighbourOffsets[q.cluster]; k < p.neighbourOffsets[q.cluster + 1]; k++)
        cluster[p.neighbours[k] + 1] = 0;
    }
    for (let i = this.regionFrom; i < this.regionTo; i++) this.region[i + 1] = 0;
    this.regionFrom = this.regionTo = 0;
  }
}

/** First position whose value is ≥ v in an ascending array. */
function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
