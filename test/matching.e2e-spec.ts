import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { makeCreditCode } from '@app/core';
import { DataSource } from 'typeorm';
import { WorkerAppModule } from '../apps/worker/src/worker-app.module';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

let serial = 0;
const creditCode = () =>
  makeCreditCode(`91210100MA${String(Date.now() % 1e6).padStart(6, '0')}${serial++ % 10}`);

describe('postings and matching end to end (HTTP → BullMQ → worker → PostgreSQL → HTTP)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let cncCluster: string;
  const ids: Record<string, string> = {};

  const post = (body: object, headers = auth) => t.http().post('/api/v1/postings').set(headers).send(body);
  const matches = (id: string, headers = auth) => t.http().get(`/api/v1/postings/${id}/matches`).set(headers);
  const pairRows = () =>
    t.app
      .get(DataSource)
      .query(
        'SELECT demand_posting_id, supply_posting_id, demand_score, supply_score, status FROM recommendations ORDER BY 1, 2',
      );

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    auth = { Authorization: `Bearer ${await t.login()}` };
    const clusters = await t.http().get('/api/v1/clusters?q=CNC-MACHINE').set(auth).expect(200);
    cncCluster = clusters.body.items[0].id;
    const enterprise = async (name: string, regionCode: string, tier?: string) =>
      (
        await t
          .http()
          .post('/api/v1/enterprises')
          .set(auth)
          .send({ name, creditCode: creditCode(), regionCode, scale: 'medium', ...(tier ? { tier } : {}) })
          .expect(201)
      ).body.id as string;
    ids.buyer = await enterprise('沈阳航宇精密制造有限公司', '210102');
    ids.maker = await enterprise('大连重工数控装备有限公司', '210203', 'leading');
    ids.other = await enterprise('鞍山钢联机械有限公司', '210302');
    await t
      .http()
      .post('/api/v1/users')
      .set(auth)
      .send({
        username: 'maker_user',
        password: 'Maker12345',
        role: 'enterprise_user',
        enterpriseId: ids.maker,
      })
      .expect(201);
  });
  afterAll(() => t.close());

  it('refuses bad postings with the field and the reason', async () => {
    const base = { enterpriseId: ids.buyer, kind: 'demand', category: 'equipment', title: '采购数控机床' };
    const short = await post({ ...base, title: '采购' }).expect(400);
    expect(short.body.details[0].field).toBe('title');
    const many = await post({ ...base, keywords: Array.from({ length: 21 }, (_, i) => `词${i}`) }).expect(
      400,
    );
    expect(many.body.details[0].field).toBe('keywords');
    const past = await post({ ...base, validUntil: '2020-01-01', status: 'published' }).expect(400);
    expect(past.body.details[0].field).toBe('validUntil');
    const kind = await post({ ...base, kind: 'offer' }).expect(400);
    expect(kind.body.details[0].field).toBe('kind');
  });

  it('publishes, matches on the queue, and serves the best counterpart first with reasons and no forbidden pairs', async () => {
    const demand = await post({
      enterpriseId: ids.buyer,
      kind: 'demand',
      category: 'equipment',
      title: '采购五轴联动数控机床两台',
      description: '用于航空结构件加工，要求五轴联动，定位精度 0.005mm。',
      keywords: ['五轴联动', '数控机床'],
      clusterId: cncCluster,
      status: 'published',
    }).expect(201);
    ids.demand = demand.body.id;
    const supply = await post({
      enterpriseId: ids.maker,
      kind: 'supply',
      category: 'equipment',
      title: '五轴联动CNC加工中心',
      description: '自主研发五轴联动 CNC 加工中心，适用于航空航天复杂曲面零件。',
      keywords: ['CNC', '五轴联动', '加工中心'],
      clusterId: cncCluster,
      status: 'published',
    }).expect(201);
    ids.supply = supply.body.id;
    // Traps: the buyer's own supply, an expired supply, and another demand.
    ids.own = (
      await post({
        enterpriseId: ids.buyer,
        kind: 'supply',
        category: 'equipment',
        title: '五轴联动数控机床对外加工',
        keywords: ['五轴联动'],
        status: 'published',
      }).expect(201)
    ).body.id;
    ids.draft = (
      await post({
        enterpriseId: ids.other,
        kind: 'supply',
        category: 'equipment',
        title: '五轴联动数控机床闲置转让',
        keywords: ['五轴联动'],
      }).expect(201)
    ).body.id;
    ids.otherDemand = (
      await post({
        enterpriseId: ids.other,
        kind: 'demand',
        category: 'equipment',
        title: '求购五轴联动数控机床',
        keywords: ['五轴联动'],
        status: 'published',
      }).expect(201)
    ).body.id;

    const found = await waitFor('the demand to be matched', async () => {
      const res = await matches(ids.demand).expect(200);
      return res.body.items.length > 0 ? res.body.items : undefined;
    });
    expect(found[0]).toMatchObject({ postingId: ids.supply, enterpriseId: ids.maker, kind: 'supply' });
    expect(found[0].reasons.join(' ')).toContain('五轴联动');
    const returned = found.map((i: { postingId: string }) => i.postingId);
    expect(returned).not.toContain(ids.own);
    expect(returned).not.toContain(ids.draft);
    expect(returned).not.toContain(ids.otherDemand);
    expect(found.every((i: { kind: string }) => i.kind === 'supply')).toBe(true);
  });

  it('keeps a recommendation status across re-runs; two worker processes on one queue leave the same rows as one', async () => {
    // A second, separate worker (its own Nest context, Redis and PostgreSQL connections) on the same queue.
    const secondWorker: INestApplicationContext = await NestFactory.createApplicationContext(
      WorkerAppModule.forRoot(t.config),
      { logger: false },
    );
    await secondWorker.init();
    try {
      const list = await matches(ids.demand).expect(200);
      const recommendationId = list.body.items[0].recommendationId;
      // updated_at moves with a status people set: the statistics cache reads it (score rewrites leave it)
      const updatedAt = async (): Promise<string> => {
        const rows: { at: string }[] = await t.app
          .get(DataSource)
          .query(`SELECT updated_at::text AS at FROM recommendations WHERE id = $1`, [recommendationId]);
        return rows[0].at;
      };
      const beforeStatus = await updatedAt();
      await t
        .http()
        .patch(`/api/v1/recommendations/${recommendationId}`)
        .set(auth)
        .send({ status: 'contacted' })
        .expect(200);
      expect(await updatedAt()).not.toBe(beforeStatus);

      const runAll = async () => {
        const res = await t.http().post('/api/v1/match-runs').set(auth).send({ scope: 'all' }).expect(202);
        expect(res.body.status).toBe('queued');
        return res.body.id as string;
      };
      const settle = (id: string) =>
        waitFor(`run ${id}`, async () => {
          const res = await t.http().get(`/api/v1/match-runs/${id}`).set(auth).expect(200);
          return res.body.status === 'completed' || res.body.status === 'failed' ? res.body : undefined;
        });
      const single = await settle(await runAll());
      expect(single).toMatchObject({ status: 'completed', progress: 100 });
      const afterOne = await pairRows();
      const [a, b] = await Promise.all([runAll(), runAll()]);
      await Promise.all([settle(a), settle(b)]);
      expect(await pairRows()).toEqual(afterOne);

      const again = await matches(ids.demand).expect(200);
      const row = again.body.items.find(
        (i: { recommendationId: string }) => i.recommendationId === recommendationId,
      );
      expect(row.status).toBe('contacted');
      await t
        .http()
        .patch(`/api/v1/recommendations/${recommendationId}`)
        .set(auth)
        .send({ status: 'viewed' })
        .expect(409);
    } finally {
      await secondWorker.close();
    }
  });

  it('keeps enterprise users to their own postings (404 outside)', async () => {
    const makerAuth = { Authorization: `Bearer ${await t.login('maker_user', 'Maker12345')}` };
    await t.http().get(`/api/v1/postings/${ids.demand}`).set(makerAuth).expect(404);
    await matches(ids.demand, makerAuth).expect(404);
    const mine = await t.http().get('/api/v1/postings').set(makerAuth).expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([ids.supply]);
    const forOther = await post(
      { enterpriseId: ids.buyer, kind: 'supply', category: 'service', title: '检测服务对外提供' },
      makerAuth,
    ).expect(400);
    expect(forOther.body.details[0].field).toBe('enterpriseId');
  });

  it('lists postings with the name of their enterprise, for the staff who enter them', async () => {
    const res = await t
      .http()
      .get(`/api/v1/postings?kind=supply&status=published&q=${encodeURIComponent('五轴联动CNC')}`)
      .set(auth)
      .expect(200);
    expect(
      res.body.items.map((p: { id: string; enterpriseName: string }) => [p.id, p.enterpriseName]),
    ).toEqual([[ids.supply, '大连重工数控装备有限公司']]);
    // the text filter finds a posting by its enterprise's name too
    const byName = await t
      .http()
      .get(`/api/v1/postings?kind=supply&q=${encodeURIComponent('大连重工')}`)
      .set(auth)
      .expect(200);
    expect(byName.body.items.map((p: { id: string }) => p.id)).toEqual([ids.supply]);
  });

  it("drops a closed posting from its counterparts' lists", async () => {
    await t.http().patch(`/api/v1/postings/${ids.supply}`).set(auth).send({ status: 'closed' }).expect(200);
    const res = await matches(ids.demand).expect(200);
    expect(res.body.items.map((i: { postingId: string }) => i.postingId)).not.toContain(ids.supply);
    await t.http().patch(`/api/v1/postings/${ids.supply}`).set(auth).send({ status: 'draft' }).expect(409);
  });
});
