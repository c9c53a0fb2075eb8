import fc from 'fast-check';
import {
  CandidatePair,
  FixedMeeting,
  PlannedMeeting,
  ScheduleInput,
  ScheduleResult,
  TimeSlot,
  pairKey,
  parseIsoDateTime,
  scheduleMeetings,
  validateSlots,
} from './meeting-scheduler';

// 2025-05-20 09:00 in Shanghai; times in tests are "minutes after 09:00".
const T0 = Date.UTC(2025, 4, 20, 1, 0);
const iso = (min: number): string => new Date(T0 + min * 60_000).toISOString();
const slot = (from: number, to: number): TimeSlot => ({ start: iso(from), end: iso(to) });
const cand = (d: string, s: string, score: number, recommendationId?: string): CandidatePair => ({
  demandEnterpriseId: d,
  supplyEnterpriseId: s,
  score,
  ...(recommendationId ? { recommendationId } : {}),
});
const input = (over: Partial<ScheduleInput>): ScheduleInput => ({
  slots: [],
  tables: 1,
  candidates: [],
  fixed: [],
  maxMeetingsPerEnterprise: Infinity,
  unavailable: {},
  ...over,
});
const brief = (r: ScheduleResult) =>
  r.meetings.map(
    (m) => `${m.demandEnterpriseId}-${m.supplyEnterpriseId}@${m.slot.start.slice(11, 16)}#${m.table}`,
  );

describe('parseIsoDateTime / validateSlots', () => {
  it('parses offsets and rejects lenient or ambiguous forms', () => {
    expect(parseIsoDateTime('2025-05-20T09:00:00+08:00')).toBe(Date.UTC(2025, 4, 20, 1, 0));
    expect(parseIsoDateTime('2025-05-20T01:00Z')).toBe(Date.UTC(2025, 4, 20, 1, 0));
    expect(parseIsoDateTime('2025-05-20T01:00:00.250Z')).toBe(Date.UTC(2025, 4, 20, 1, 0, 0, 250));
    expect(parseIsoDateTime('2025-02-30T09:00:00Z')).toBeNaN(); // Date.parse accepts this
    expect(parseIsoDateTime('2024-02-29T09:00:00Z')).toBe(Date.UTC(2024, 1, 29, 9));
    expect(parseIsoDateTime('2025-05-20T09:00:00')).toBeNaN(); // no offset: server-zone dependent
    expect(parseIsoDateTime('2025-05-20')).toBeNaN();
    expect(parseIsoDateTime('2025-05-20T24:00:00Z')).toBeNaN();
    expect(parseIsoDateTime(undefined)).toBeNaN();
  });

  it('reports bad slots by index with bilingual messages', () => {
    const issues = validateSlots([
      slot(0, 30),
      { start: iso(30), end: iso(30) },
      { start: 'tomorrow', end: iso(60) },
      { start: iso(90), end: iso(60) },
    ]);
    expect(issues).toEqual([
      { index: 1, message: '结束时间须晚于开始时间 (end must be after start)' },
      { index: 2, message: expect.stringContaining('开始时间') },
      { index: 3, message: '结束时间须晚于开始时间 (end must be after start)' },
    ]);
    expect(issues[1].message).toContain('(start must be');
    expect(validateSlots([slot(0, 30), slot(15, 45)])).toEqual([]);
  });

  it('scheduleMeetings refuses malformed input instead of guessing', () => {
    expect(() => scheduleMeetings(input({ slots: [{ start: iso(30), end: iso(0) }] }))).toThrow(RangeError);
    expect(() => scheduleMeetings(input({ tables: 1.5 }))).toThrow(RangeError);
    expect(() => scheduleMeetings(input({ maxMeetingsPerEnterprise: -1 }))).toThrow(RangeError);
    expect(() => scheduleMeetings(input({ unavailable: { a: [{ start: 'x', end: iso(1) }] } }))).toThrow(
      RangeError,
    );
  });
});

