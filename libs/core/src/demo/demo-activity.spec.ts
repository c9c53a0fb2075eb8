import { EVENT_STATUSES, EVENT_TYPES } from '../events/event.entity';
import { MEETING_STATUSES } from '../events/meeting.entity';
import { INTENT_STAGES } from '../intents/intent.entity';
import { POSTING_CATEGORIES, POSTING_STATUSES } from '../postings/posting.entity';
import { isLiaoning, regionError } from '../registry/identifiers/region-codes';
import { demoBinding } from './demo-activity';
import { buildDemoDataSet } from './demo-data';
import { addDays, DEMO_TODAY } from './demo-dates';

describe('demo activity', () => {
  const data = buildDemoDataSet();
  const { activity, associations, enterprises } = data;
  const { postings, events, meetings, intents, transitions, today } = activity;
  const enterpriseCodes = new Set(enterprises.map((e) => e.creditCode));
  const associationCodes = new Set(associations.map((a) => a.creditCode));
  const clusterCodes = new Set(data.clusters.map((c) => c.code));
  const binding = demoBinding(data.memberships)!;
  const eventByKey = new Map(events.map((e) => [e.key, e]));
  const isDay = (d: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

  it('is deterministic and built around 2026-11-28', () => {
    expect(today).toBe(DEMO_TODAY);
    expect(buildDemoDataSet().activity).toEqual(activity);
    expect(buildDemoDataSet({ seed: 7 }).activity.postings).not.toEqual(postings);
  });

  it('has about the sizes asked for', () => {
    expect(postings.length).toBeGreaterThanOrEqual(550);
    expect(postings.length).toBeLessThanOrEqual(700);
    expect(events.length).toBeGreaterThanOrEqual(240);
    expect(events.length).toBeLessThanOrEqual(280);
    expect(intents.length).toBeGreaterThanOrEqual(280);
    expect(intents.length).toBeLessThanOrEqual(320);
    expect(meetings.length).toBeGreaterThan(300);
  });

  it('gives postings valid categories, statuses, dates and regions', () => {
    for (const p of postings) {
      expect(enterpriseCodes.has(p.enterpriseCreditCode)).toBe(true);
      expect(POSTING_CATEGORIES).toContain(p.category);
      expect(POSTING_STATUSES).toContain(p.status);
      expect(clusterCodes.has(p.clusterCode)).toBe(true);
      expect(p.title.length).toBeLessThanOrEqual(100);
      expect(p.keywords.length).toBeGreaterThan(0);
      expect(isDay(p.validUntil)).toBe(true);
      expect(p.publishedAt === null).toBe(p.status === 'draft');
      if (p.amountWan !== null) expect(p.amountWan).toBeGreaterThan(0);
      expect(isLiaoning(p.regionCode)).toBe(true);
    }
    const published = postings.filter((p) => p.status === 'published');
    expect(published.filter((p) => p.validUntil >= '2027-01-01').length / published.length).toBeGreaterThan(
      0.8,
    );
    expect(published.some((p) => p.validUntil < today)).toBe(true);
    expect(new Set(postings.map((p) => p.category))).toEqual(new Set(POSTING_CATEGORIES));
  });

  it('gives events valid types, statuses, dates, organisers, clusters and places', () => {
    const keys = new Set<string>();
    for (const e of events) {
      expect(keys.has(e.key)).toBe(false);
      keys.add(e.key);
      expect(EVENT_TYPES).toContain(e.type);
      expect(EVENT_STATUSES).toContain(e.status);
      expect(associationCodes.has(e.associationCreditCode)).toBe(true);
      for (const co of e.coOrganiserCreditCodes) {
        expect(associationCodes.has(co)).toBe(true);
        expect(co).not.toBe(e.associationCreditCode);
      }
      expect(e.clusterCodes.length).toBeGreaterThanOrEqual(1);
      expect(e.clusterCodes.length).toBeLessThanOrEqual(3);
      expect(new Set(e.clusterCodes).size).toBe(e.clusterCodes.length);
      for (const c of e.clusterCodes) expect(clusterCodes.has(c)).toBe(true);
      expect(isDay(e.startDate) && isDay(e.endDate)).toBe(true);
      expect(e.endDate >= e.startDate).toBe(true);
      expect(e.startDate >= '2025-01-01').toBe(true);
      expect(regionError(e.regionCode)).toBeNull();
      // Past events are held, closed or cancelled; upcoming ones planned, open or cancelled.
      if (e.startDate > today) expect(['planned', 'open', 'cancelled']).toContain(e.status);
      if (e.endDate < today) expect(['held', 'closed', 'cancelled']).toContain(e.status);
      expect(e.heldAt !== null).toBe(e.status === 'held' || e.status === 'closed');
      expect(e.closedAt !== null).toBe(e.status === 'closed');
      if (e.closedAt) expect(e.closedAt.slice(0, 10) < today).toBe(true);
      if (e.type === 'delegation') expect(isLiaoning(e.regionCode)).toBe(false);
      const served = new Set(e.participants.map((p) => p.enterpriseCreditCode));
      expect(served.size).toBe(e.participants.length);
      for (const p of e.participants) {
        expect(enterpriseCodes.has(p.enterpriseCreditCode)).toBe(true);
        if (p.checkedInAt) expect(['held', 'closed']).toContain(e.status);
      }
      if (e.status !== 'cancelled' && e.status !== 'planned')
        expect(e.participants.length).toBeGreaterThanOrEqual(3);
      expect(e.participants.length).toBeLessThanOrEqual(61);
    }
    const types = events.reduce<Record<string, number>>(
      (o, e) => ({ ...o, [e.type]: (o[e.type] ?? 0) + 1 }),
      {},
    );
    expect(Math.max(...Object.values(types))).toBe(types.matchmaking);
    for (const type of EVENT_TYPES) expect(types[type]).toBeGreaterThan(0);
    expect(
      events.filter((e) => e.type === 'exhibition').every((e) => e.status !== 'closed' || e.visits! > 0),
    ).toBe(true);
  });

  it('leaves some held events unclosed for over 30 days, some associations quiet for 90 days', () => {
    const overdue = events.filter((e) => e.status === 'held' && e.endDate < addDays(today, -30));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const recent = new Set(
      events.filter((e) => e.startDate >= addDays(today, -90)).map((e) => e.associationCreditCode),
    );
    expect(associations.filter((a) => !recent.has(a.creditCode)).length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.status === 'cancelled').length).toBeGreaterThan(0);
  });

  it('serves a few hundred enterprises, many at several associations’ events', () => {
    const served = new Map<string, Set<string>>();
    for (const e of events.filter((x) => x.status === 'held' || x.status === 'closed'))
      for (const p of e.participants)
        served.set(
          p.enterpriseCreditCode,
          (served.get(p.enterpriseCreditCode) ?? new Set()).add(e.associationCreditCode),
        );
    expect(served.size).toBeGreaterThanOrEqual(200);
    expect([...served.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(50);
  });

  it('never double-books an enterprise or a table in a meeting slot', () => {
    const taken = new Set<string>();
    for (const m of meetings) {
      const event = eventByKey.get(m.eventKey)!;
      expect(event.type).toBe('matchmaking');
      expect(MEETING_STATUSES).toContain(m.status);
      expect(m.slotEnd > m.slotStart).toBe(true);
      expect(m.slotStart.slice(0, 10)).toBe(event.startDate);
      expect(m.demandCreditCode).not.toBe(m.supplyCreditCode);
      const participants = new Set(event.participants.map((p) => p.enterpriseCreditCode));
      expect(participants.has(m.demandCreditCode) && participants.has(m.supplyCreditCode)).toBe(true);
      for (const key of [`t${m.table}`, m.demandCreditCode, m.supplyCreditCode]) {
        const slotKey = `${m.eventKey}|${m.slotStart}|${key}`;
        expect(taken.has(slotKey)).toBe(false);
        taken.add(slotKey);
      }
      const past = event.status === 'held' || event.status === 'closed';
      expect(past ? ['held', 'no_show', 'intent'] : ['scheduled', 'confirmed']).toContain(m.status);
    }
  });

  it('keeps intents consistent: parties took part, stages and dates in order, transitions match', () => {
    const meetingByKey = new Map(meetings.map((m) => [m.key, m]));
    intents.forEach((i, index) => {
      expect(INTENT_STAGES).toContain(i.stage);
      expect(enterpriseCodes.has(i.enterpriseCreditCode)).toBe(true);
      expect((i.counterpartCreditCode === null) !== (i.counterpartName === null)).toBe(true);
      expect(i.counterpartCreditCode).not.toBe(i.enterpriseCreditCode);
      if (i.counterpartName) expect(isLiaoning(i.counterpartRegionCode!)).toBe(false);
      expect(i.amountWan).toBeGreaterThan(0);
      expect(i.reachedOn <= today).toBe(true);
      expect(i.signedOn !== null).toBe(
        i.stage === 'signed' || i.stage === 'landed' || (i.stage === 'dropped' && i.signedOn !== null),
      );
      expect(i.landedOn !== null).toBe(i.stage === 'landed');
      expect(i.droppedOn !== null).toBe(i.stage === 'dropped');
      const dates = [i.reachedOn, i.signedOn, i.landedOn, i.droppedOn].filter((d): d is string => d !== null);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d <= today)).toBe(true);
      if (i.eventKey) {
        const event = eventByKey.get(i.eventKey)!;
        expect(['held', 'closed']).toContain(event.status);
        expect(i.reachedOn >= event.startDate).toBe(true);
        const participants = new Set(event.participants.map((p) => p.enterpriseCreditCode));
        expect(participants.has(i.enterpriseCreditCode)).toBe(true);
        if (i.counterpartCreditCode) expect(participants.has(i.counterpartCreditCode)).toBe(true);
      }
      if (i.meetingKey) {
        const m = meetingByKey.get(i.meetingKey)!;
        expect(m.status).toBe('intent');
        expect(m.eventKey).toBe(i.eventKey);
        expect([m.demandCreditCode, m.supplyCreditCode].sort()).toEqual(
          [i.enterpriseCreditCode, i.counterpartCreditCode].sort(),
        );
      }
      const steps = transitions.filter((t) => t.intentIndex === index);
      const path = ['intent', ...steps.map((t) => t.toStage)];
      expect(path[path.length - 1]).toBe(i.stage);
      steps.forEach((t, k) => expect(t.fromStage).toBe(path[k]));
    });
    const stages = new Set(intents.map((i) => i.stage));
    expect(stages).toEqual(new Set(INTENT_STAGES));
    expect(
      intents.filter((i) => i.stage === 'intent' && i.reachedOn < addDays(today, -180)).length,
    ).toBeGreaterThan(0);
    expect(intents.filter((i) => i.counterpartName).length).toBeGreaterThanOrEqual(20);
    expect(intents.filter((i) => i.eventKey).length / intents.length).toBeGreaterThan(0.9);
  });

  it('gives the demo enterprise published demands with matching supplies, events, a confirmed meeting and intents', () => {
    const own = postings.filter((p) => p.enterpriseCreditCode === binding.enterpriseCreditCode);
    const demands = own.filter(
      (p) => p.kind === 'demand' && p.status === 'published' && p.validUntil > today,
    );
    expect(demands.length).toBeGreaterThanOrEqual(2);
    for (const d of demands) {
      const subject = d.title.replace(/^采购|^寻求|外协配套$|服务$/g, '');
      const supplies = postings.filter(
        (p) =>
          p.kind === 'supply' &&
          p.status === 'published' &&
          p.validUntil > today &&
          p.enterpriseCreditCode !== binding.enterpriseCreditCode &&
          p.title.includes(subject),
      );
      expect(supplies.length).toBeGreaterThanOrEqual(2);
    }
    const attended = events.filter((e) =>
      e.participants.some((p) => p.enterpriseCreditCode === binding.enterpriseCreditCode),
    );
    expect(attended.length).toBeGreaterThanOrEqual(3);
    expect(
      attended.filter((e) => e.associationCreditCode === binding.associationCreditCode).length,
    ).toBeGreaterThanOrEqual(3);
    const upcoming = attended.filter((e) => e.startDate > today);
    expect(upcoming.length).toBeGreaterThanOrEqual(1);
    expect(
      meetings.some(
        (m) =>
          upcoming.some((e) => e.key === m.eventKey) &&
          m.status === 'confirmed' &&
          [m.demandCreditCode, m.supplyCreditCode].includes(binding.enterpriseCreditCode),
      ),
    ).toBe(true);
    const ownIntents = intents.filter(
      (i) =>
        i.enterpriseCreditCode === binding.enterpriseCreditCode ||
        i.counterpartCreditCode === binding.enterpriseCreditCode,
    );
    expect(ownIntents.length).toBeGreaterThanOrEqual(2);
  });

  it('builds activity for a small data set too', () => {
    const small = buildDemoDataSet({ enterpriseCount: 50 }).activity;
    expect(small.postings.length).toBeGreaterThan(0);
    expect(small.events.length).toBeGreaterThan(0);
  });
});
