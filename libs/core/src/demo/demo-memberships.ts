import { cityOf, regionLevel } from '../registry/identifiers/region-codes';
import { ASSOCIATION_ROSTER, type AssociationProfile } from './demo-association-roster';
import type { DemoAssociation, DemoEnterprise, DemoMembership } from './demo-data.types';
import type { Prng } from './prng';

const LEAD_SHARE = 0.85;
const SECOND_MEMBERSHIP_SHARE = 0.35;
const LOCAL_WEIGHT = 6;
const JOINED_FROM = Date.UTC(2016, 0, 1);
const JOINED_TO = Date.UTC(2025, 5, 30);
const DAY_MS = 86_400_000;

/** Whether an association takes members from this place: province-wide, or its own city or county. */
function coversRegion(profile: AssociationProfile, regionCode: string): boolean {
  const level = regionLevel(profile.region);
  if (level === 'province') return true;
  if (level === 'city') return cityOf(regionCode) === profile.region;
  return regionCode === profile.region;
}

function coversClusters(profile: AssociationProfile, clusterCodes: readonly string[]): boolean {
  return clusterCodes.some((code) => profile.lead.includes(code) || profile.related.includes(code));
}

/** The associations an enterprise may join (its clusters, its place), with pick weights. */
function candidateAssociations(
  enterprise: DemoEnterprise,
  associations: readonly DemoAssociation[],
): (readonly [DemoAssociation, number])[] {
  return associations.flatMap((association, i) => {
    const profile = ASSOCIATION_ROSTER[i];
    if (!coversClusters(profile, enterprise.clusterCodes) || !coversRegion(profile, enterprise.regionCode)) {
      return [];
    }
    // Local (city or county) associations are few and close by: a firm in reach is likelier to join one.
    const local = regionLevel(profile.region) !== 'province';
    return [[association, local ? LOCAL_WEIGHT : 1] as const];
  });
}

/**
 * One or two memberships per enterprise, in associations serving its clusters; most firms join the lead
 * association of their main cluster. `associations` are in ASSOCIATION_ROSTER order.
 */
export function buildMemberships(
  rng: Prng,
  enterprises: readonly DemoEnterprise[],
  associations: readonly DemoAssociation[],
): DemoMembership[] {
  const joined = new Map<DemoEnterprise, DemoAssociation[]>();
  const candidates = new Map(enterprises.map((e) => [e, candidateAssociations(e, associations)]));
  const join = (association: DemoAssociation, enterprise: DemoEnterprise) =>
    joined.set(enterprise, [...(joined.get(enterprise) ?? []), association]);

  for (const enterprise of enterprises) {
    const options = candidates.get(enterprise) ?? [];
    if (options.length === 0) throw new Error(`demo data: no association for ${enterprise.name}`);
    const lead = options.find(([a]) => a.leadClusterCodes.includes(enterprise.clusterCodes[0]))?.[0];
    const first = lead && rng.chance(LEAD_SHARE) ? lead : rng.weighted(options);
    join(first, enterprise);
    const others = options.filter(([a]) => a !== first);
    if (others.length > 0 && rng.chance(SECOND_MEMBERSHIP_SHARE)) join(rng.weighted(others), enterprise);
  }

  // Give every association a member where some firm with a single membership may join it.
  const members = new Set([...joined.values()].flat());
  for (const association of associations.filter((a) => !members.has(a))) {
    const eligible = enterprises.filter(
      (e) => joined.get(e)?.length === 1 && candidates.get(e)?.some(([a]) => a === association),
    );
    if (eligible.length > 0) join(association, rng.pick(eligible));
  }

  return enterprises.flatMap((enterprise) =>
    (joined.get(enterprise) ?? []).map((association) => ({
      associationCreditCode: association.creditCode,
      enterpriseCreditCode: enterprise.creditCode,
      joinedOn: new Date(JOINED_FROM + rng.int(0, (JOINED_TO - JOINED_FROM) / DAY_MS) * DAY_MS)
        .toISOString()
        .slice(0, 10),
    })),
  );
}
