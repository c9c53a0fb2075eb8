/**
 * Drafting one demo event: its organiser (an association with its clusters and members), type, dates, title,
 * place and clusters. demo-events.ts turns drafts into the demo calendar (status, participants, visits).
 */
import type { EventType } from '../events/event.entity';
import { cityOf, regionLevel, regionName } from '../registry/identifiers/region-codes';
import { ASSOCIATION_ROSTER } from './demo-association-roster';
import { CLUSTER_PROFILES } from './demo-cluster-profiles';
import type { DemoAssociation, DemoEnterprise, DemoMembership } from './demo-data.types';
import { addDays, daysBetween, workingDay } from './demo-dates';
import { CITY_VENUES, OUTSIDE_FAIRS, TOUR_DESTINATIONS, type TourDestination } from './demo-event-places';
import { catalogueLines } from './demo-postings';
import type { Prng } from './prng';

/** Fewer events around the Spring Festival and in high summer. */
const MONTH_WEIGHTS = [3, 4, 9, 10, 10, 9, 6, 6, 10, 9, 10, 8];

const DURATION: Readonly<Record<EventType, readonly [number, number]>> = {
  matchmaking: [0, 1],
  exhibition: [2, 3],
  delegation: [2, 3],
  study_tour: [2, 4],
  forum: [0, 1],
  online: [0, 0],
};

export interface Organiser {
  association: DemoAssociation;
  region: string;
  lead: readonly string[];
  clusters: readonly string[];
  members: DemoEnterprise[];
  weight: number;
}

export interface EventContext {
  rng: Prng;
  today: string;
  clusterNames: ReadonlyMap<string, string>;
  organisers: Organiser[];
  enterprisesByCluster: ReadonlyMap<string, DemoEnterprise[]>;
  counters: Map<string, number>;
}

export const topicOf = (clusterName: string): string => clusterName.replace(/产业集群$/, '');
export const cityShort = (code: string): string => (regionName(code) ?? '辽宁').replace(/市$/, '');
const assocShort = (name: string): string => name.replace(/^辽宁省/, '');

export function organisersOf(
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

export interface Draft {
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

export function draftEvent(
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
