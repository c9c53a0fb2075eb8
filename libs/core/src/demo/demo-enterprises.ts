import type { ClusterDefinition, ClusterTier } from '../registry/catalogue/cluster-catalogue';
import { cityOf, countiesOf, regionLevel, regionName } from '../registry/identifiers/region-codes';
import { CITY_WEIGHTS, CLUSTER_PROFILES, type ClusterProfile } from './demo-cluster-profiles';
import { enterpriseCreditCode } from './demo-credit-codes';
import type { DemoEnterprise, EnterpriseScale, EnterpriseTier } from './demo-data.types';
import {
  BRAND_WORDS,
  COMPANY_SUFFIXES,
  GIVEN_NAMES,
  LARGE_COMPANY_SUFFIXES,
  MOBILE_PREFIXES,
  SURNAMES,
} from './demo-name-parts';
import type { Prng } from './prng';
import { UniqueValues } from './unique-values';

const HOME_SHARE = 0.8; // the rest are scattered over all 14 cities
const SECOND_CLUSTER_SHARE = 0.15;
const TIER_WEIGHT: Readonly<Record<ClusterTier, number>> = { world: 25, national: 19, regional: 13 };

const SCALES: readonly (readonly [EnterpriseScale, number])[] = [
  ['large', 10],
  ['medium', 25],
  ['small', 40],
  ['micro', 25],
];

/** Core-enterprise tiers follow size: 龙头 are large, most small and micro firms are not core enterprises. */
const TIERS_BY_SCALE: Readonly<
  Record<EnterpriseScale, readonly (readonly [EnterpriseTier | null, number])[]>
> = {
  large: [
    ['leading', 35],
    ['backbone', 45],
    ['key', 15],
    [null, 5],
  ],
  medium: [
    ['leading', 3],
    ['backbone', 30],
    ['key', 40],
    [null, 27],
  ],
  small: [
    ['backbone', 5],
    ['key', 30],
    [null, 65],
  ],
  micro: [
    ['key', 5],
    [null, 95],
  ],
};

/** Splits `total` over clusters by tier weight (largest remainder), so counts add up exactly. */
function enterprisesPerCluster(clusters: readonly ClusterDefinition[], total: number): number[] {
  const weights = clusters.map((c) => TIER_WEIGHT[c.tier]);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((s, n) => s + n, 0);
  for (let k = 0; k < missing; k++) counts[order[k][1]]++;
  return counts;
}

function profileOf(clusterCode: string): ClusterProfile {
  const profile = CLUSTER_PROFILES[clusterCode];
  if (!profile) throw new Error(`demo data: no profile for cluster ${clusterCode}`);
  return profile;
}

/** A county: the home itself when it is one, else a county of the city, districts (区) more likely. */
function pickCounty(rng: Prng, code: string): string {
  if (regionLevel(code) === 'county') return code;
  const counties = countiesOf(code);
  if (counties.length === 0) throw new Error(`demo data: ${code} has no counties`);
  return rng.weighted(counties.map((c) => [c.code, c.name.endsWith('区') ? 2 : 1] as const));
}

/** 沈阳, or for a county-level city sometimes its own name (瓦房店, 海城), as local firms do. */
function placeName(rng: Prng, county: string): string {
  const countyName = regionName(county) ?? '';
  const cityName = regionName(cityOf(county) ?? '') ?? '';
  const useCounty = countyName.endsWith('市') && rng.chance(0.5);
  return (useCounty ? countyName : cityName).replace(/市$/, '');
}

function mobile(rng: Prng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

function buildEnterprise(
  rng: Prng,
  clusterCode: string,
  known: ReadonlySet<string>,
  names: UniqueValues,
  codes: UniqueValues,
): DemoEnterprise {
  const profile = profileOf(clusterCode);
  const home = rng.chance(HOME_SHARE) ? rng.weighted(profile.homes) : rng.weighted(CITY_WEIGHTS);
  const regionCode = pickCounty(rng, home);
  const scale = rng.weighted(SCALES);
  const suffixes = scale === 'large' ? LARGE_COMPANY_SUFFIXES : COMPANY_SUFFIXES;
  const name = names.take(
    () =>
      placeName(rng, regionCode) +
      rng.pick(BRAND_WORDS) +
      rng.pick(profile.products) +
      rng.weighted(suffixes),
  );
  // Firms register with the county or the city market-regulation bureau.
  const registeredAt = rng.chance(0.6) ? regionCode : (cityOf(regionCode) ?? regionCode);
  const second = profile.related.filter((code) => known.has(code));
  const clusterCodes =
    second.length > 0 && rng.chance(SECOND_CLUSTER_SHARE) ? [clusterCode, rng.pick(second)] : [clusterCode];
  return {
    name,
    creditCode: codes.take(() => enterpriseCreditCode(rng, registeredAt)),
    regionCode,
    industryCode: rng.pick(profile.industryCodes),
    scale,
    tier: rng.weighted(TIERS_BY_SCALE[scale]),
    clusterCodes,
    contactName: rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES),
    contactPhone: mobile(rng),
  };
}

/**
 * `total` enterprises spread over the clusters (world-class ones larger), each placed in a county of its cluster's
 * home cities or, less often, anywhere in Liaoning. `codes` is shared with the associations' credit codes.
 */
export function buildEnterprises(
  rng: Prng,
  clusters: readonly ClusterDefinition[],
  total: number,
  codes: UniqueValues,
): DemoEnterprise[] {
  const known = new Set(clusters.map((c) => c.code));
  const counts = enterprisesPerCluster(clusters, total);
  const names = new UniqueValues();
  return clusters.flatMap((cluster, i) =>
    Array.from({ length: counts[i] }, () => buildEnterprise(rng, cluster.code, known, names, codes)),
  );
}
