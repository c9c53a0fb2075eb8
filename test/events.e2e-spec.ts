import { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { Factories, type AssociationBody, type EnterpriseBody, type MadeUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/**
 * An association runs an event from planning to closing through HTTP, with the worker on BullMQ and a real
 * PostgreSQL: participants one by one and in bulk, check-in, meetings scheduled on the queue, outcomes.
 */
describe('events, participants and meetings end to end', () => {
  let t: TestApp;
  let make: Factories;
  let admin: { Authorization: string };
  let staffA: { Authorization: string };
  let staffB: { Authorization: string };
  let a: AssociationBody;
  let b: AssociationBody;
  let clusterId: string;
  const firms: Record<string, EnterpriseBody> = {};
  let buyerUser: MadeUser;

  const V1 = '/api/v1';
  const as = (headers: { Authorization: string }) => ({
    get: (path: string) => t.http().get(`${V1}${path}`).set(headers),
    post: (path: string, body: object = {}) => t.http().post(`${V1}${path}`).set(headers).send(body),
    patch: (path: string, body: object) => t.http().patch(`${V1}${path}`).set(headers).send(body),
  });
  const eventBody = (overrides: object = {}) => ({
    title: '2026年数控机床产业链供需对接会',
    type: 'matchmaking',
    clusterIds: [clusterId],
    startDate: '2026-11-20',
    endDate: '2026-11-21',
    regionCode: '210100',
    venue: '沈阳新世界博览馆',
    ...overrides,
  });
  const slots = (day: string, count: number, startHour = 9) =>
    Array.from({ length: count }, (_, i) => {
      const minutes = startHour * 60 + i * 30;
      const hh = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return { start: `${day}T${hh(minutes)}:00+08:00`, end: `${day}T${hh(minutes + 30)}:00+08:00` };
    });
  const publish = (enterpriseId: string, kind: 'demand' | 'supply', title: string, keywords: string[]) =>
    as(admin)
      .post('/postings', {
        enterpriseId,
        kind,
        category: 'equipment',
        title,
        description: `${title}，${keywords.join('、')}`,
        keywords,
        clusterId,
        status: 'published',
      })
      .expect(201);

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = { Authorization: `Bearer ${await t.login()}` };
    make = new Factories(t, await t.login());
    clusterId = (await make.cluster()).id;
    a = await make.association({ leadClusterIds: [clusterId] });
    b = await make.association();
    staffA = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: a.id })).login()}`,
    };
    staffB = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: b.id })).login()}`,
    };
    firms.buyer1 = await make.memberEnterprise(a.id, { name: '沈阳航宇精密制造有限公司' });
    firms.buyer2 = await make.memberEnterprise(a.id, { name: '沈阳北方重型机械有限公司' });
    firms.maker1 = await make.enterprise({ name: '大连重工数控装备有限公司', regionCode: '210203' });
    firms.maker2 = await make.enterprise({ name: '大连光洋数控系统有限公司', regionCode: '210203' });
    firms.outsider = await make.memberEnterprise(b.id, {
      name: '营口港口物流有限公司',
      regionCode: '210800',
    });
    buyerUser = await make.user('enterprise_user', { enterpriseId: firms.buyer1.id });
    await publish(firms.buyer1.id, 'demand', '采购五轴联动数控机床两台', ['五轴联动', '数控机床']);
    await publish(firms.buyer2.id, 'demand', '采购数控机床主轴及数控系统', ['数控机床', '数控系统']);
    await publish(firms.maker1.id, 'supply', '供应五轴联动数控机床', ['五轴联动', '数控机床']);
    await publish(firms.maker2.id, 'supply', '供应数控系统与数控机床改造', ['数控系统', '数控机床']);
  });
  afterAll(() => t.close());

  describe('creating and moving an event', () => {
    it('lets association staff create their own association’s event and defaults the organiser', async () => {
      const res = await as(staffA)
        .post('/events', eventBody({ startDate: '2026-12-20', endDate: '2026-12-20' }))
        .expect(201);
      expect(res.body).toMatchObject({
        associationId: a.id,
        status: 'planned',
        statusLabel: '筹备中',
        typeLabel: '需求对接会',
        clusterIds: [clusterId],
        regionName: '沈阳市',
      });
    });

    it('refuses bad events with the field and the reason', async () => {
      const reversed = await as(staffA)
        .post('/events', eventBody({ startDate: '2026-12-21', endDate: '2026-12-20' }))
        .expect(400);
      expect(reversed.body.details.map((d: { field: string }) => d.field)).toEqual(['endDate']);
      const noCluster = await as(staffA)
        .post('/events', eventBody({ clusterIds: [] }))
        .expect(400);
      expect(noCluster.body.details[0].field).toBe('clusterIds');
      const unknownCluster = await as(staffA)
        .post('/events', eventBody({ clusterIds: ['00000000-0000-4000-8000-000000000000'] }))
        .expect(400);
      expect(unknownCluster.body.details[0].field).toBe('clusterIds');
      const badType = await as(staffA)
        .post('/events', eventBody({ type: 'party' }))
        .expect(400);
      expect(badType.body.details[0].field).toBe('type');
      const badRegion = await as(staffA)
        .post('/events', eventBody({ regionCode: '219999' }))
        .expect(400);
      expect(badRegion.body.details[0].field).toBe('regionCode');
      const other = await as(staffA)
        .post('/events', eventBody({ associationId: b.id }))
        .expect(403);
      expect(other.body.statusCode).toBe(403);
      const deptWithout = await as(admin).post('/events', eventBody()).expect(400);
      expect(deptWithout.body.details[0].field).toBe('associationId');
    });

    it('moves planned → open → held → closed and answers 409 to anything else', async () => {
      const ev = (await as(staffA).post('/events', eventBody()).expect(201)).body;
      await as(staffA).patch(`/events/${ev.id}`, { status: 'closed' }).expect(409);
      await as(staffA).patch(`/events/${ev.id}`, { status: 'open' }).expect(200);
      const back = await as(staffA).patch(`/events/${ev.id}`, { status: 'planned' }).expect(409);
      expect(back.body.details[0].field).toBe('status');
      await as(staffA).patch(`/events/${ev.id}`, { status: 'held' }).expect(200);
      await as(staffA).patch(`/events/${ev.id}`, { status: 'cancelled' }).expect(409);
      await as(staffA).patch(`/events/${ev.id}`, { status: 'closed' }).expect(200);
      const edit = await as(staffA).patch(`/events/${ev.id}`, { venue: '改到大连' }).expect(409);
      expect(edit.body.statusCode).toBe(409);
      expect((await as(staffA).get(`/events/${ev.id}`).expect(200)).body.venue).toBe('沈阳新世界博览馆');
    });

    it('refuses to mark a future event held', async () => {
      const ev = (
        await as(staffA)
          .post('/events', eventBody({ startDate: '2027-03-01', endDate: '2027-03-02' }))
          .expect(201)
      ).body;
      const res = await as(staffA).patch(`/events/${ev.id}`, { status: 'held' }).expect(400);
      expect(res.body.details[0].field).toBe('status');
    });

    it('keeps other associations’ events out of scope (404) and lists only visible events', async () => {
      const ev = (
        await as(staffA)
          .post('/events', eventBody({ title: '甲协会内部活动' }))
          .expect(201)
      ).body;
      await as(staffB).get(`/events/${ev.id}`).expect(404);
      await as(staffB).patch(`/events/${ev.id}`, { venue: '越权修改' }).expect(404);
      await as(staffB)
        .post(`/events/${ev.id}/participants`, { enterpriseId: firms.outsider.id, role: 'visitor' })
        .expect(404);
      const listB = await as(staffB).get('/events?pageSize=200').expect(200);
      expect(listB.body.items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
      const listA = await as(staffA).get('/events?pageSize=200').expect(200);
      expect(listA.body.items.map((e: { id: string }) => e.id)).toContain(ev.id);
      expect(listA.body.items.every((e: { associationId: string }) => e.associationId === a.id)).toBe(true);
    });

    it('pages the event list newest first with the total of every page, past the end included', async () => {
      const all = (await as(staffA).get('/events?pageSize=200').expect(200)).body;
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThan(2);
      const key = (e: { startDate: string; id: string }) => `${e.startDate}|${e.id}`;
      const order = [...all.items].sort((x, y) =>
        x.startDate === y.startDate ? (x.id < y.id ? -1 : 1) : x.startDate < y.startDate ? 1 : -1,
      );
      expect(all.items.map(key)).toEqual(order.map(key));
      const second = (await as(staffA).get('/events?pageSize=2&page=2').expect(200)).body;
      expect(second.total).toBe(all.total);
      expect(second.items.map(key)).toEqual(all.items.slice(2, 4).map(key));
      expect(second.items[0]).toEqual(all.items[2]);
      const past = (
        await as(staffA)
          .get(`/events?pageSize=2&page=${all.total + 1}`)
          .expect(200)
      ).body;
      expect(past).toMatchObject({ items: [], total: all.total });
      const none = (await as(staffA).get('/events?q=不存在的活动名称').expect(200)).body;
      expect(none).toMatchObject({ items: [], total: 0 });
    });

    it('shows a co-organised event to the co-organiser, who may read but not manage it', async () => {
      const ev = (
        await as(admin)
          .post('/events', eventBody({ associationId: a.id, coOrganiserIds: [b.id] }))
          .expect(201)
      ).body;
      expect(ev.coOrganiserIds).toEqual([b.id]);
      await as(staffB).get(`/events/${ev.id}`).expect(200);
      await as(staffB).patch(`/events/${ev.id}`, { venue: '协办方修改' }).expect(404);
    });
  });

  describe('participants', () => {
    let eventId: string;
    beforeAll(async () => {
      eventId = (
        await as(staffA)
          .post('/events', eventBody({ title: '报名测试活动' }))
          .expect(201)
      ).body.id;
    });

    it('registers members and non-members, refuses a second registration with 409', async () => {
      const member = await as(staffA)
        .post(`/events/${eventId}/participants`, { enterpriseId: firms.buyer1.id, role: 'buyer' })
        .expect(201);
      expect(member.body).toMatchObject({ enterpriseId: firms.buyer1.id, member: true, roleLabel: '采购方' });
      const nonMember = await as(staffA)
        .post(`/events/${eventId}/participants`, { enterpriseId: firms.maker1.id, role: 'supplier' })
        .expect(201);
      expect(nonMember.body.member).toBe(false);
      const again = await as(staffA)
        .post(`/events/${eventId}/participants`, { enterpriseId: firms.buyer1.id, role: 'visitor' })
        .expect(409);
      expect(again.body.details[0].field).toBe('enterpriseId');
      const badRange = await as(staffA)
        .post(`/events/${eventId}/participants`, {
          enterpriseId: firms.buyer2.id,
          role: 'buyer',
          unavailable: [{ start: '2026-11-20T10:00:00+08:00', end: '2026-11-20T09:00:00+08:00' }],
        })
        .expect(400);
      expect(badRange.body.details[0].field).toBe('unavailable[0]');
    });

    it('registers in bulk by credit code and reports unknown and malformed codes', async () => {
      const res = await as(staffA)
        .post(`/events/${eventId}/participants/bulk`, {
          creditCodes: [
            ` ${firms.buyer2.creditCode.toLowerCase()} `,
            firms.maker2.creditCode,
            firms.buyer1.creditCode,
            '91210100MA0000000X',
            'not-a-code',
          ],
          role: 'visitor',
        })
        .expect(200);
      expect(res.body.registered).toBe(2);
      expect(res.body.alreadyRegistered).toBe(1);
      expect(res.body.invalid.map((i: { creditCode: string }) => i.creditCode)).toEqual(
        expect.arrayContaining(['not-a-code']),
      );
      expect(res.body.unknown.length + res.body.invalid.length).toBe(2);
      const list = await as(staffA).get(`/events/${eventId}/participants?pageSize=200`).expect(200);
      expect(list.body.total).toBe(4);
      const repeat = await as(staffA)
        .post(`/events/${eventId}/participants/bulk`, {
          creditCodes: [firms.maker2.creditCode],
          role: 'visitor',
        })
        .expect(200);
      expect(repeat.body).toMatchObject({ registered: 0, alreadyRegistered: 1 });
    });

    it('checks in only at an open or held event, and keeps the first check-in time', async () => {
      const list = await as(staffA).get(`/events/${eventId}/participants`).expect(200);
      const pid = list.body.items[0].id;
      await as(staffA).post(`/events/${eventId}/participants/${pid}/check-in`).expect(409);
      await as(staffA).patch(`/events/${eventId}`, { status: 'open' }).expect(200);
      const first = await as(staffA).post(`/events/${eventId}/participants/${pid}/check-in`).expect(200);
      expect(first.body.checkedInAt).toEqual(expect.any(String));
      const second = await as(staffA).post(`/events/${eventId}/participants/${pid}/check-in`).expect(200);
      expect(second.body.checkedInAt).toBe(first.body.checkedInAt);
      const checked = await as(staffA).get(`/events/${eventId}/participants?checkedIn=true`).expect(200);
      expect(checked.body.total).toBe(1);
      const summary = await as(staffA).get(`/events/${eventId}/summary`).expect(200);
      expect(summary.body).toMatchObject({
        participants: 4,
        checkedIn: 1,
        meetings: 0,
        enterprisesServed: 0,
      });
    });
  });

  describe('meetings scheduled on the queue', () => {
    let eventId: string;
    const runDone = (runId: string) =>
      waitFor(
        `schedule run ${runId}`,
        async () => {
          const run = await as(staffA).get(`/match-runs/${runId}`).expect(200);
          if (run.body.status === 'failed') throw new Error(`run failed: ${run.body.error}`);
          return run.body.status === 'completed' ? run.body : undefined;
        },
        30_000,
      );

    beforeAll(async () => {
      eventId = (
        await as(staffA)
          .post('/events', eventBody({ title: '洽谈排期活动' }))
          .expect(201)
      ).body.id;
      for (const [key, role] of [
        ['buyer1', 'buyer'],
        ['buyer2', 'buyer'],
        ['maker1', 'supplier'],
        ['maker2', 'supplier'],
      ] as const) {
        await as(staffA)
          .post(`/events/${eventId}/participants`, { enterpriseId: firms[key].id, role })
          .expect(201);
      }
    });

    it('refuses malformed slots with the slot at fault', async () => {
      const res = await as(staffA)
        .post(`/events/${eventId}/meetings/schedule`, {
          slots: [{ start: '2026-11-20T09:30:00+08:00', end: '2026-11-20T09:00:00+08:00' }],
          tables: 2,
        })
        .expect(400);
      expect(res.body.details[0].field).toBe('slots[0]');
      await as(staffA)
        .post(`/events/${eventId}/meetings/schedule`, { slots: slots('2026-11-20', 2), tables: 0 })
        .expect(400);
    });

    it('plans meetings among participants, best pairs first, never double-booking anyone or any table', async () => {
      const queued = await as(staffA)
        .post(`/events/${eventId}/meetings/schedule`, { slots: slots('2026-11-20', 2), tables: 1 })
        .expect(202);
      expect(queued.body.runId).toEqual(expect.any(String));
      const run = await runDone(queued.body.runId);
      expect(run.purpose).toBe('schedule');
      expect(run.counts.meetings).toBeGreaterThan(0);
      const meetings = (await as(staffA).get(`/events/${eventId}/meetings`).expect(200)).body.items as {
        id: string;
        slotStart: string;
        table: number;
        demandEnterpriseId: string;
        supplyEnterpriseId: string;
        score: number;
      }[];
      // Two slots × one table: at most two meetings, and never the same enterprise or table twice in a slot.
      expect(meetings.length).toBe(2);
      const seen = new Set<string>();
      for (const m of meetings) {
        for (const key of [`t${m.table}`, m.demandEnterpriseId, m.supplyEnterpriseId]) {
          expect(seen.has(`${m.slotStart}|${key}`)).toBe(false);
          seen.add(`${m.slotStart}|${key}`);
        }
        expect(m.table).toBe(1);
      }
      expect(meetings[0].score).toBeGreaterThanOrEqual(meetings[1].score);
      const parties = meetings.map((m) => [m.demandEnterpriseId, m.supplyEnterpriseId].sort().join());
      expect(new Set(parties).size).toBe(parties.length);
    });

    it('keeps confirmed meetings when re-scheduling, and a retried plan does not duplicate', async () => {
      const before = (await as(staffA).get(`/events/${eventId}/meetings`).expect(200)).body.items;
      const confirmed = before[0];
      await as(staffA)
        .patch(`/events/${eventId}/meetings/${confirmed.id}`, { status: 'confirmed' })
        .expect(200);
      for (let round = 0; round < 2; round++) {
        const queued = await as(staffA)
          .post(`/events/${eventId}/meetings/schedule`, { slots: slots('2026-11-20', 4, 13), tables: 2 })
          .expect(202);
        await runDone(queued.body.runId);
      }
      const after = (await as(staffA).get(`/events/${eventId}/meetings`).expect(200)).body.items;
      const kept = after.find((m: { id: string }) => m.id === confirmed.id);
      expect(kept).toMatchObject({
        status: 'confirmed',
        slotStart: confirmed.slotStart,
        table: confirmed.table,
      });
      const pairs = after.map(
        (m: { demandEnterpriseId: string; supplyEnterpriseId: string }) =>
          `${m.demandEnterpriseId}|${m.supplyEnterpriseId}`,
      );
      expect(new Set(pairs).size).toBe(pairs.length);
      const rows: { n: number }[] = await t.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1 AND status <> 'cancelled'`, [
          eventId,
        ]);
      expect(rows[0].n).toBe(after.length);
    });

    it('lets an enterprise see and record only its own meetings', async () => {
      const token = { Authorization: `Bearer ${await buyerUser.login()}` };
      const all = (await as(staffA).get(`/events/${eventId}/meetings`).expect(200)).body.items;
      const own = (await as(token).get(`/events/${eventId}/meetings`).expect(200)).body.items;
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThan(all.length);
      for (const m of own) expect([m.demandEnterpriseId, m.supplyEnterpriseId]).toContain(firms.buyer1.id);
      const foreign = all.find(
        (m: { demandEnterpriseId: string; supplyEnterpriseId: string }) =>
          m.demandEnterpriseId !== firms.buyer1.id && m.supplyEnterpriseId !== firms.buyer1.id,
      );
      await as(token).patch(`/events/${eventId}/meetings/${foreign.id}`, { status: 'held' }).expect(404);
      const held = await as(token)
        .patch(`/events/${eventId}/meetings/${own[0].id}`, { status: 'held' })
        .expect(200);
      expect(held.body.statusLabel).toBe('已洽谈');
      expect(held.body.recommendationId).toEqual(expect.any(String));
      const back = await as(token)
        .patch(`/events/${eventId}/meetings/${own[0].id}`, { status: 'scheduled' })
        .expect(409);
      expect(back.body.details[0].field).toBe('status');
    });

    it('turns a held meeting into an intent: the meeting and its recommendation move to intent', async () => {
      const token = { Authorization: `Bearer ${await buyerUser.login()}` };
      const held = (await as(token).get(`/events/${eventId}/meetings`).expect(200)).body.items.find(
        (m: { status: string }) => m.status === 'held',
      );
      const counterpart =
        held.demandEnterpriseId === firms.buyer1.id ? held.supplyEnterpriseId : held.demandEnterpriseId;
      const intent = await as(token)
        .post('/intents', {
          counterpartEnterpriseId: counterpart,
          meetingId: held.id,
          recommendationId: held.recommendationId,
          title: '五轴机床采购意向',
          amountWan: 420,
        })
        .expect(201);
      expect(intent.body).toMatchObject({ eventId, meetingId: held.id, stage: 'intent' });
      const meeting = (await as(staffA).get(`/events/${eventId}/meetings`).expect(200)).body.items.find(
        (m: { id: string }) => m.id === held.id,
      );
      expect(meeting.status).toBe('intent');
      const [rec]: { status: string }[] = await t.app
        .get(DataSource)
        .query('SELECT status FROM recommendations WHERE id = $1', [held.recommendationId]);
      expect(rec.status).toBe('intent');
      const wrongPair = await as(token)
        .post('/intents', {
          counterpartEnterpriseId: firms.buyer2.id,
          meetingId: held.id,
          title: '对不上的洽谈',
        })
        .expect(400);
      expect(wrongPair.body.details[0].field).toBe('meetingId');
    });

    it('prints schedules per enterprise and per table as Excel in Chinese', async () => {
      const res = await as(staffA)
        .get(`/events/${eventId}/meetings/by-enterprise.xlsx`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as unknown as ArrayBuffer);
      const names = book.worksheets.map((w) => w.name);
      expect(names[0]).toBe('目录');
      expect(names.some((n) => n.startsWith('沈阳航宇'))).toBe(true);
      const table = await as(staffA).get(`/events/${eventId}/meetings/by-table.xlsx`).expect(200);
      expect(table.headers['content-disposition']).toContain("filename*=UTF-8''");
    });
  });
});
