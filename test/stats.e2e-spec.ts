import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { StatsService, TargetsService } from '@app/core';
import { Factories, type AssociationBody, type EnterpriseBody } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { TEST_ADMIN } from './support/test-config';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Headers = { Authorization: string };

/**
 * The department's statistics on real PostgreSQL with a small hand-built world whose every figure is worked out
 * below: two associations whose events share an enterprise, intents counted by their own dates, a planned event
 * that must not count, the previous year, attention lists, targets and association staff's scope.
 */
describe('statistics', () => {
  let t: TestApp;
  let sql: DataSource;
  let make: Factories;
  let admin: Headers;
  let staffA: Headers;
  let reviewer: Headers;
  let entUser: Headers;
  let a: AssociationBody;
  let b: AssociationBody;
  let idle: AssociationBody;
  let cA: string;
  let cB: string;
  let cNoLead: string;
  const e: Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5', EnterpriseBody> = {} as never;
  const ev: Record<string, string> = {};
  const intent: Record<string, string> = {};

  const V1 = '/api/v1';
  const http = () => t.http();
  const get = (h: Headers, path: string) => http().get(`${V1}${path}`).set(h);
  const login = async (username: string, password: string) => {
    const res = await http().post(`${V1}/auth/login`).send({ username, password }).expect(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  };

  const event = async (
    associationId: string,
    clusterIds: string[],
    startDate: string,
    type: string,
    visits: number | undefined,
    status: 'planned' | 'held' | 'closed',
    participants: EnterpriseBody[],
  ) => {
    const res = await http()
      .post(`${V1}/events`)
      .set(admin)
      .send({
        title: `统计测试活动${startDate}${type}`,
        type,
        associationId,
        clusterIds,
        startDate,
        endDate: startDate,
        regionCode: '210100',
        ...(visits !== undefined ? { visits } : {}),
      })
      .expect(201);
    const id = res.body.id as string;
    for (const p of participants) {
      await http()
        .post(`${V1}/events/${id}/participants`)
        .set(admin)
        .send({ enterpriseId: p.id, role: 'buyer' })
        .expect(201);
    }
    if (status !== 'planned')
      await http().patch(`${V1}/events/${id}`).set(admin).send({ status: 'held' }).expect(200);
    if (status === 'closed')
      await http().patch(`${V1}/events/${id}`).set(admin).send({ status: 'closed' }).expect(200);
    return id;
  };
  const newIntent = async (body: object, moves: [string, string][] = []) => {
    const res = await http().post(`${V1}/intents`).set(admin).send(body);
    if (res.status !== 201) throw new Error(`intent ${res.status} ${JSON.stringify(res.body)}`);
    for (const [to, on] of moves) {
      const t = await http().post(`${V1}/intents/${res.body.id}/transitions`).set(admin).send({ to, on });
      if (t.status !== 200) throw new Error(`transition ${t.status} ${JSON.stringify(t.body)}`);
    }
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    sql = t.app.get(DataSource);
    admin = await login(TEST_ADMIN.username, TEST_ADMIN.password);
    make = new Factories(t, admin.Authorization.slice(7));

    cA = (await make.cluster({ code: 'ST-A', name: '统计甲集群' })).id;
    cB = (await make.cluster({ code: 'ST-B', name: '统计乙集群' })).id;
    cNoLead = (await make.cluster({ code: 'ST-C', name: '统计无牵头集群' })).id;
    a = await make.association({ name: '统计甲协会', leadClusterIds: [cA] });
    b = await make.association({ name: '统计乙协会', leadClusterIds: [cB] });
    idle = await make.association({ name: '统计闲置协会' });
    e.e1 = await make.memberEnterprise(a.id, { name: '统计共同企业一有限公司' });
    e.e2 = await make.memberEnterprise(a.id, { name: '统计甲会员二有限公司' });
    e.e3 = await make.memberEnterprise(b.id, { name: '统计乙会员三有限公司' });
    e.e4 = await make.enterprise({ name: '统计非会员四有限公司' });
    e.e5 = await make.enterprise({ name: '统计非会员五有限公司' });
    const staff = await make.user('association_staff', { associationId: a.id });
    staffA = await login(staff.username, staff.password);
    const rev = await make.user('reviewer');
    reviewer = await login(rev.username, rev.password);
    const ent = await make.user('enterprise_user', { enterpriseId: e.e1.id });
    entUser = await login(ent.username, ent.password);

    // 2025: A's matchmaking (cA) and B's exhibition (cB + cA) share e1; A's planned event must not count
    ev.a1 = await event(a.id, [cA], '2025-03-10', 'matchmaking', 100, 'held', [e.e1, e.e2]);
    ev.b1 = await event(b.id, [cB, cA], '2025-05-20', 'exhibition', 5000, 'closed', [e.e1, e.e3]);
    ev.a2 = await event(a.id, [cA], '2025-06-01', 'matchmaking', 999, 'planned', [e.e4, e.e5]);
    // 2024: one held event of A
    ev.a0 = await event(a.id, [cA], '2024-04-01', 'forum', 10, 'held', [e.e2]);

    // meetings at A's event: one held, one cancelled (only the held one counts)
    await sql.query(
      `INSERT INTO meetings (event_id, slot_start, slot_end, table_no, demand_enterprise_id, supply_enterprise_id, status)
       VALUES ($1, '2025-03-10T09:00:00+08', '2025-03-10T09:30:00+08', 1, $2, $3, 'held'),
              ($1, '2025-03-10T10:00:00+08', '2025-03-10T10:30:00+08', 1, $2, $3, 'cancelled')`,
      [ev.a1, e.e1.id, e.e2.id],
    );

    // i1: e2 with e4 at A's event, 100 万元: reached 2025-03-11, signed 2025-04-01, landed 2025-06-01
    intent.i1 = await newIntent(
      {
        enterpriseId: e.e2.id,
        counterpartEnterpriseId: e.e4.id,
        eventId: ev.a1,
        title: '统计意向一',
        amountWan: 100,
        reachedOn: '2025-03-11',
      },
      [
        ['signed', '2025-04-01'],
        ['landed', '2025-06-01'],
      ],
    );
    // i2: e2 with an outsider, cluster cB (lead B), 50 万元: reached 2024-12-20, signed 2025-01-10
    intent.i2 = await newIntent(
      {
        enterpriseId: e.e2.id,
        counterpartName: '外省伙伴乙',
        clusterId: cB,
        title: '统计意向二',
        amountWan: 50,
        reachedOn: '2024-12-20',
      },
      [['signed', '2025-01-10']],
    );
    // i3: e1, cluster cA (lead A), 30 万元: reached 2025-02-01, dropped 2025-02-15
    intent.i3 = await newIntent(
      {
        enterpriseId: e.e1.id,
        counterpartName: '外省伙伴丙',
        clusterId: cA,
        title: '统计意向三',
        amountWan: 30,
        reachedOn: '2025-02-01',
      },
      [['dropped', '2025-02-15']],
    );
    // i4: e2, cluster cA, no amount, reached 2024-01-05 and still an intent (stuck)
    intent.i4 = await newIntent({
      enterpriseId: e.e2.id,
      counterpartName: '外省伙伴丁',
      clusterId: cA,
      title: '统计意向四',
      reachedOn: '2024-01-05',
    });

    // recommendations made in 2025: (e1 demand cA × e3 supply cB) meeting; (× e2 supply cA) contacted; (× e5 supply) new
    const posting = async (enterpriseId: string, kind: string, clusterId: string | null) => {
      const [row] = await sql.query(
        `INSERT INTO postings (enterprise_id, kind, category, title, cluster_id, status)
         VALUES ($1, $2, 'product', '统计测试供需', $3, 'published') RETURNING id`,
        [enterpriseId, kind, clusterId],
      );
      return row.id as string;
    };
    const pD = await posting(e.e1.id, 'demand', cA);
    const rec = async (
      supplyEnterprise: EnterpriseBody,
      clusterId: string | null,
      status: string,
      at: string,
    ) =>
      sql.query(
        `INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id,
           supply_enterprise_id, demand_score, status, created_at)
         VALUES ($1, $2, $3, $4, 1, $5, $6)`,
        [
          pD,
          await posting(supplyEnterprise.id, 'supply', clusterId),
          e.e1.id,
          supplyEnterprise.id,
          status,
          at,
        ],
      );
    await rec(e.e3, cB, 'meeting', '2025-03-15T10:00:00+08');
    await rec(e.e2, cA, 'contacted', '2025-07-01T10:00:00+08');
    await rec(e.e5, null, 'new', '2025-08-01T10:00:00+08');
  }, 120_000);

  afterAll(() => t.close());

  const zeros = {
    eventsHeld: 0,
    visits: 0,
    participants: 0,
    enterprisesServed: 0,
    meetings: 0,
    recommendations: 0,
    intents: 0,
    intentAmountWan: 0,
    signed: 0,
    signedAmountWan: 0,
    landed: 0,
    dropped: 0,
  };

  it('overview of 2025: held events only, intents by their own dates, distinct enterprises, previous year', async () => {
    const res = await get(admin, '/stats/overview?year=2025').expect(200);
    expect(res.body).toEqual({
      eventsHeld: 2, // the planned event of A does not count
      visits: 5100,
      participants: 4,
      enterprisesServed: 4, // e1 e2 e3 e4 — e1 at both associations' events counts once; e5 only at a planned event
      meetings: 1, // the cancelled one does not count
      recommendations: 3,
      intents: 2, // i1, i3 reached in 2025 (dropped included)
      intentAmountWan: 130,
      signed: 2, // i1 (landed later, still counted) and i2 (reached in 2024) by their 签约 dates
      signedAmountWan: 150,
      landed: 1,
      dropped: 1,
      conversion: { recommended: 3, contacted: 2, met: 1, intent: 2, signed: 2, landed: 1 },
      previousYear: {
        ...zeros,
        eventsHeld: 1,
        visits: 10,
        participants: 1,
        enterprisesServed: 1, // e2 at the forum and party to i2, i4
        intents: 2,
        intentAmountWan: 50,
        conversion: { recommended: 0, contacted: 0, met: 0, intent: 2, signed: 0, landed: 0 },
      },
    });
    // 2024 has no previous year with data; without `year` there is no previous year at all
    expect((await get(admin, '/stats/overview?year=2024').expect(200)).body.previousYear).toBeNull();
    expect(
      (await get(admin, '/stats/overview?from=2025-01-01&to=2025-12-31').expect(200)).body.previousYear,
    ).toBeNull();
  });

  it('by association: every association listed, each counting its own distinct enterprises', async () => {
    const res = await get(admin, '/stats/by-association?year=2025').expect(200);
    const byKey = Object.fromEntries(
      (res.body.items as ({ key: string } & typeof zeros)[]).map((i) => [i.key, i]),
    );
    expect(Object.keys(byKey).sort()).toEqual([a.id, b.id, idle.id].sort());
    expect(byKey[a.id]).toEqual({
      key: a.id,
      label: '统计甲协会',
      eventsHeld: 1,
      visits: 100,
      participants: 2,
      enterprisesServed: 3, // e1 e2 (event, meeting), e2 e4 (i1 at its event), e1 (i3 via lead cluster cA)
      meetings: 1,
      recommendations: 3, // e1 is A's member: all three pairs
      intents: 2,
      intentAmountWan: 130,
      signed: 1,
      signedAmountWan: 100,
      landed: 1,
      dropped: 1,
    });
    expect(byKey[b.id]).toEqual({
      key: b.id,
      label: '统计乙协会',
      ...zeros,
      eventsHeld: 1,
      visits: 5000,
      participants: 2,
      enterprisesServed: 2, // e1 e3
      recommendations: 1, // e3 is B's member
      signed: 1, // i2 names cB, led by B
      signedAmountWan: 50,
    });
    expect(byKey[idle.id]).toEqual({ key: idle.id, label: '统计闲置协会', ...zeros });
    // the per-association figures are not summed into the province's
    const province = (await get(admin, '/stats/overview?year=2025').expect(200)).body;
    expect(byKey[a.id].enterprisesServed + byKey[b.id].enterprisesServed).toBe(5);
    expect(province.enterprisesServed).toBe(4);
  });

  it('by cluster: events count for each of their clusters, intents for the cluster they name or their event’s', async () => {
    const res = await get(admin, '/stats/by-cluster?year=2025').expect(200);
    const byKey = Object.fromEntries(
      (res.body.items as ({ key: string } & typeof zeros)[]).map((i) => [i.key, i]),
    );
    expect(byKey[cNoLead]).toMatchObject({ label: '统计无牵头集群', ...zeros });
    expect(byKey[cA]).toMatchObject({
      label: '统计甲集群',
      eventsHeld: 2,
      visits: 5100,
      participants: 4,
      enterprisesServed: 4,
      meetings: 1,
      recommendations: 3,
      intents: 2,
      signed: 1,
      landed: 1,
      dropped: 1,
    });
    expect(byKey[cB]).toMatchObject({
      eventsHeld: 1,
      visits: 5000,
      enterprisesServed: 2,
      recommendations: 1,
      intents: 0,
      signed: 1,
      signedAmountWan: 50,
    });
    // the catalogue's clusters are listed too
    expect(res.body.items.length).toBeGreaterThan(3);
    const filtered = await get(admin, `/stats/by-cluster?year=2025&clusterId=${cB}`).expect(200);
    expect(filtered.body.items).toEqual([byKey[cB]]);
  });

  it('by month: twelve months, each figure in the month of its own date', async () => {
    const res = await get(admin, '/stats/by-month?year=2025').expect(200);
    const items = res.body.items as ({ key: string; label: string } & typeof zeros)[];
    expect(items.map((i) => i.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(items[2].label).toBe('2025年3月');
    const m = Object.fromEntries(items.map((i) => [i.key, i]));
    expect(m['2025-01']).toMatchObject({ ...zeros, signed: 1, signedAmountWan: 50 });
    expect(m['2025-02']).toMatchObject({ intents: 1, dropped: 1, intentAmountWan: 30, enterprisesServed: 1 });
    expect(m['2025-03']).toMatchObject({
      eventsHeld: 1,
      visits: 100,
      participants: 2,
      meetings: 1,
      intents: 1,
      intentAmountWan: 100,
      enterprisesServed: 3,
      recommendations: 1,
    });
    expect(m['2025-04']).toMatchObject({ signed: 1, signedAmountWan: 100, eventsHeld: 0 });
    expect(m['2025-05']).toMatchObject({ eventsHeld: 1, visits: 5000, enterprisesServed: 2 });
    expect(m['2025-06']).toMatchObject({ landed: 1, eventsHeld: 0, enterprisesServed: 0 });
    expect(m['2025-12']).toEqual({ key: '2025-12', label: '2025年12月', ...zeros });
  });

  it('by event type: all six types with Chinese labels', async () => {
    const res = await get(admin, '/stats/by-event-type?year=2025').expect(200);
    const items = res.body.items as ({ key: string; label: string } & typeof zeros)[];
    expect(items.map((i) => i.key)).toEqual([
      'matchmaking',
      'exhibition',
      'delegation',
      'study_tour',
      'forum',
      'online',
    ]);
    expect(items[0]).toMatchObject({
      label: '需求对接会',
      eventsHeld: 1,
      enterprisesServed: 3,
      intents: 1,
      signed: 1,
      landed: 1,
    });
    expect(items[1]).toMatchObject({
      label: '展会',
      eventsHeld: 1,
      visits: 5000,
      enterprisesServed: 2,
      intents: 0,
    });
    expect(items[4]).toMatchObject({ label: '论坛/培训', ...zeros });
  });

  it('association staff see their own association only', async () => {
    const own = await get(staffA, '/stats/overview?year=2025').expect(200);
    expect(own.body).toMatchObject({
      eventsHeld: 1,
      visits: 100,
      enterprisesServed: 3,
      intents: 2,
      signed: 1,
    });
    await get(staffA, `/stats/overview?year=2025&associationId=${a.id}`).expect(200);
    await get(staffA, `/stats/overview?year=2025&associationId=${b.id}`).expect(404);
    await get(staffA, `/stats/by-month?year=2025&associationId=${b.id}`).expect(404);
    const months = await get(staffA, '/stats/by-month?year=2025').expect(200);
    expect(months.body.items[4]).toMatchObject({ key: '2025-05', eventsHeld: 0 }); // B's exhibition is not A's
    const types = await get(staffA, '/stats/by-event-type?year=2025').expect(200);
    expect(types.body.items[1]).toMatchObject({ key: 'exhibition', eventsHeld: 0 });
    await get(staffA, '/stats/by-association').expect(403);
    await get(staffA, '/stats/by-cluster').expect(403);
    await get(staffA, '/stats/attention').expect(403);
    await get(staffA, '/targets/2025').expect(403);
    for (const path of ['/stats/overview', '/stats/by-month', '/stats/attention', '/targets/2025']) {
      await get(entUser, path).expect(403);
    }
    const asB = await get(admin, `/stats/overview?year=2025&associationId=${b.id}`).expect(200);
    expect(asB.body).toMatchObject({ eventsHeld: 1, enterprisesServed: 2 });
    await get(reviewer, '/stats/by-association?year=2025').expect(200);
  });

  it('validates the filters with the field named', async () => {
    const field = async (path: string) =>
      (await get(admin, path).expect(400)).body.details.map((d: { field: string }) => d.field);
    expect(await field('/stats/overview?year=1999')).toContain('year');
    expect(await field('/stats/overview?year=20x5')).toContain('year');
    expect(await field('/stats/by-month?from=2025-13-01')).toContain('from');
    expect(await field('/stats/by-month?from=2025-05-02&to=2025-05-01')).toEqual(['from']);
    expect(await field('/stats/by-cluster?clusterId=nope')).toContain('clusterId');
    expect(await field('/stats/overview?foo=1')).toContain('foo');
    await get(admin, '/stats/overview?clusterId=00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('a date range narrows every figure; from/to override the year', async () => {
    const res = await get(admin, '/stats/overview?year=2025&from=2025-03-01&to=2025-03-31').expect(200);
    expect(res.body).toMatchObject({
      eventsHeld: 1,
      intents: 1,
      signed: 0,
      recommendations: 1,
      enterprisesServed: 3,
    });
    // the previous year of a narrowed period is the same dates a year earlier: nothing in March 2024
    expect(res.body.previousYear).toBeNull();
  });

  it('figures are fresh right after a change', async () => {
    const before = (await get(admin, '/stats/overview?year=2025').expect(200)).body;
    await http()
      .post(`${V1}/events/${ev.a1}/participants`)
      .set(admin)
      .send({ enterpriseId: e.e5.id, role: 'visitor' })
      .expect(201);
    const after = (await get(admin, '/stats/overview?year=2025').expect(200)).body;
    expect(after.participants).toBe(before.participants + 1);
    expect(after.enterprisesServed).toBe(before.enterprisesServed + 1);
    await sql.query(`DELETE FROM event_participants WHERE event_id = $1 AND enterprise_id = $2`, [
      ev.a1,
      e.e5.id,
    ]);
    t.app.get(StatsService).cache.clear();
    t.app.get(StatsService).attentionCache.clear();
  });

  it('attention lists', async () => {
    const list = await t.app.get(StatsService).attention('2025-07-01');
    expect(list.clustersWithoutLead.map((c) => c.id)).toContain(cNoLead);
    expect(list.clustersWithoutLead.map((c) => c.id)).not.toContain(cA);
    expect(list.clustersWithoutLead.find((c) => c.id === cNoLead)).toEqual({
      id: cNoLead,
      code: 'ST-C',
      name: '统计无牵头集群',
    });
    // A has a planned event on 2025-06-01, B a closed one on 2025-05-20: only the idle one is listed
    expect(list.idleAssociations).toEqual([{ id: idle.id, name: '统计闲置协会', lastEventDate: null }]);
    expect(list.unclosedEvents.map((x) => x.id)).toEqual([ev.a0, ev.a1]);
    expect(list.unclosedEvents[1]).toMatchObject({
      associationId: a.id,
      associationName: '统计甲协会',
      endDate: '2025-03-10',
    });
    expect(list.stuckIntents).toEqual([
      { id: intent.i4, title: '统计意向四', enterpriseName: '统计甲会员二有限公司', reachedOn: '2024-01-05' },
    ]);
    // later on, A is idle too, its last event being the planned one
    const later = await t.app.get(StatsService).attention('2025-10-01');
    expect(later.idleAssociations.find((x) => x.id === a.id)).toEqual({
      id: a.id,
      name: '统计甲协会',
      lastEventDate: '2025-06-01',
    });
    const res = await get(reviewer, '/stats/attention').expect(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'clustersWithoutLead',
      'idleAssociations',
      'stuckIntents',
      'unclosedEvents',
    ]);
  });

  it('targets: department admin sets, audited; actual and expected by today', async () => {
    const body = { events: 10, enterprisesServed: 8, intents: 4 };
    await http().put(`${V1}/targets/2025`).set(staffA).send(body).expect(403);
    await http().put(`${V1}/targets/2025`).set(reviewer).send(body).expect(403);
    const bad = await http()
      .put(`${V1}/targets/2025`)
      .set(admin)
      .send({ ...body, events: -1 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['events']);
    await http().put(`${V1}/targets/1999`).set(admin).send(body).expect(400);
    const put = await http().put(`${V1}/targets/2025`).set(admin).send(body).expect(200);
    // 2025 is over: everything was due
    expect(put.body).toMatchObject({
      year: 2025,
      ...body,
      actual: { events: 2, enterprisesServed: 4, intents: 2 },
      expectedByToday: body,
      yearElapsed: 1,
    });
    const audit = await sql.query(
      `SELECT action, after FROM audit_log WHERE entity = 'target' AND entity_id = '2025'`,
    );
    expect(audit).toEqual([{ action: 'create', after: expect.objectContaining({ events: 10, year: 2025 }) }]);
    await http()
      .put(`${V1}/targets/2025`)
      .set(admin)
      .send({ ...body, events: 12 })
      .expect(200);
    expect((await get(reviewer, '/targets/2025').expect(200)).body).toMatchObject({ events: 12 });
    // mid-year: 2 July is day 183 of 365
    const mid = await t.app.get(TargetsService).get(2025, '2025-07-02');
    expect(mid.expectedByToday).toEqual({
      events: Math.round((12 * 183) / 365),
      enterprisesServed: 4,
      intents: 2,
    });
    // a future year: nothing due yet; a year without targets: nulls
    const none = await get(admin, '/targets/2030').expect(200);
    expect(none.body).toMatchObject({
      year: 2030,
      events: null,
      expectedByToday: { events: null },
      yearElapsed: 0,
    });
  });

  it('downloads every statistic as .xlsx with Chinese headers and the filters on top', async () => {
    const binary = (res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    };
    const sheet = async (path: string) => {
      const res = await get(admin, path).set('Accept', XLSX).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toContain(XLSX);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      return wb.worksheets[0];
    };
    const ws = await sheet(`/stats/by-association?year=2025&clusterId=${cA}`);
    expect(ws.getCell('A1').value).toBe('按协会统计');
    expect(String(ws.getCell('A2').value)).toContain('年份 2025');
    expect(String(ws.getCell('A2').value)).toContain('集群 统计甲集群');
    expect(ws.getRow(3).getCell(1).value).toBe('协会');
    expect(ws.getRow(3).getCell(5).value).toBe('服务企业数');
    const overview = await sheet('/stats/overview?year=2025');
    expect(overview.getRow(3).values).toEqual([undefined, '指标', '本期', '上年同期']);
    expect(overview.getRow(4).values).toEqual([undefined, '举办活动数', 2, 1]);
    for (const path of ['/stats/by-cluster', '/stats/by-month', '/stats/by-event-type', '/stats/attention']) {
      expect((await sheet(path)).rowCount).toBeGreaterThan(2);
    }
  });
});