describe('scheduleMeetings examples', () => {
  it('gives the only table to the best pair', () => {
    const r = scheduleMeetings(
      input({ slots: [slot(0, 30)], candidates: [cand('c', 'd', 0.5), cand('a', 'b', 0.9)] }),
    );
    expect(brief(r)).toEqual(['a-b@01:00#1']);
    expect(r.unplaced).toEqual([{ pair: cand('c', 'd', 0.5), reason: 'no_slot' }]);
  });

  it('gives better pairs the earlier slot and the lower table, whatever the slot order', () => {
    const r = scheduleMeetings(
      input({
        slots: [slot(30, 60), slot(0, 30)],
        tables: 2,
        candidates: [cand('a', 'c', 0.7), cand('a', 'b', 0.9), cand('x', 'y', 0.8)],
      }),
    );
    expect(brief(r)).toEqual(['a-b@01:00#1', 'x-y@01:00#2', 'a-c@01:30#1']);
  });

  it('spends the limit on the better pair', () => {
    const r = scheduleMeetings(
      input({
        slots: [slot(0, 30), slot(30, 60)],
        maxMeetingsPerEnterprise: 1,
        candidates: [cand('a', 'c', 0.8), cand('a', 'b', 0.9), cand('d', 'c', 0.1)],
      }),
    );
    expect(brief(r)).toEqual(['a-b@01:00#1', 'd-c@01:30#1']);
    expect(r.unplaced).toEqual([{ pair: cand('a', 'c', 0.8), reason: 'limit' }]);
  });

  it('breaks score ties by enterprise ids, not input order', () => {
    const cs = [cand('b', 'z', 1), cand('a', 'z', 1), cand('a', 'y', 1)];
    const r1 = scheduleMeetings(input({ slots: [slot(0, 30)], candidates: cs }));
    const r2 = scheduleMeetings(input({ slots: [slot(0, 30)], candidates: [...cs].reverse() }));
    expect(brief(r1)).toEqual(['a-y@01:00#1']);
    expect(r2).toEqual(r1);
  });

  it('treats overlapping slots as a clash but touching slots as free', () => {
    const overlapping = scheduleMeetings(
      input({
        slots: [slot(0, 60), slot(30, 90)],
        tables: 5,
        candidates: [cand('a', 'b', 2), cand('a', 'c', 1)],
      }),
    );
    expect(brief(overlapping)).toEqual(['a-b@01:00#1']);
    expect(overlapping.unplaced[0].reason).toBe('no_slot');

    const touching = scheduleMeetings(
      input({ slots: [slot(0, 30), slot(30, 60)], candidates: [cand('a', 'b', 2), cand('a', 'c', 1)] }),
    );
    expect(brief(touching)).toEqual(['a-b@01:00#1', 'a-c@01:30#1']);
  });

  it('blocks an enterprise that is on the demand side in one pair and the supply side in another', () => {
    const r = scheduleMeetings(
      input({
        slots: [slot(0, 30), slot(30, 60)],
        tables: 3,
        candidates: [cand('a', 'b', 2), cand('c', 'a', 1)],
      }),
    );
    expect(brief(r)).toEqual(['a-b@01:00#1', 'c-a@01:30#1']);
  });

  it('does not share a table between overlapping slots', () => {
    const r = scheduleMeetings(
      input({
        slots: [slot(0, 60), slot(30, 90)],
        tables: 1,
        candidates: [cand('a', 'b', 2), cand('c', 'd', 1)],
      }),
    );
    expect(brief(r)).toEqual(['a-b@01:00#1']);
    expect(r.unplaced.map((u) => u.reason)).toEqual(['no_slot']);
  });

  it('keeps fixed meetings on vanished slots/tables and lets them block enterprise and table', () => {
    const gone: FixedMeeting = {
      slot: { start: '2025-05-20T09:00:00+08:00', end: '2025-05-20T10:00:00+08:00' },
      table: 99,
      demandEnterpriseId: 'a',
      supplyEnterpriseId: 'b',
      recommendationId: 'r-fixed',
    };
    const onTable1: FixedMeeting = {
      slot: slot(60, 120),
      table: 1,
      demandEnterpriseId: 'x',
      supplyEnterpriseId: 'y',
    };
    const r = scheduleMeetings(
      input({
        slots: [slot(30, 60), slot(90, 120)],
        tables: 2,
        fixed: [onTable1, gone],
        candidates: [cand('a', 'c', 3), cand('d', 'e', 2)],
      }),
    );
    expect(r.meetings).toEqual(
      [
        { ...gone, fixed: true },
        { ...onTable1, fixed: true },
        { slot: slot(90, 120), table: 2, demandEnterpriseId: 'a', supplyEnterpriseId: 'c', fixed: false },
        { slot: slot(30, 60), table: 1, demandEnterpriseId: 'd', supplyEnterpriseId: 'e', fixed: false },
      ].sort((m, n) => parseIsoDateTime(m.slot.start) - parseIsoDateTime(n.slot.start) || m.table - n.table),
    );
    expect(r.unplaced).toEqual([]);
  });

  it('counts fixed meetings against the limit and the once-per-pair rule (either orientation)', () => {
    const fixed: FixedMeeting[] = [
      { slot: slot(0, 30), table: 1, demandEnterpriseId: 'a', supplyEnterpriseId: 'b' },
    ];
    const r = scheduleMeetings(
      input({
        slots: [slot(30, 60), slot(60, 90)],
        maxMeetingsPerEnterprise: 2,
        fixed,
        candidates: [cand('b', 'a', 9), cand('a', 'c', 5), cand('c', 'a', 4), cand('a', 'd', 3)],
      }),
    );
    expect(brief(r)).toEqual(['a-b@01:00#1', 'a-c@01:30#1']);
    expect(r.unplaced.map((u) => [u.pair.demandEnterpriseId + u.pair.supplyEnterpriseId, u.reason])).toEqual([
      ['ba', 'duplicate'],
      ['ca', 'duplicate'],
      ['ad', 'limit'],
    ]);
  });

  it('respects unavailability and says so when it is the only obstacle', () => {
    const r = scheduleMeetings(
      input({
        slots: [slot(0, 30), slot(30, 60)],
        candidates: [cand('a', 'b', 2), cand('c', 'd', 1), cand('a', 'a', 5)],
        unavailable: { a: [slot(0, 10)], d: [slot(20, 40)] },
      }),
    );
    expect(brief(r)).toEqual(['a-b@01:30#1']);
    expect(r.unplaced.map((u) => u.reason)).toEqual(['same_enterprise', 'unavailable']);
  });

  it('reports no_slot, not unavailable, when there are no slots or tables', () => {
    expect(scheduleMeetings(input({ candidates: [cand('a', 'b', 1)] })).unplaced[0].reason).toBe('no_slot');
    expect(
      scheduleMeetings(input({ slots: [slot(0, 30)], tables: 0, candidates: [cand('a', 'b', 1)] }))
        .unplaced[0].reason,
    ).toBe('no_slot');
  });

  it('sorts non-finite scores last', () => {
    const r = scheduleMeetings(
      input({
        slots: [slot(0, 30)],
        candidates: [cand('a', 'b', NaN), cand('c', 'd', -5), cand('e', 'f', Infinity)],
      }),
    );
    expect(brief(r)).toEqual(['c-d@01:00#1']);
  });

  it('handles an event-sized input (300 enterprises, 3,000 pairs, 40 slots, 50 tables)', () => {
    const rng = lcg(42);
    const ids = Array.from({ length: 300 }, (_, i) => `e${String(i).padStart(3, '0')}`);
    const candidates = Array.from({ length: 3000 }, (_, i) => {
      const d = ids[Math.floor(rng() * 150)];
      const s = ids[150 + Math.floor(rng() * 150)];
      return cand(d, s, Math.round(rng() * 1000) / 1000, `r${i}`);
    });
    const slots = Array.from({ length: 40 }, (_, i) => slot(i * 20, i * 20 + 20));
    const r = scheduleMeetings(input({ slots, tables: 50, candidates, maxMeetingsPerEnterprise: 8 }));
    expect(r.meetings.length + r.unplaced.length).toBe(3000);
    expect(r.meetings.length).toBeGreaterThan(500);
    assertInvariants(input({ slots, tables: 50, candidates, maxMeetingsPerEnterprise: 8 }), r);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

function lcg(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  const rng = lcg(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const idArb = fc.constantFrom(...ids);
// 15-minute grid over ~4 hours so slots, fixed meetings and unavailability overlap often.
const intervalArb = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 4 }))
  .map(([s, len]) => slot(s * 15, (s + len) * 15));
const inputArb: fc.Arbitrary<ScheduleInput> = fc.record({
  slots: fc.array(intervalArb, { maxLength: 8 }),
  tables: fc.integer({ min: 0, max: 4 }),
  candidates: fc.array(
    fc.record(
      {
        demandEnterpriseId: idArb,
        supplyEnterpriseId: idArb,
        score: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 1, noNaN: true })),
        recommendationId: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      },
      { requiredKeys: ['demandEnterpriseId', 'supplyEnterpriseId', 'score'] },
    ),
    { maxLength: 25 },
  ),
  fixed: fc.array(
    fc.record({
      slot: intervalArb,
      table: fc.integer({ min: 1, max: 6 }),
      demandEnterpriseId: idArb,
      supplyEnterpriseId: idArb,
    }),
    { maxLength: 4 },
  ),
  maxMeetingsPerEnterprise: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Infinity)),
  unavailable: fc.dictionary(idArb, fc.array(intervalArb, { maxLength: 2 }), { maxKeys: 4 }),
});

