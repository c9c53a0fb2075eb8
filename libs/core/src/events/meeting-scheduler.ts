/**
 * Pure 1:1 meeting (洽谈) scheduler for matchmaking events. No NestJS/TypeORM so it can be
 * property-tested in isolation and called from a service or a worker.
 *
 * Model: every slot and every unavailability entry is a half-open interval [start, end), so
 * 09:00–09:30 and 09:30–10:00 do not clash. Two meetings clash when their intervals overlap,
 * even if they come from different (overlapping) slots.
 *
 * Algorithm: greedy, best pair first. Candidates are sorted by score desc, then demand id,
 * supply id, recommendationId (plain code-unit order, not locale order, so the result does
 * not depend on the server locale or the input order). Each candidate takes the earliest slot
 * (by start, then end) and, within it, the lowest table number where both enterprises and the
 * table are free for the whole slot interval. Fixed (already confirmed) meetings are placed
 * first, unchanged, and count against every limit.
 */

/** ISO 8601 date-times with an explicit offset, e.g. `2025-05-20T09:00:00+08:00` or `...Z`. */
export interface TimeSlot {
  start: string;
  end: string;
}

export interface CandidatePair {
  demandEnterpriseId: string;
  supplyEnterpriseId: string;
  score: number;
  recommendationId?: string;
}

export interface FixedMeeting {
  slot: TimeSlot;
  table: number;
  demandEnterpriseId: string;
  supplyEnterpriseId: string;
  recommendationId?: string;
}

export interface ScheduleInput {
  slots: TimeSlot[];
  /** Tables are numbered 1..tables. */
  tables: number;
  candidates: CandidatePair[];
  /** Confirmed meetings to keep as they are (even if their slot/table is gone). */
  fixed: FixedMeeting[];
  /** Per-enterprise cap, fixed meetings included. A non-negative integer or Infinity. */
  maxMeetingsPerEnterprise: number;
  /** enterpriseId → intervals the enterprise cannot attend. */
  unavailable: Record<string, TimeSlot[]>;
}

export interface PlannedMeeting extends FixedMeeting {
  fixed: boolean;
}

/**
 * - `same_enterprise`: demand and supply are the same enterprise.
 * - `duplicate`: the unordered pair already has a meeting (fixed or a better-scored candidate).
 * - `limit`: one of the two had already reached `maxMeetingsPerEnterprise`.
 * - `unavailable`: every slot overlaps a declared unavailability of one of the two.
 * - `no_slot`: no (slot, table) is free for both enterprises and the table.
 */
export type UnplacedReason = 'same_enterprise' | 'duplicate' | 'limit' | 'unavailable' | 'no_slot';

export interface UnplacedPair {
  pair: CandidatePair;
  reason: UnplacedReason;
}

export interface ScheduleResult {
  /** Fixed and new meetings, sorted by slot start, slot end, table, demand id, supply id. */
  meetings: PlannedMeeting[];
  /** In the order the candidates were considered (best first). */
  unplaced: UnplacedPair[];
}

export interface SlotIssue {
  index: number;
  message: string;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Strict ISO 8601 parse to epoch ms, or NaN. `Date.parse` is too lenient: it accepts
 * 2025-02-30 and reads offset-less strings in the server's local zone.
 */
export function parseIsoDateTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const m = ISO_RE.exec(value);
  if (!m) return NaN;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return NaN;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return NaN;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const oh = Number(m[8].slice(1, 3));
    const om = Number(m[8].slice(4, 6));
    if (oh > 14 || om > 59) return NaN;
    offsetMin = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000;
}

/** Problems with the request's slots, bilingual for the API response; empty when all are valid. */
export function validateSlots(slots: TimeSlot[]): SlotIssue[] {
  const issues: SlotIssue[] = [];
  slots.forEach((slot, index) => {
    const start = parseIsoDateTime(slot?.start);
    const end = parseIsoDateTime(slot?.end);
    if (Number.isNaN(start)) {
      issues.push({
        index,
        message:
          '开始时间须为带时区的 ISO 8601 时间，如 2025-05-20T09:00:00+08:00 (start must be an ISO 8601 date-time with offset)',
      });
    }
    if (Number.isNaN(end)) {
      issues.push({
        index,
        message:
          '结束时间须为带时区的 ISO 8601 时间，如 2025-05-20T09:30:00+08:00 (end must be an ISO 8601 date-time with offset)',
      });
    }
    if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) {
      issues.push({ index, message: '结束时间须晚于开始时间 (end must be after start)' });
    }
  });
  return issues;
}

interface Interval {
  start: number;
  end: number;
}

/** Half-open intervals: touching end-to-start is not an overlap. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

function toInterval(slot: TimeSlot, what: string): Interval {
  const start = parseIsoDateTime(slot?.start);
  const end = parseIsoDateTime(slot?.end);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw new RangeError(`invalid ${what}: ${JSON.stringify(slot)}`);
  }
  return { start, end };
}

function cmpStr(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** NaN/±Infinity-safe score: anything non-finite sorts last. */
function sortScore(score: number): number {
  return Number.isFinite(score) ? score : -Infinity;
}

/** The order candidates are considered in: score desc, then a stable key. */
export function compareCandidates(a: CandidatePair, b: CandidatePair): number {
  const sa = sortScore(a.score);
  const sb = sortScore(b.score);
  if (sa !== sb) return sa > sb ? -1 : 1;
  return (
    cmpStr(a.demandEnterpriseId, b.demandEnterpriseId) ||
    cmpStr(a.supplyEnterpriseId, b.supplyEnterpriseId) ||
    cmpStr(a.recommendationId, b.recommendationId)
  );
}

