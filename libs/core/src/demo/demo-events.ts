/**
 * The demo calendar of events: how many, of which types, by whom and when, each drafted (demo-events-draft.ts)
 * and given its status, co-organisers, participants, visits and description; the demo enterprise enrolled.
 */
import type { EventStatus, EventType } from '../events/event.entity';
import type { ClusterDefinition } from '../registry/catalogue/cluster-catalogue';
import type { DemoEvent, DemoParticipant, ParticipantRole } from './demo-activity.types';
import type { DemoAssociation, DemoEnterprise, DemoMembership } from './demo-data.types';
import { addDays, chinaTime, daysBetween, minDay } from './demo-dates';
import {
  cityShort,
  draftEvent,
  organisersOf,
  topicOf,
  type Draft,
  type EventContext,
} from './demo-events-draft';
import type { Prng } from './prng';

const FIRST_DAY = '2025-01-06';
const PAST_EVENTS = 246;
const UPCOMING_EVENTS = 14;
/** Associations this small get no events in the last 90 days (the department's "inactive" list). */
const QUIET_ASSOCIATIONS = 3;

const TYPE_WEIGHTS: readonly (readonly [EventType, number])[] = [
  ['matchmaking', 40],
  ['exhibition', 11],
  ['delegation', 10],
  ['study_tour', 9],
  ['forum', 18],
  ['online', 12],
];

const PARTICIPANTS: Readonly<Record<EventType, readonly [number, number]>> = {
  matchmaking: [15, 50],
  exhibition: [30, 60],
  delegation: [5, 20],
  study_tour: [5, 15],
  forum: [15, 50],
  online: [10, 40],
};

export interface DemoBinding {
  associationCreditCode: string;
  enterpriseCreditCode: string;
}

function statusOf(ctx: EventContext, d: Draft): EventStatus {
  const { rng, today } = ctx;
  if (d.start > today)
    return rng.chance(0.06) ? 'cancelled' : daysBetween(today, d.start) <= 21 ? 'open' : 'planned';
  if (d.end >= today) return 'held';
  const ago = daysBetween(d.end, today);
  if (rng.chance(0.03)) return 'cancelled';
  if (ago < 30) return rng.chance(0.2) ? 'closed' : 'held';
  if (ago < 120) return rng.chance(0.4) ? 'held' : 'closed';
  return 'closed';
}

function visitsOf(ctx: EventContext, d: Draft, participants: number): number | null {
  const { rng } = ctx;
  if (d.type === 'exhibition')
    return d.clusters[0] === 'GREEN-PETROCHEM' ? 18_000 : Math.round(rng.int(3_000, 16_000) / 100) * 100;
  if (d.type === 'matchmaking' || d.type === 'forum')
    return rng.chance(0.6) ? participants * rng.int(3, 6) : null;
  if (d.type === 'online') return rng.chance(0.5) ? rng.int(200, 2_000) : null;
  return null;
}

function describe(d: Draft, clusterNames: ReadonlyMap<string, string>): string {
  const names = d.clusters.map((c) => clusterNames.get(c) ?? c).join('、');
  const org = d.organiser.association.name;
  switch (d.type) {
    case 'matchmaking':
      return `由${org}主办，围绕${names}重点产业链，组织链主企业发布采购需求、配套企业现场洽谈，安排一对一对接。`;
    case 'exhibition':
      return `${org}组织${names}企业集中展示新产品、新技术，设采购洽谈区和新品发布区。`;
    case 'delegation':
      return `${org}组织会员企业组团参展，设辽宁展区，对接省外采购商与合作伙伴。`;
    case 'study_tour':
      return `${org}组织企业赴外地考察学习先进经验，对接当地产业资源，寻求合作机会。`;
    case 'forum':
      return `邀请行业专家、链主企业解读政策、分享案例，服务${names}企业高质量发展。`;
    case 'online':
      return `通过集群链通平台在线发布供需信息，组织企业视频洽谈。`;
  }
}

function roleOf(ctx: EventContext, type: EventType): ParticipantRole {
  const { rng } = ctx;
  switch (type) {
    case 'matchmaking':
    case 'online':
      return rng.chance(0.45) ? 'buyer' : 'supplier';
    case 'exhibition':
      return rng.chance(0.35) ? 'exhibitor' : 'visitor';
    case 'delegation':
      return rng.chance(0.75) ? 'exhibitor' : 'visitor';
    case 'study_tour':
    case 'forum':
      return 'visitor';
  }
}