type Iv = { start: number; end: number };
const ivOf = (s: TimeSlot): Iv => ({ start: parseIsoDateTime(s.start), end: parseIsoDateTime(s.end) });
const overlap = (x: Iv, y: Iv) => x.start < y.end && y.start < x.end;
const shares = (m: { demandEnterpriseId: string; supplyEnterpriseId: string }, e: string) =>
  m.demandEnterpriseId === e || m.supplyEnterpriseId === e;
const unavailableAt = (inp: ScheduleInput, e: string, iv: Iv) =>
  (inp.unavailable[e] ?? []).some((u) => overlap(ivOf(u), iv));

/**
 * Every guarantee the caller relies on, checked against the final schedule only. Collects
 * violations instead of calling expect in loops so a failure lists all of them (and it is fast).
 */
function assertInvariants(inp: ScheduleInput, r: ScheduleResult): void {
  const problems: string[] = [];
  const fail = (msg: string, ...data: unknown[]) => problems.push(`${msg} ${JSON.stringify(data)}`);
  const all = r.meetings.map((m) => ({ m, iv: ivOf(m.slot) }));
  const fresh = all.filter((x) => !x.m.fixed);
  const count = new Map<string, number>();
  for (const { m } of all) {
    for (const e of new Set([m.demandEnterpriseId, m.supplyEnterpriseId]))
      count.set(e, (count.get(e) ?? 0) + 1);
  }
  const pairCount = new Map<string, number>();
  for (const { m } of all) {
    const k = pairKey(m.demandEnterpriseId, m.supplyEnterpriseId);
    pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
  }

  // Fixed meetings come back unchanged, each exactly once.
  expect(all.filter((x) => x.m.fixed).map((x) => x.m)).toEqual(
    expect.arrayContaining(inp.fixed.map((f) => ({ ...f, fixed: true }))),
  );
  expect(all.filter((x) => x.m.fixed)).toHaveLength(inp.fixed.length);

  const slotStrings = new Set(inp.slots.map((s) => `${s.start}/${s.end}`));
  for (const x of fresh) {
    const { m, iv } = x;
    if (!slotStrings.has(`${m.slot.start}/${m.slot.end}`)) fail('not a requested slot', m);
    if (!(Number.isInteger(m.table) && m.table >= 1 && m.table <= inp.tables)) fail('table out of range', m);
    if (m.demandEnterpriseId === m.supplyEnterpriseId) fail('self meeting', m);
    for (const e of [m.demandEnterpriseId, m.supplyEnterpriseId]) {
      if (unavailableAt(inp, e, iv)) fail('unavailable time used', e, m);
      if (count.get(e)! > inp.maxMeetingsPerEnterprise) fail('limit exceeded', e, count.get(e));
    }
    for (const y of all) {
      if (y === x || !overlap(iv, y.iv)) continue;
      if (y.m.table === m.table) fail('table double-booked', m, y.m);
      if (shares(y.m, m.demandEnterpriseId) || shares(y.m, m.supplyEnterpriseId))
        fail('enterprise double-booked', m, y.m);
    }
    // A pair never meets twice (the other meeting may be fixed or new).
    if (pairCount.get(pairKey(m.demandEnterpriseId, m.supplyEnterpriseId))! > 1) fail('pair meets twice', m);
  }

  // Every candidate is accounted for exactly once: placed or unplaced.
  const key = (c: { demandEnterpriseId: string; supplyEnterpriseId: string; recommendationId?: string }) =>
    JSON.stringify([c.demandEnterpriseId, c.supplyEnterpriseId, c.recommendationId]);
  const pool = new Map<string, number>();
  for (const c of inp.candidates) pool.set(key(c), (pool.get(key(c)) ?? 0) + 1);
  for (const c of [...fresh.map((x) => x.m), ...r.unplaced.map((u) => u.pair)]) {
    const left = pool.get(key(c)) ?? 0;
    if (left === 0) fail('not a candidate, or reported twice', c);
    pool.set(key(c), left - 1);
  }
  if (fresh.length + r.unplaced.length !== inp.candidates.length) fail('candidates lost');

  // Each reason is true of the final schedule (meetings only get added, so it held when decided).
  const clashBySlot = inp.slots.map((s) => all.filter((x) => overlap(x.iv, ivOf(s))));
  for (const { pair, reason } of r.unplaced) {
    const a = pair.demandEnterpriseId;
    const b = pair.supplyEnterpriseId;
    const blockedSlot = (s: TimeSlot) => unavailableAt(inp, a, ivOf(s)) || unavailableAt(inp, b, ivOf(s));
    switch (reason) {
      case 'same_enterprise':
        if (a !== b) fail('not the same enterprise', pair);
        break;
      case 'duplicate':
        if (!pairCount.has(pairKey(a, b))) fail('not a duplicate', pair);
        break;
      case 'limit':
        if (Math.max(count.get(a) ?? 0, count.get(b) ?? 0) < inp.maxMeetingsPerEnterprise)
          fail('not at limit', pair);
        break;
      case 'unavailable':
        if (inp.slots.length === 0 || !inp.slots.every(blockedSlot)) fail('not unavailable', pair);
        break;
      case 'no_slot':
        // Maximality: no (slot, table) would have taken this pair.
        inp.slots.forEach((s, i) => {
          if (blockedSlot(s)) return;
          const clash = clashBySlot[i];
          if (clash.some((x) => shares(x.m, a) || shares(x.m, b))) return;
          for (let t = 1; t <= inp.tables; t++) {
            if (!clash.some((x) => x.m.table === t)) fail('fits but reported no_slot', pair, s, t);
          }
        });
        break;
      default:
        throw new Error(`unknown reason ${reason satisfies never}`);
    }
  }
  expect(problems).toEqual([]);
}

