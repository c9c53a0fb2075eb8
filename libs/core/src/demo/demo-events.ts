import type { EventStatus, EventType } from '../events/event.entity';
import type { ClusterDefinition } from '../registry/catalogue/cluster-catalogue';
import { cityOf, regionLevel, regionName } from '../registry/identifiers/region-codes';
import type { DemoEvent, DemoParticipant, ParticipantRole } from './demo-activity.types';
import { ASSOCIATION_ROSTER } from './demo-association-roster';
import { CLUSTER_PROFILES } from './demo-cluster-profiles';
import type { DemoAssociation, DemoEnterprise, DemoMembership } from './demo-data.types';
import { addDays, chinaTime, daysBetween, minDay, workingDay } from './demo-dates';
import { CITY_VENUES, OUTSIDE_FAIRS, TOUR_DESTINATIONS, type TourDestination } from './demo-event-places';
import { catalogueLines } from './demo-postings';
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

/** Fewer events around the Spring Festival and in high summer. */
const MONTH_WEIGHTS = [3, 4, 9, 10, 10, 9, 6, 6, 10, 9, 10, 8];

const PARTICIPANTS: Readonly<Record<EventType, readonly [number, number]>> = {
  matchmaking: [15, 50],
  exhibition: [30, 60],
  delegation: [5, 20],
  study_tour: [5, 15],
  forum: [15, 50],
  online: [10, 40],
};

const DURATION: Readonly<Record<EventType, readonly [number, number]>> = {
  matchmaking: [0, 1],
  exhibition: [2, 3],
  delegation: [2, 3],
  study_tour: [2, 4],
  forum: [0, 1],
  online: [0, 0],
};

export interface DemoBinding {
  associationCreditCode: string;
  enterpriseCreditCode: string;
}

interface Organiser {
  association: DemoAssociation;
  region: string;
  lead: readonly string[];
  clusters: readonly string[];
  members: DemoEnterprise[];
  weight: number;
}

interface EventContext {
  rng: Prng;
  today: string;
  clusterNames: ReadonlyMap<string, string>;
  organisers: Organiser[];
  enterprisesByCluster: ReadonlyMap<string, DemoEnterprise[]>;
  counters: Map<string, number>;
}

const topicOf = (clusterName: string): string => clusterName.replace(/产业集群$/, '');
const cityShort = (code: string): string => (regionName(code) ?? '辽宁').replace(/市$/, '');
const assocShort = (name: string): string => name.replace(/^辽宁省/, '');

function organisersOf(
  associations: readonly DemoAssociation[],
  enterprises: readonly DemoEnterprise[],
  memberships: readonly DemoMembership[],
  clusterTier: ReadonlyMap<string, string>,
): Organiser[] {
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  const tierWeight: Record<string, number> = { world: 30, national: 20, regional: 12 };
  return associations.map((association, i) => {
    const profile = ASSOCIATION_ROSTER[i];
    const members = memberships
      .filter((m) => m.associationCreditCode === association.creditCode)
      .map((m) => byCode.get(m.enterpriseCreditCode))
      .filter((e): e is DemoEnterprise => e !== undefined);
    const lead = association.leadClusterCodes;
    const clusters = [...new Set([...lead, ...profile.related])].filter((c) => clusterTier.has(c));
    const weight = members.length + lead.reduce((s, c) => s + (tierWeight[clusterTier.get(c) ?? ''] ?? 0), 0);
    return { association, region: profile.region, lead, clusters, members, weight: Math.max(weight, 1) };
  });
}

/** A city where the event takes place: the association's own, or a home city of the cluster. */
function eventCity(ctx: EventContext, organiser: Organiser, clusterCode: string): string {
  const level = regionLevel(organiser.region);
  if (level === 'city') return organiser.region;
  if (level === 'county') return cityOf(organiser.region) ?? organiser.region;
  const homes = CLUSTER_PROFILES[clusterCode]?.homes ?? [['210100', 1]];
  const home = ctx.rng.weighted(homes);
  return cityOf(home) ?? home;
}

function venueIn(ctx: EventContext, city: string): string {
  const venues = CITY_VENUES[city];
  return venues ? ctx.rng.pick(venues) : `${cityShort(city)}市会展中心`;
}

function nextNumber(ctx: EventContext, key: string): number {
  const n = (ctx.counters.get(key) ?? 0) + 1;
  ctx.counters.set(key, n);
  return n;
}

function randomDay(ctx: EventContext, from: string, to: string): string {
  const span = daysBetween(from, to);
  for (let attempt = 0; attempt < 20; attempt++) {
    const day = addDays(from, ctx.rng.int(0, span));
    const month = Number(day.slice(5, 7));
    if (ctx.rng.next() * 10 < MONTH_WEIGHTS[month - 1]) return workingDay(day) > to ? day : workingDay(day);
  }
  return addDays(from, ctx.rng.int(0, span));
}

interface Draft {
  type: EventType;
  organiser: Organiser;
  clusters: string[];
  start: string;
  end: string;
  title: string;
  regionCode: string;
  venue: string | null;
}

