import { BoostTables } from './boost-tables';
import type { KindArrays } from './kind-arrays';
import type { KernelParams, QueryView } from './query-kernel';

const TODAY = 20250601;
const params = {
  categoryFactor: Float64Array.from({ length: 36 }, (_, i) => (i % 7 === 0 ? 1 : i % 3 === 0 ? 0 : 0.5)),
  clusterSame: 0.25,
  clusterNeighbour: 0.12,
  sameCity: 0.12,
  sameProvince: 0.04,
  tierBoost: Float64Array.from([0.1, 0.06, 0.03]),
  today: TODAY,
  // clusters 0–3: 0 ↔ 1 and 1 ↔ 2 are neighbours
  neighbourOffsets: Int32Array.from([0, 1, 3, 4, 4]),
  neighbours: Int32Array.from([1, 0, 2, 1]),
} as unknown as KernelParams;

/** Targets covering every cluster, region, tier, category and status case. */
const cityOf = [-1, 2101, 2102, 2201, 1101];
const docs = Array.from({ length: 6 * 5 * 5 * 4 * 2 }, (_, d) => ({
  category: d % 6,
  cluster: (Math.floor(d / 6) % 5) - 1,
  city: cityOf[Math.floor(d / 30) % 5],
  tier: (Math.floor(d / 150) % 4) - 1,
  eligible: Math.floor(d / 600) % 2 === 0,
}));
const cities = Int32Array.from([1101, 2101, 2102, 2201]);
const target = {
  docCount: docs.length,
  category: Int8Array.from(docs, (x) => x.category),
  cluster: Int32Array.from(docs, (x) => x.cluster),
  city: Int32Array.from(docs, (x) => x.city),
  province: Int32Array.from(docs, (x) => (x.city < 0 ? -1 : Math.floor(x.city / 100))),
  cities,
  cityIndex: Int32Array.from(docs, (x) => cities.indexOf(x.city)),
  tier: Int8Array.from(docs, (x) => x.tier),
  published: Int8Array.from(docs, (x) => (x.eligible ? 1 : 0)),
  validUntil: Int32Array.from(docs, () => TODAY),
} as unknown as KindArrays;

/** The rules as written: factor × (1 + cluster + region + tier), 0 when not recommendable. */
function expected(q: QueryView, d: number): number {
  const x = docs[d];
  if (!x.eligible) return 0;
  const f = params.categoryFactor[q.category * 6 + x.category];
  if (f === 0) return 0;
  let b = 1;
  if (x.cluster >= 0 && x.cluster === q.cluster) b += params.clusterSame;
  else if (
    q.cluster >= 0 &&
    params.neighbours
      .subarray(params.neighbourOffsets[q.cluster], params.neighbourOffsets[q.cluster + 1])
      .includes(x.cluster)
  )
    b += params.clusterNeighbour;
  if (q.city >= 0) {
    if (x.city === q.city) b += params.sameCity;
    else if (x.city >= 0 && Math.floor(x.city / 100) === q.province) b += params.sameProvince;
  }
  if (x.tier >= 0) b += params.tierBoost[x.tier];
  return f * b;
}

describe('BoostTables', () => {
  const tables = new BoostTables(target, params);
  const queries: QueryView[] = [];
  for (const category of [0, 2, 5])
    for (const cluster of [-1, 0, 1, 3])
      for (const city of [-1, 2101, 2199, 3301])
        queries.push({
          terms: new Int32Array(0),
          weights: new Float32Array(0),
          start: 0,
          end: 0,
          enterprise: -1,
          cluster,
          city,
          province: city < 0 ? -1 : Math.floor(city / 100),
          category,
        });

  it.each(queries.map((q) => [q.category, q.cluster, q.city, q] as const))(
    'gives every target the rules’ factor × boost (category %i, cluster %i, city %i)',
    (_c, _k, _r, q) => {
      tables.set(q);
      for (let d = 0; d < docs.length; d++) {
        const m = tables.meta[d];
        const f = tables.factor[q.category * 8 + (m & 7)];
        expect(f === 0 ? 0 : f * tables.boost(m, d)).toBeCloseTo(expected(q, d), 12);
      }
      tables.clear(q);
      // cleared: nothing of this query is left for the next one
      expect(tables.cluster.every((v) => v === 0)).toBe(true);
      expect(tables.region.every((v) => v === 0)).toBe(true);
    },
  );
});