/**
 * Obviously-correct O(n²) version of the documented greedy: same order, same choice of
 * (earliest slot, lowest table); used to check the indexed implementation picks the same.
 */
function naiveGreedy(inp: ScheduleInput): PlannedMeeting[] {
  const placed: { m: PlannedMeeting; iv: Iv }[] = inp.fixed.map((f) => ({
    m: { ...f, fixed: true },
    iv: ivOf(f.slot),
  }));
  const slots = [...inp.slots].sort((x, y) => ivOf(x).start - ivOf(y).start || ivOf(x).end - ivOf(y).end);
  const order = [...inp.candidates].sort((x, y) => {
    const sx = Number.isFinite(x.score) ? x.score : -Infinity;
    const sy = Number.isFinite(y.score) ? y.score : -Infinity;
    if (sx !== sy) return sy > sx ? 1 : -1;
    const kx = [x.demandEnterpriseId, x.supplyEnterpriseId, x.recommendationId ?? ''];
    const ky = [y.demandEnterpriseId, y.supplyEnterpriseId, y.recommendationId ?? ''];
    for (let i = 0; i < 3; i++) if (kx[i] !== ky[i]) return kx[i] < ky[i] ? -1 : 1;
    return 0;
  });
  const countOf = (e: string) => placed.filter((p) => shares(p.m, e)).length;
  for (const c of order) {
    const a = c.demandEnterpriseId;
    const b = c.supplyEnterpriseId;
    if (a === b) continue;
    if (placed.some((p) => pairKey(p.m.demandEnterpriseId, p.m.supplyEnterpriseId) === pairKey(a, b)))
      continue;
    if (countOf(a) >= inp.maxMeetingsPerEnterprise || countOf(b) >= inp.maxMeetingsPerEnterprise) continue;
    outer: for (const s of slots) {
      const iv = ivOf(s);
      if (unavailableAt(inp, a, iv) || unavailableAt(inp, b, iv)) continue;
      const clash = placed.filter((p) => overlap(p.iv, iv));
      if (clash.some((p) => shares(p.m, a) || shares(p.m, b))) continue;
      for (let t = 1; t <= inp.tables; t++) {
        if (clash.some((p) => p.m.table === t)) continue;
        const m: PlannedMeeting = {
          slot: { ...s },
          table: t,
          demandEnterpriseId: a,
          supplyEnterpriseId: b,
          fixed: false,
        };
        if (c.recommendationId !== undefined) m.recommendationId = c.recommendationId;
        placed.push({ m, iv });
        break outer;
      }
    }
  }
  return placed.map((p) => p.m);
}