function participantsOf(ctx: EventContext, d: Draft, status: EventStatus): DemoParticipant[] {
  const { rng } = ctx;
  const [min, max] = PARTICIPANTS[d.type];
  let wanted = rng.int(min, max);
  if (status === 'planned') wanted = Math.round(wanted * 0.4);
  if (status === 'open') wanted = Math.round(wanted * 0.75);
  if (status === 'cancelled') wanted = rng.int(0, 4);
  const members = [...d.organiser.members];
  const memberSet = new Set(members);
  const others = [...new Set(d.clusters.flatMap((c) => ctx.enterprisesByCluster.get(c) ?? []))].filter(
    (e) => !memberSet.has(e),
  );
  const chosen: DemoEnterprise[] = [];
  const take = (pool: DemoEnterprise[], n: number) => {
    for (let k = 0; k < n && pool.length > 0; k++)
      chosen.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  };
  take(members, Math.round(wanted * (0.7 + rng.next() * 0.15)));
  take(others, wanted - chosen.length);
  const checkIn = status === 'held' || status === 'closed';
  return chosen.map((e) => ({
    enterpriseCreditCode: e.creditCode,
    role: roleOf(ctx, d.type),
    checkedInAt: checkIn && rng.chance(0.9) ? chinaTime(d.start, 8, rng.int(0, 59)) : null,
  }));
}

function toEvent(ctx: EventContext, d: Draft, status: EventStatus, coOrganisers: string[]): DemoEvent {
  const { rng, today } = ctx;
  const participants = participantsOf(ctx, d, status);
  const held = status === 'held' || status === 'closed';
  const closedDay = minDay(addDays(d.end, rng.int(7, 40)), addDays(today, -1));
  return {
    key: '',
    title: d.title,
    type: d.type,
    associationCreditCode: d.organiser.association.creditCode,
    coOrganiserCreditCodes: coOrganisers,
    clusterCodes: d.clusters,
    startDate: d.start,
    endDate: d.end,
    regionCode: d.regionCode,
    venue: d.venue,
    visits: held ? visitsOf(ctx, d, participants.length) : null,
    description: describe(d, ctx.clusterNames),
    status,
    heldAt: held ? chinaTime(d.end, 17, 30) : null,
    closedAt: status === 'closed' ? chinaTime(closedDay, rng.int(9, 17), rng.int(0, 59)) : null,
    createdAt: chinaTime(addDays(d.start, -rng.int(20, 60)), rng.int(9, 17), rng.int(0, 59)),
    participants,
  };
}

/**
 * ~260 events from 2025-01 to two months ahead of `today`, organised by the associations in proportion to
 * their size (lead associations of big clusters more), with their clusters, co-organisers and participants
 * (mostly the organiser's members). The demo enterprise takes part in a few events of its association,
 * one of them an upcoming matchmaking meeting.
 */
