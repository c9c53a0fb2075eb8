import type { MeetingStatus } from '../events/meeting.entity';
import { scheduleMeetings, type CandidatePair, type TimeSlot } from '../events/meeting-scheduler';
import type { DemoEvent, DemoMeeting } from './demo-activity.types';
import type { DemoEnterprise } from './demo-data.types';
import { chinaTime } from './demo-dates';
import type { Prng } from './prng';

const MEETING_SHARE = 0.5;
const MAX_PER_ENTERPRISE = 4;

/** Half-hour slots, 09:00–11:30 and 13:30–16:30 on the first day. */
function slotsOf(day: string): TimeSlot[] {
  const starts = [
    [9, 0],
    [9, 30],
    [10, 0],
    [10, 30],
    [11, 0],
    [13, 30],
    [14, 0],
    [14, 30],
    [15, 0],
    [15, 30],
    [16, 0],
  ];
  return starts.map(([h, m]) => ({
    start: chinaTime(day, h, m),
    end: m === 30 ? chinaTime(day, h + 1, 0) : chinaTime(day, h, 30),
  }));
}

function pastStatus(rng: Prng, bothCheckedIn: boolean, demo: boolean): MeetingStatus {
  if (demo) return 'intent';
  if (!bothCheckedIn) return 'no_show';
  return rng.weighted<MeetingStatus>([
    ['held', 76],
    ['intent', 16],
    ['no_show', 8],
  ]);
}

/**
 * 1:1 meetings for about half of the matchmaking events (and every one the demo enterprise attends), placed
 * by the real scheduler so no enterprise or table is double-booked. Candidates are buyer × supplier pairs
 * scored higher when they share a cluster. Past meetings are held, no-shows (a party did not check in) or
 * ended in an intent; upcoming ones are scheduled or confirmed.
 */
export function buildMeetings(
  rng: Prng,
  events: readonly DemoEvent[],
  enterprises: readonly DemoEnterprise[],
  demoEnterpriseCreditCode: string,
): DemoMeeting[] {
  const clustersOf = new Map(enterprises.map((e) => [e.creditCode, e.clusterCodes]));
  const meetings: DemoMeeting[] = [];
  for (const event of events) {
    if (event.type !== 'matchmaking' || event.status === 'cancelled') continue;
    const hasDemo = event.participants.some((p) => p.enterpriseCreditCode === demoEnterpriseCreditCode);
    if (!hasDemo && !rng.chance(MEETING_SHARE)) continue;
    const buyers = event.participants.filter((p) => p.role === 'buyer');
    const suppliers = event.participants.filter((p) => p.role === 'supplier');
    if (buyers.length < 2 || suppliers.length < 2) continue;

    const candidates: CandidatePair[] = [];
    for (const buyer of buyers) {
      const isDemo = buyer.enterpriseCreditCode === demoEnterpriseCreditCode;
      const pool = [...suppliers];
      for (let k = Math.min(pool.length, rng.int(2, 5)); k > 0; k--) {
        const supplier = pool.splice(rng.int(0, pool.length - 1), 1)[0];
        const shared = (clustersOf.get(buyer.enterpriseCreditCode) ?? []).some((c) =>
          (clustersOf.get(supplier.enterpriseCreditCode) ?? []).includes(c),
        );
        const score = isDemo ? 0.99 : Math.min(0.98, 0.35 + rng.next() * 0.45 + (shared ? 0.15 : 0));
        candidates.push({
          demandEnterpriseId: buyer.enterpriseCreditCode,
          supplyEnterpriseId: supplier.enterpriseCreditCode,
          score: Math.round(score * 1000) / 1000,
        });
      }
    }
    // Some firms come for the morning only.
    const day = event.startDate;
    const unavailable: Record<string, TimeSlot[]> = {};
    for (const p of event.participants)
      if (p.enterpriseCreditCode !== demoEnterpriseCreditCode && rng.chance(0.1))
        unavailable[p.enterpriseCreditCode] = [{ start: chinaTime(day, 12, 0), end: chinaTime(day, 18, 0) }];

    const { meetings: planned } = scheduleMeetings({
      slots: slotsOf(day),
      tables: rng.int(6, 12),
      candidates,
      fixed: [],
      maxMeetingsPerEnterprise: MAX_PER_ENTERPRISE,
      unavailable,
    });
    const checkedIn = new Set(
      event.participants.filter((p) => p.checkedInAt).map((p) => p.enterpriseCreditCode),
    );
    const past = event.status === 'held' || event.status === 'closed';
    let demoIntentGiven = false;
    planned.forEach((m, i) => {
      const demo = m.demandEnterpriseId === demoEnterpriseCreditCode;
      let status: MeetingStatus;
      if (past) {
        const both = checkedIn.has(m.demandEnterpriseId) && checkedIn.has(m.supplyEnterpriseId);
        status = pastStatus(rng, both, demo && both && !demoIntentGiven);
        if (demo && status === 'intent') demoIntentGiven = true;
      } else {
        status = demo || rng.chance(0.4) ? 'confirmed' : 'scheduled';
      }
      const score = candidates.find(
        (c) => c.demandEnterpriseId === m.demandEnterpriseId && c.supplyEnterpriseId === m.supplyEnterpriseId,
      )?.score;
      meetings.push({
        key: `${event.key}-M${String(i + 1).padStart(3, '0')}`,
        eventKey: event.key,
        slotStart: m.slot.start,
        slotEnd: m.slot.end,
        table: m.table,
        demandCreditCode: m.demandEnterpriseId,
        supplyCreditCode: m.supplyEnterpriseId,
        score: score ?? 0.5,
        status,
      });
    });
  }
  return meetings;
}