describe('scheduleMeetings properties', () => {
  it('never double-books, exceeds limits, uses unavailable time, moves fixed meetings or leaves a placeable pair out', () => {
    fc.assert(
      fc.property(inputArb, (inp) => {
        assertInvariants(inp, scheduleMeetings(inp));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic under shuffled candidates, slots, fixed meetings and unavailability', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (inp, seed) => {
        const shuffled: ScheduleInput = {
          ...inp,
          candidates: shuffle(inp.candidates, seed),
          slots: shuffle(inp.slots, seed + 1),
          fixed: shuffle(inp.fixed, seed + 2),
          unavailable: Object.fromEntries(
            shuffle(Object.entries(inp.unavailable), seed + 3).map(([k, v]) => [k, shuffle(v, seed + 4)]),
          ),
        };
        expect(scheduleMeetings(shuffled)).toEqual(scheduleMeetings(inp));
      }),
      { numRuns: 300 },
    );
  });

  it('makes the same choices as a naive greedy (best first, earliest slot, lowest table)', () => {
    const norm = (ms: PlannedMeeting[]) =>
      ms
        .map((m) =>
          JSON.stringify([
            m.slot,
            m.table,
            m.demandEnterpriseId,
            m.supplyEnterpriseId,
            m.fixed,
            m.recommendationId,
          ]),
        )
        .sort();
    fc.assert(
      fc.property(inputArb, (inp) => {
        expect(norm(scheduleMeetings(inp).meetings)).toEqual(norm(naiveGreedy(inp)));
      }),
      { numRuns: 500 },
    );
  });
});
