import type { DemoActivity } from './demo-activity.types';
import type { DemoAssociation, DemoEnterprise, DemoMembership } from './demo-data.types';
import { DEMO_TODAY } from './demo-dates';
import { buildEvents, type DemoBinding } from './demo-events';
import { buildIntents } from './demo-intents';
import { buildMeetings } from './demo-meetings';
import { buildPostings } from './demo-postings';
import { Prng } from './prng';
import type { ClusterDefinition } from '../registry/catalogue/cluster-catalogue';

export interface DemoRegistry {
  clusters: ClusterDefinition[];
  associations: DemoAssociation[];
  enterprises: DemoEnterprise[];
  memberships: DemoMembership[];
}

/** demo_assoc's association and demo_ent's enterprise: the first membership of the data set. */
export function demoBinding(memberships: readonly DemoMembership[]): DemoBinding | null {
  const first = memberships[0];
  return first
    ? { associationCreditCode: first.associationCreditCode, enterpriseCreditCode: first.enterpriseCreditCode }
    : null;
}

/**
 * Postings, events with participants, meetings, intents and their transitions on top of the registry data,
 * around `today`. Each part draws from its own PRNG stream, so changing one leaves the others as they were,
 * and the registry data (built before) is untouched.
 */
export function buildDemoActivity(registry: DemoRegistry, seed: number, today = DEMO_TODAY): DemoActivity {
  const { clusters, associations, enterprises, memberships } = registry;
  const binding = demoBinding(memberships);
  const demoEnterprise = enterprises.find((e) => e.creditCode === binding?.enterpriseCreditCode);
  if (!binding || !demoEnterprise)
    return { today, postings: [], events: [], meetings: [], intents: [], transitions: [] };
  const stream = (n: number) => new Prng((seed * 7919 + n * 104_729) >>> 0);
  const postings = buildPostings(stream(1), enterprises, demoEnterprise, today);
  const events = buildEvents(stream(2), clusters, associations, enterprises, memberships, binding, today);
  const meetings = buildMeetings(stream(3), events, enterprises, binding.enterpriseCreditCode);
  const { intents, transitions } = buildIntents(
    stream(4),
    events,
    meetings,
    enterprises,
    binding.enterpriseCreditCode,
    today,
  );
  return { today, postings, events, meetings, intents, transitions };
}
