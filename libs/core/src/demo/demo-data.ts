import { loadClusterCatalogue } from '../registry/catalogue/cluster-catalogue';
import { buildDemoActivity } from './demo-activity';
import { ASSOCIATION_ROSTER } from './demo-association-roster';
import { associationCreditCode } from './demo-credit-codes';
import type { DemoAssociation, DemoDataOptions, DemoDataSet } from './demo-data.types';
import { buildEnterprises } from './demo-enterprises';
import { buildMemberships } from './demo-memberships';
import { Prng } from './prng';
import { UniqueValues } from './unique-values';

const DEFAULT_SEED = 2211;
const DEFAULT_ENTERPRISE_COUNT = 400;

function buildAssociations(
  rng: Prng,
  knownClusters: ReadonlySet<string>,
  codes: UniqueValues,
): DemoAssociation[] {
  return ASSOCIATION_ROSTER.map((profile) => {
    for (const code of [...profile.lead, ...profile.related]) {
      if (!knownClusters.has(code))
        throw new Error(`demo data: ${profile.name} names unknown cluster ${code}`);
    }
    return {
      name: profile.name,
      creditCode: codes.take(() => associationCreditCode(rng, profile.region)),
      leadClusterCodes: [...profile.lead],
    };
  });
}

/**
 * The demo data set loaded into an empty database when DEMO_DATA is not false: the cluster catalogue, 49
 * associations with their lead clusters, ~400 enterprises across Liaoning and their memberships, and their
 * activity (postings, events, participants, meetings, intents; see buildDemoActivity). Deterministic:
 * the same options always give the same data. Plain objects linked by codes; the caller maps them to ids.
 */
export function buildDemoDataSet(options: DemoDataOptions = {}): DemoDataSet {
  const rng = new Prng(options.seed ?? DEFAULT_SEED);
  const clusters = loadClusterCatalogue();
  const codes = new UniqueValues();
  const associations = buildAssociations(rng, new Set(clusters.map((c) => c.code)), codes);
  const enterprises = buildEnterprises(
    rng,
    clusters,
    options.enterpriseCount ?? DEFAULT_ENTERPRISE_COUNT,
    codes,
  );
  const memberships = buildMemberships(rng, enterprises, associations);
  const registry = { clusters, associations, enterprises, memberships };
  const seed = options.seed ?? DEFAULT_SEED;
  return { ...registry, activity: buildDemoActivity(registry, seed, options.today) };
}