function pickClusters(ctx: EventContext, organiser: Organiser, preferred: readonly string[] = []): string[] {
  const own = organiser.clusters;
  const first =
    preferred.find((c) => own.includes(c)) ??
    (organiser.lead.length > 0 && ctx.rng.chance(0.8) ? ctx.rng.pick(organiser.lead) : ctx.rng.pick(own));
  const extra = ctx.rng.weighted([
    [0, 55],
    [1, 35],
    [2, 10],
  ]);
  const others = own.filter((c) => c !== first);
  const out = [first];
  for (let k = 0; k < extra && others.length > 0; k++) {
    const next = ctx.rng.pick(others);
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

function draftEvent(
  ctx: EventContext,
  type: EventType,
  organiser: Organiser,
  from: string,
  to: string,
): Draft {
  const { rng } = ctx;
  const [dMin, dMax] = DURATION[type];
  const duration = rng.int(dMin, dMax);
  let start = randomDay(ctx, from, addDays(to, -duration));
  let clusters = pickClusters(ctx, organiser);
  const topic = topicOf(ctx.clusterNames.get(clusters[0]) ?? '');
  const year = Number(start.slice(0, 4));
  let title: string;
  let regionCode: string;
  let venue: string | null;
  const city = eventCity(ctx, organiser, clusters[0]);
  const n = nextNumber(ctx, `${organiser.association.creditCode}/${type}/${year}`);
  switch (type) {
    case 'matchmaking': {
      const subject = rng.pick(rng.pick(catalogueLines(clusters[0]))[1].split('/'));
      title = rng.weighted<string>([
        [`${year}年${cityShort(city)}${topic}产业链供需对接会`, 4],
        [`${topic}产业集群“政府出题、协会组织、企业答题”供需对接会（第${n}场）`, 2],
        [`${year}年${topic}产业链上下游企业对接洽谈会`, 2],
        [`${assocShort(organiser.association.name)}${subject}专场对接会`, 2],
      ]);
      regionCode = city;
      venue = venueIn(ctx, city);
      break;
    }
    case 'exhibition': {
      title = rng.weighted<string>([
        [`${year}中国（${cityShort(city)}）${topic}产业博览会`, 3],
        [`第${n + (year - 2024) * 2}届辽宁${topic}产品展览会`, 1],
        [`${year}${cityShort(city)}国际${topic}展览会`, 2],
      ]);
      if (clusters[0] === 'FURNITURE')
        title = `${year}中国沈阳国际家具博览会（${start < `${year}-07-01` ? '春季' : '秋季'}）`;
      if (clusters[0] === 'GREEN-PETROCHEM') title = `${year}中国（大连）国际石化产业博览会`;
      if (clusters[0] === 'TEXTILE' && organiser.region === '211481')
        title = `${year}中国（兴城）国际泳装博览会`;
      regionCode = city;
      venue = venueIn(ctx, city);
      break;
    }
    case 'delegation': {
      const fairs = OUTSIDE_FAIRS.filter((f) => f.clusters.some((c) => organiser.clusters.includes(c)));
      const fair = fairs.length > 0 ? rng.pick(fairs) : rng.pick(OUTSIDE_FAIRS);
      const fairYear = start < '2026-01-01' ? 2025 : 2026;
      const name = fair.name(fairYear) ?? fair.name(fairYear === 2025 ? 2026 : 2025) ?? fair.name(2025)!;
      const heldYear = fair.name(fairYear) ? fairYear : fairYear === 2025 ? 2026 : 2025;
      start = workingDay(
        `${heldYear}-${String(fair.month).padStart(2, '0')}-${String(rng.int(8, 22)).padStart(2, '0')}`,
      );
      clusters = pickClusters(ctx, organiser, fair.clusters);
      title = rng.chance(0.6)
        ? `组织企业参加${name}`
        : `${assocShort(organiser.association.name)}组团参加${name}`;
      regionCode = fair.regionCode;
      venue = fair.venue;
      break;
    }
    case 'study_tour': {
      const places = TOUR_DESTINATIONS.filter((d) => d.clusters.some((c) => organiser.clusters.includes(c)));
      if (places.length > 0 && rng.chance(0.8)) {
        const place: TourDestination = rng.pick(places);
        clusters = pickClusters(ctx, organiser, place.clusters);
        title = `赴${place.place}${place.topic}产业考察交流活动`;
        regionCode = place.regionCode;
        venue = null;
      } else {
        title = `组织会员企业赴${cityShort(city)}${topic}龙头企业考察学习`;
        regionCode = city;
        venue = null;
      }
      break;
    }
    case 'forum': {
      title = rng.weighted<string>([
        [`${year}辽宁${topic}产业高质量发展论坛`, 3],
        [`${topic}产业数字化转型专题培训`, 2],
        [`${topic}产业链“链主”企业协同发展座谈会`, 2],
        [`${assocShort(organiser.association.name)}知识产权与标准化专题培训班`, 1],
        [`${assocShort(organiser.association.name)}${year}年会暨产业发展论坛`, 1],
      ]);
      if (clusters[0] === 'GREEN-PETROCHEM' || clusters[0] === 'FINE-CHEM')
        title = rng.chance(0.5) ? `老旧装置淘汰退出和更新改造政策解读会（第${n}期）` : title;
      regionCode = city;
      venue = venueIn(ctx, city);
      break;
    }
    case 'online': {
      title = rng.chance(0.6)
        ? `${topic}产业链线上供需对接会（${year}年第${n}期）`
        : `“辽品出辽”${topic}产品线上推介会`;
      regionCode = regionLevel(organiser.region) === 'province' ? '210000' : organiser.region;
      venue = '线上（集群链通平台）';
      break;
    }
  }
  return { type, organiser, clusters, start, end: addDays(start, duration), title, regionCode, venue };
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
