import type { IntentStage } from '../intents/intent.entity';
import type { PostingCategory } from '../postings/posting.entity';
import type { DemoEvent, DemoIntent, DemoIntentTransition, DemoMeeting } from './demo-activity.types';
import type { DemoEnterprise } from './demo-data.types';
import { addDays, daysBetween, minDay } from './demo-dates';
import { FAIR_PARTNER_PREFIX, TOUR_DESTINATIONS } from './demo-event-places';
import { BRAND_WORDS } from './demo-name-parts';
import { amountIn, catalogueLines } from './demo-postings';
import type { Prng } from './prng';

const TARGET = 300;
const EXTERNAL = 40;
const WITHOUT_EVENT = 12;

const TITLE_SUFFIX: Readonly<Record<PostingCategory, string>> = {
  product: '供货合作',
  equipment: '采购项目',
  technology: '联合攻关',
  capacity: '委托加工合作',
  service: '服务合作',
  market: '合作',
};

const EXTERNAL_SUFFIXES = ['有限公司', '科技有限公司', '贸易有限公司', '股份有限公司'];

interface Stages {
  stage: IntentStage;
  signedOn: string | null;
  landedOn: string | null;
  droppedOn: string | null;
}

/** How far an intent got by today: older ones more often signed and landed, about one in ten dropped. */
function stagesOf(rng: Prng, reachedOn: string, today: string, stuck: boolean): Stages {
  const age = daysBetween(reachedOn, today);
  const none: Stages = { stage: 'intent', signedOn: null, landedOn: null, droppedOn: null };
  if (stuck || age < 7) return none;
  if (rng.chance(0.09))
    return { ...none, stage: 'dropped', droppedOn: addDays(reachedOn, rng.int(5, Math.min(age, 200))) };
  if (age < 20 || !rng.chance(Math.min(0.8, 0.3 + age / 600))) return none;
  const signedOn = addDays(reachedOn, rng.int(5, Math.min(age, 150)));
  const sinceSigned = daysBetween(signedOn, today);
  if (sinceSigned >= 10 && rng.chance(0.07))
    return {
      stage: 'dropped',
      signedOn,
      landedOn: null,
      droppedOn: addDays(signedOn, rng.int(5, sinceSigned)),
    };
  if (sinceSigned < 30 || !rng.chance(Math.min(0.75, 0.2 + sinceSigned / 500)))
    return { stage: 'signed', signedOn, landedOn: null, droppedOn: null };
  return {
    stage: 'landed',
    signedOn,
    landedOn: addDays(signedOn, rng.int(30, Math.min(sinceSigned, 240))),
    droppedOn: null,
  };
}

interface Party {
  event: DemoEvent | null;
  meeting: DemoMeeting | null;
  enterprise: string;
  counterpart: string | null;
  counterpartName: string | null;
  counterpartRegion: string | null;
  clusterCode: string;
}

/**
 * ~300 cooperation intents: from meetings that ended in an intent, between two participants of a held event,
 * with external partners met on delegations and study tours outside Liaoning, and a few reached without an
 * event. Stages and dates are consistent (reached ≤ signed ≤ landed ≤ today); a few stay 意向 for over
 * 180 days. The demo enterprise gets two. Transitions record every move.
 */