export function buildEvents(
  rng: Prng,
  clusters: readonly ClusterDefinition[],
  associations: readonly DemoAssociation[],
  enterprises: readonly DemoEnterprise[],
  memberships: readonly DemoMembership[],
  binding: DemoBinding,
  today: string,
): DemoEvent[] {
  const clusterTier = new Map(clusters.map((c) => [c.code, c.tier as string]));
  const organisers = organisersOf(associations, enterprises, memberships, clusterTier).filter(
    (o) => o.clusters.length > 0,
  );
  const enterprisesByCluster = new Map<string, DemoEnterprise[]>();
  for (const e of enterprises)
    for (const c of e.clusterCodes) enterprisesByCluster.set(c, [...(enterprisesByCluster.get(c) ?? []), e]);
  const ctx: EventContext = {
    rng,
    today,
    clusterNames: new Map(clusters.map((c) => [c.code, c.name])),
    organisers,
    enterprisesByCluster,
    counters: new Map(),
  };
  const demoOrganiser = organisers.find((o) => o.association.creditCode === binding.associationCreditCode);
  const quiet = new Set(
    [...organisers]
      .filter((o) => o !== demoOrganiser)
      .sort((a, b) => a.weight - b.weight || a.association.name.localeCompare(b.association.name))
      .slice(0, QUIET_ASSOCIATIONS),
  );
  const quietSince = addDays(today, -90);
  const weighted = organisers.map((o) => [o, o.weight] as const);
  const active = weighted.filter(([o]) => !quiet.has(o));

  const drafts: Draft[] = [];
  const lastPast = addDays(today, -1);
  for (let i = 0; i < PAST_EVENTS + UPCOMING_EVENTS; i++) {
    const upcoming = i >= PAST_EVENTS;
    const type = rng.weighted(TYPE_WEIGHTS);
    const organiser = rng.weighted(upcoming ? active : weighted);
    let d = upcoming
      ? draftEvent(ctx, type, organiser, addDays(today, 3), addDays(today, 60))
      : draftEvent(ctx, type, organiser, FIRST_DAY, lastPast);
    // Fairs have fixed dates: keep past delegations in the past, upcoming ones upcoming, quiet ones quiet.
    if (d.start > today !== upcoming || (d.start <= today && d.end >= today)) {
      d = draftEvent(
        ctx,
        'matchmaking',
        organiser,
        ...((upcoming ? [addDays(today, 3), addDays(today, 60)] : [FIRST_DAY, lastPast]) as [string, string]),
      );
    }
    if (quiet.has(organiser) && d.end >= quietSince) {
      const before = addDays(quietSince, -1);
      d = draftEvent(ctx, type, organiser, FIRST_DAY, before);
      if (d.end >= quietSince) d = draftEvent(ctx, 'forum', organiser, FIRST_DAY, before);
    }
    drafts.push(d);
  }
  // The demo association's showcase: an upcoming matchmaking meeting the demo enterprise has registered for.
  if (demoOrganiser) {
    const d = draftEvent(ctx, 'matchmaking', demoOrganiser, addDays(today, 10), addDays(today, 14));
    const topic = topicOf(ctx.clusterNames.get(d.clusters[0]) ?? '');
    drafts.push({
      ...d,
      title: `${d.start.slice(0, 4)}年${cityShort(d.regionCode)}${topic}产业链供需对接会（冬季专场）`,
    });
  }

  drafts.sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  const events = drafts.map((d, i) => {
    let status = statusOf(ctx, d);
    if (d === drafts.find((x) => x.title.endsWith('（冬季专场）'))) status = 'open';
    const coOrganisers: string[] = [];
    if (rng.chance(0.12) && d.type !== 'online') {
      const peers = organisers.filter(
        (o) => o !== d.organiser && o.clusters.some((c) => d.clusters.includes(c)),
      );
      for (let k = rng.int(1, 2); k > 0 && peers.length > 0; k--)
        coOrganisers.push(peers.splice(rng.int(0, peers.length - 1), 1)[0].association.creditCode);
    }
    const event = toEvent(ctx, d, status, coOrganisers);
    event.key = `EV${String(i + 1).padStart(3, '0')}`;
    return event;
  });
  enrolDemoEnterprise(ctx, events, binding);
  return events;
}

/** The demo enterprise: a buyer at its association's three latest held matchmaking-type events and the showcase. */
function enrolDemoEnterprise(ctx: EventContext, events: DemoEvent[], binding: DemoBinding): void {
  const own = events.filter((e) => e.associationCreditCode === binding.associationCreditCode);
  const past = own
    .filter((e) => (e.status === 'held' || e.status === 'closed') && e.type === 'matchmaking')
    .slice(-3);
  const upcoming = own.filter((e) => e.title.endsWith('（冬季专场）'));
  for (const event of [...past, ...upcoming]) {
    const held = event.status === 'held' || event.status === 'closed';
    const entry: DemoParticipant = {
      enterpriseCreditCode: binding.enterpriseCreditCode,
      role: 'buyer',
      checkedInAt: held ? chinaTime(event.startDate, 8, ctx.rng.int(10, 50)) : null,
    };
    const at = event.participants.findIndex((p) => p.enterpriseCreditCode === binding.enterpriseCreditCode);
    if (at >= 0) event.participants[at] = entry;
    else event.participants.push(entry);
  }
}