/** Unordered pair key; NUL cannot occur in ids coming from the API. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Assign candidate pairs to (slot, table), best first. Throws RangeError on malformed times or
 * limits; validate request slots with {@link validateSlots} first to answer 400 instead.
 */
export function scheduleMeetings(input: ScheduleInput): ScheduleResult {
  const { tables, maxMeetingsPerEnterprise: max } = input;
  if (!Number.isInteger(tables) || tables < 0)
    throw new RangeError(`tables must be an integer ≥ 0: ${tables}`);
  if (!(max === Infinity || (Number.isInteger(max) && max >= 0))) {
    throw new RangeError(`maxMeetingsPerEnterprise must be an integer ≥ 0 or Infinity: ${max}`);
  }

  // Slots in greedy order; identical intervals collapse to the first so they are not tried twice.
  const slotList = input.slots
    .map((slot, index) => ({ slot, index, ...toInterval(slot, `slot #${index}`) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index)
    .filter((s, i, arr) => i === 0 || s.start !== arr[i - 1].start || s.end !== arr[i - 1].end);
  const n = slotList.length;

  /** Slot indices whose interval overlaps `iv` (n ≤ a few hundred, linear is fine). */
  const overlapping = (iv: Interval): number[] => {
    const out: number[] = [];
    for (let s = 0; s < n; s++) if (intervalsOverlap(slotList[s], iv)) out.push(s);
    return out;
  };

  // Occupancy is tracked per slot, so a new meeting only needs O(1) lookups per slot it tries;
  // a meeting marks every slot its interval overlaps (also for fixed meetings on foreign slots).
  const tablesBusy: Set<number>[] = slotList.map(() => new Set<number>());
  const busy = new Map<string, Uint8Array>();
  const blocked = new Map<string, Uint8Array>();
  const count = new Map<string, number>();
  const met = new Set<string>();

  const busyOf = (id: string): Uint8Array => {
    let a = busy.get(id);
    if (!a) busy.set(id, (a = new Uint8Array(n)));
    return a;
  };
  const noBlock = new Uint8Array(n);
  for (const id of Object.keys(input.unavailable ?? {}).sort()) {
    const a = new Uint8Array(n);
    input.unavailable[id].forEach((u, i) => {
      for (const s of overlapping(toInterval(u, `unavailable[${id}][${i}]`))) a[s] = 1;
    });
    blocked.set(id, a);
  }
  const blockedOf = (id: string): Uint8Array => blocked.get(id) ?? noBlock;

  const occupy = (iv: Interval, table: number, a: string, b: string): void => {
    for (const s of overlapping(iv)) {
      tablesBusy[s].add(table);
      busyOf(a)[s] = 1;
      busyOf(b)[s] = 1;
    }
    count.set(a, (count.get(a) ?? 0) + 1);
    if (b !== a) count.set(b, (count.get(b) ?? 0) + 1);
    met.add(pairKey(a, b));
  };

  const meetings: (PlannedMeeting & { _iv: Interval })[] = [];
  input.fixed.forEach((f, i) => {
    const iv = toInterval(f.slot, `fixed[${i}].slot`);
    occupy(iv, f.table, f.demandEnterpriseId, f.supplyEnterpriseId);
    meetings.push({ ...f, slot: { ...f.slot }, fixed: true, _iv: iv });
  });

  const unplaced: UnplacedPair[] = [];
  for (const pair of [...input.candidates].sort(compareCandidates)) {
    const a = pair.demandEnterpriseId;
    const b = pair.supplyEnterpriseId;
    let reason: UnplacedReason | undefined;
    if (a === b) reason = 'same_enterprise';
    else if (met.has(pairKey(a, b))) reason = 'duplicate';
    else if ((count.get(a) ?? 0) >= max || (count.get(b) ?? 0) >= max) reason = 'limit';
    if (reason) {
      unplaced.push({ pair, reason });
      continue;
    }
    const busyA = busyOf(a);
    const busyB = busyOf(b);
    const blockA = blockedOf(a);
    const blockB = blockedOf(b);
    let placed = false;
    let anyAvailable = false;
    for (let s = 0; s < n && !placed; s++) {
      if (blockA[s] || blockB[s]) continue;
      anyAvailable = true;
      if (busyA[s] || busyB[s]) continue;
      // Lowest free table; the scan is bounded by the number of busy tables + 1.
      let t = 1;
      while (t <= tables && tablesBusy[s].has(t)) t++;
      if (t > tables) continue;
      const sl = slotList[s];
      occupy(sl, t, a, b);
      meetings.push({
        slot: { start: sl.slot.start, end: sl.slot.end },
        table: t,
        demandEnterpriseId: a,
        supplyEnterpriseId: b,
        ...(pair.recommendationId !== undefined ? { recommendationId: pair.recommendationId } : {}),
        fixed: false,
        _iv: sl,
      });
      placed = true;
    }
    if (!placed) unplaced.push({ pair, reason: n > 0 && !anyAvailable ? 'unavailable' : 'no_slot' });
  }

  meetings.sort(
    (x, y) =>
      x._iv.start - y._iv.start ||
      x._iv.end - y._iv.end ||
      x.table - y.table ||
      cmpStr(x.demandEnterpriseId, y.demandEnterpriseId) ||
      cmpStr(x.supplyEnterpriseId, y.supplyEnterpriseId) ||
      Number(y.fixed) - Number(x.fixed) ||
      cmpStr(x.recommendationId, y.recommendationId),
  );
  return { meetings: meetings.map(({ _iv, ...m }) => m), unplaced };
}
