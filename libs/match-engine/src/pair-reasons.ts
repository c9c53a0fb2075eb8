import type { KindArrays } from './kind-arrays';
import { CATEGORIES, CATEGORY_LABELS, TIER_LABELS, TIERS } from './posting-codes';
import type { KernelParams, QueryView } from './query-kernel';

/**
 * Every reason a pair can give besides the keyword one, as one table: a pair's reasons are positions in it, so
 * that the explanations (`buildResult`) and the scoring threads' list fingerprints (`ListHasher`) read the same.
 */
export const REASON_TEXTS: readonly string[] = [
  // `类别一致：…` / `类别相关：…—…`, one per (query, candidate) category pair
  ...CATEGORIES.flatMap((qc) =>
    CATEGORIES.map((dc) =>
      qc === dc
        ? `类别一致：${CATEGORY_LABELS[qc]}`
        : `类别相关：${CATEGORY_LABELS[qc]}—${CATEGORY_LABELS[dc]}`,
    ),
  ),
  '同属集群',
  '相邻集群（产业链上下游）',
  '同城',
  '同省',
  ...TIERS.map((t) => TIER_LABELS[t]),
];

const SAME_CLUSTER = CATEGORIES.length * CATEGORIES.length;
const NEIGHBOUR_CLUSTER = SAME_CLUSTER + 1;
const SAME_CITY = SAME_CLUSTER + 2;
const SAME_PROVINCE = SAME_CLUSTER + 3;
const FIRST_TIER = SAME_CLUSTER + 4;

/** At most this many: category, cluster, region, tier. */
export const MAX_PAIR_REASONS = 4;

/**
 * The reasons of query `q` and candidate `d` after the keyword one, as positions in REASON_TEXTS written at
 * `out[0..]`, in the order shown: category, then the cluster, region and tier ones that apply. Returns how many.
 */
export function pairReasons(
  p: KernelParams,
  x: KindArrays,
  q: QueryView,
  d: number,
  out: Int32Array,
): number {
  out[0] = q.category * CATEGORIES.length + x.category[d];
  let n = 1;
  const cluster = x.cluster[d];
  if (cluster >= 0 && cluster === q.cluster) out[n++] = SAME_CLUSTER;
  else if (isNeighbour(p, q.cluster, cluster)) out[n++] = NEIGHBOUR_CLUSTER;
  if (q.city >= 0 && x.city[d] === q.city) out[n++] = SAME_CITY;
  else if (q.province >= 0 && x.province[d] === q.province) out[n++] = SAME_PROVINCE;
  const tier = x.tier[d];
  if (tier >= 0) out[n++] = FIRST_TIER + tier;
  return n;
}

function isNeighbour(p: KernelParams, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a + 1 >= p.neighbourOffsets.length) return false;
  for (let k = p.neighbourOffsets[a]; k < p.neighbourOffsets[a + 1]; k++)
    if (p.neighbours[k] === b) return true;
  return false;
}