export function buildIntents(
  rng: Prng,
  events: readonly DemoEvent[],
  meetings: readonly DemoMeeting[],
  enterprises: readonly DemoEnterprise[],
  demoEnterpriseCreditCode: string,
  today: string,
): { intents: DemoIntent[]; transitions: DemoIntentTransition[] } {
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const mainCluster = new Map(enterprises.map((e) => [e.creditCode, e.clusterCodes[0]]));
  const held = events.filter(
    (e) => (e.status === 'held' || e.status === 'closed') && e.participants.length >= 2,
  );
  const parties: Party[] = [];
  const seen = new Set<string>();
  const pairKey = (p: Party) => `${p.event?.key ?? ''}|${p.enterprise}|${p.counterpart ?? p.counterpartName}`;
  const add = (p: Party) => {
    if (p.enterprise === p.counterpart || seen.has(pairKey(p))) return false;
    seen.add(pairKey(p));
    parties.push(p);
    return true;
  };

  // Meetings that ended in an intent.
  for (const m of meetings.filter((x) => x.status === 'intent')) {
    const event = eventByKey.get(m.eventKey)!;
    add({
      event,
      meeting: m,
      enterprise: m.demandCreditCode,
      counterpart: m.supplyCreditCode,
      counterpartName: null,
      counterpartRegion: null,
      clusterCode: event.clusterCodes[0],
    });
  }
  // The demo enterprise: one more, with another participant of its latest held event.
  const demoEvents = held.filter((e) =>
    e.participants.some((p) => p.enterpriseCreditCode === demoEnterpriseCreditCode),
  );
  const demoEvent = demoEvents[0];
  if (demoEvent) {
    const other = demoEvent.participants.find(
      (p) => p.enterpriseCreditCode !== demoEnterpriseCreditCode && p.role !== 'buyer',
    );
    if (other)
      add({
        event: demoEvent,
        meeting: null,
        enterprise: demoEnterpriseCreditCode,
        counterpart: other.enterpriseCreditCode,
        counterpartName: null,
        counterpartRegion: null,
        clusterCode: demoEvent.clusterCodes[0],
      });
  }
  // External partners met outside Liaoning.
  const outside = held.filter(
    (e) => (e.type === 'delegation' || e.type === 'study_tour') && !e.regionCode.startsWith('21'),
  );
  for (let n = 0; n < EXTERNAL * 3 && outside.length > 0 && parties.length < TARGET; n++) {
    if (parties.filter((p) => p.counterpartName).length >= EXTERNAL) break;
    const event = rng.pick(outside);
    const participant = rng.pick(event.participants);
    const clusterCode = event.clusterCodes[0];
    const place = FAIR_PARTNER_PREFIX[event.regionCode] ?? '';
    const product = rng.pick(catalogueLines(clusterCode))[2].split(' ')[0];
    const name = event.title.startsWith('赴') && rng.chance(0.7) ? tourPartner(rng, event) : null;
    add({
      event,
      meeting: null,
      enterprise: participant.enterpriseCreditCode,
      counterpart: null,
      counterpartName: name ?? `${place}${rng.pick(BRAND_WORDS)}${product}${rng.pick(EXTERNAL_SUFFIXES)}`,
      counterpartRegion: event.regionCode,
      clusterCode,
    });
  }
  // Without an event: two firms of a cluster found each other on the platform.
  for (let n = 0; n < WITHOUT_EVENT; n++) {
    const a = rng.pick(enterprises);
    const peers = enterprises.filter((e) => e !== a && e.clusterCodes[0] === a.clusterCodes[0]);
    if (peers.length === 0) continue;
    add({
      event: null,
      meeting: null,
      enterprise: a.creditCode,
      counterpart: rng.pick(peers).creditCode,
      counterpartName: null,
      counterpartRegion: null,
      clusterCode: a.clusterCodes[0],
    });
  }
  // The rest: two participants of a held event, a buyer or visitor with a supplier or exhibitor.
  const pairEvents = held.filter((e) => e.type !== 'delegation' && e.type !== 'study_tour');
  for (let n = 0; parties.length < TARGET && n < TARGET * 5 && pairEvents.length > 0; n++) {
    const event = rng.pick(pairEvents);
    const buyers = event.participants.filter((p) => p.role === 'buyer' || p.role === 'visitor');
    const sellers = event.participants.filter((p) => p.role === 'supplier' || p.role === 'exhibitor');
    if (buyers.length === 0 || sellers.length === 0) continue;
    const buyer = rng.pick(buyers).enterpriseCreditCode;
    add({
      event,
      meeting: null,
      enterprise: buyer,
      counterpart: rng.pick(sellers).enterpriseCreditCode,
      counterpartName: null,
      counterpartRegion: null,
      clusterCode: event.clusterCodes.includes(mainCluster.get(buyer) ?? '')
        ? mainCluster.get(buyer)!
        : event.clusterCodes[0],
    });
  }

  const intents: DemoIntent[] = [];
  const transitions: DemoIntentTransition[] = [];
  parties.forEach((p, index) => {
    const line = rng.pick(catalogueLines(p.clusterCode));
    const subject = rng.pick(line[1].split('/'));
    const base = p.event ? p.event.endDate : addDays(today, -rng.int(30, 600));
    const reachedOn = minDay(addDays(base, p.meeting ? 0 : rng.int(0, 25)), today);
    const demo = p.enterprise === demoEnterpriseCreditCode;
    // A few stay at 意向 for a long time: the department's follow-up list.
    const stuck = daysBetween(reachedOn, today) > 200 && rng.chance(0.06);
    const stages = demo
      ? p.meeting
        ? stagesFixed(reachedOn, today, 'signed')
        : stagesFixed(reachedOn, today, 'intent')
      : stagesOf(rng, reachedOn, today, stuck);
    intents.push({
      enterpriseCreditCode: p.enterprise,
      counterpartCreditCode: p.counterpart,
      counterpartName: p.counterpartName,
      counterpartRegionCode: p.counterpartRegion,
      eventKey: p.event?.key ?? null,
      meetingKey: p.meeting?.key ?? null,
      clusterCode: p.clusterCode,
      title: p.counterpartName
        ? `与${p.counterpartName}${subject}${TITLE_SUFFIX[line[0]]}`
        : `${subject}${TITLE_SUFFIX[line[0]]}`,
      amountWan: amountIn(rng, line[3], line[4]),
      reachedOn,
      ...stages,
    });
    if (stages.signedOn)
      transitions.push({
        intentIndex: index,
        fromStage: 'intent',
        toStage: 'signed',
        onDate: stages.signedOn,
        note: '双方签订合作协议',
      });
    if (stages.landedOn)
      transitions.push({
        intentIndex: index,
        fromStage: 'signed',
        toStage: 'landed',
        onDate: stages.landedOn,
        note: '项目落地实施',
      });
    if (stages.droppedOn)
      transitions.push({
        intentIndex: index,
        fromStage: stages.signedOn ? 'signed' : 'intent',
        toStage: 'dropped',
        onDate: stages.droppedOn,
        note: rng.pick(['对方需求变化，终止合作', '价格未达成一致', '技术指标不满足要求']),
      });
  });
  return { intents, transitions };
}

function stagesFixed(reachedOn: string, today: string, stage: 'intent' | 'signed'): Stages {
  if (stage === 'intent' || daysBetween(reachedOn, today) < 2)
    return { stage: 'intent', signedOn: null, landedOn: null, droppedOn: null };
  return {
    stage: 'signed',
    signedOn: addDays(reachedOn, Math.min(30, daysBetween(reachedOn, today))),
    landedOn: null,
    droppedOn: null,
  };
}

/** Study tours visit named local firms of their destination. */
const TOUR_PARTNERS = new Map<string, readonly string[]>(
  TOUR_DESTINATIONS.map((d) => [d.regionCode, d.partners]),
);

function tourPartner(rng: Prng, event: DemoEvent): string | null {
  const partners = TOUR_PARTNERS.get(event.regionCode);
  return partners ? rng.pick(partners) : null;
}
