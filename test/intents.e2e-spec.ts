import { ServedEnterprises } from '@app/core';
import { DataSource } from 'typeorm';
import { Factories, type AssociationBody, type EnterpriseBody } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/** Cooperation intents through HTTP on real PostgreSQL, and the one definition of enterprises served. */
describe('cooperation intents and enterprises served', () => {
  let t: TestApp;
  let make: Factories;
  let admin: { Authorization: string };
  let staffA: { Authorization: string };
  let staffB: { Authorization: string };
  let entUser: { Authorization: string };
  let a: AssociationBody;
  let b: AssociationBody;
  let clusterA: string;
  let clusterB: string;
  const firms: Record<string, EnterpriseBody> = {};

  const V1 = '/api/v1';
  const as = (headers: { Authorization: string }) => ({
    get: (path: string) => t.http().get(`${V1}${path}`).set(headers),
    post: (path: string, body: object = {}) => t.http().post(`${V1}${path}`).set(headers).send(body),
    patch: (path: string, body: object) => t.http().patch(`${V1}${path}`).set(headers).send(body),
  });
  const heldEvent = async (staff: { Authorization: string }, clusterId: string, startDate: string) => {
    const ev = await as(staff)
      .post('/events', {
        title: `对接会${startDate}`,
        type: 'matchmaking',
        clusterIds: [clusterId],
        startDate,
        endDate: startDate,
        regionCode: '210100',
      })
      .expect(201);
    return ev.body.id as string;
  };
  const setHeld = (staff: { Authorization: string }, id: string) =>
    as(staff).patch(`/events/${id}`, { status: 'held' }).expect(200);
  const register = (staff: { Authorization: string }, eventId: string, enterpriseId: string) =>
    as(staff).post(`/events/${eventId}/participants`, { enterpriseId, role: 'buyer' }).expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.login()}` };
    make = new Factories(t, await t.login());
    clusterA = (await make.cluster()).id;
    clusterB = (await make.cluster()).id;
    a = await make.association({ leadClusterIds: [clusterA] });
    b = await make.association({ leadClusterIds: [clusterB] });
    staffA = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: a.id })).login()}`,
    };
    staffB = {
      Authorization: `Bearer ${await (await make.user('association_staff', { associationId: b.id })).login()}`,
    };
    firms.shared = await make.memberEnterprise(a.id, { name: '辽宁共同参会装备有限公司' });
    firms.onlyA = await make.memberEnterprise(a.id, { name: '沈阳甲会员机械有限公司' });
    firms.onlyB = await make.memberEnterprise(b.id, { name: '大连乙会员化工有限公司' });
    firms.guest = await make.enterprise({ name: '鞍山非会员钢铁有限公司' });
    entUser = {
      Authorization: `Bearer ${await (await make.user('enterprise_user', { enterpriseId: firms.onlyA.id })).login()}`,
    };
  });
  afterAll(() => t.close());

  describe('creating intents', () => {
    it('records an intent with an external partner elsewhere in China, amount in 万元', async () => {
      const res = await as(entUser)
        .post('/intents', {
          counterpartName: '儋州洋浦新材料有限公司',
          counterpartRegionCode: '460400',
          clusterId: clusterA,
          title: '橡胶助剂长期供货意向',
          amountWan: 850.5,
          reachedOn: '2026-10-08',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        enterpriseId: firms.onlyA.id,
        counterpartName: '儋州洋浦新材料有限公司',
        counterpartRegionName: '儋州市',
        amountWan: 850.5,
        currency: 'CNY',
        stage: 'intent',
        stageLabel: '意向',
        reachedOn: '2026-10-08',
      });
      expect(typeof res.body.amountWan).toBe('number');
      expect(res.body.history).toHaveLength(1);
    });

    it('refuses intents without exactly one counterpart, with itself, in the future or for others', async () => {
      const both = await as(admin)
        .post('/intents', {
          enterpriseId: firms.onlyA.id,
          counterpartEnterpriseId: firms.onlyB.id,
          counterpartName: '某公司',
          title: '两个对方',
        })
        .expect(400);
      expect(both.body.details[0].field).toBe('counterpartEnterpriseId');
      const none = await as(admin)
        .post('/intents', { enterpriseId: firms.onlyA.id, title: '没有对方' })
        .expect(400);
      expect(none.body.details[0].field).toBe('counterpartEnterpriseId');
      const self = await as(admin)
        .post('/intents', {
          enterpriseId: firms.onlyA.id,
          counterpartEnterpriseId: firms.onlyA.id,
          title: '自己',
        })
        .expect(400);
      expect(self.body.details.map((d: { field: string }) => d.field)).toContain('counterpartEnterpriseId');
      const future = await as(admin)
        .post('/intents', {
          enterpriseId: firms.onlyA.id,
          counterpartName: '某公司',
          title: '未来',
          reachedOn: '2099-01-01',
        })
        .expect(400);
      expect(future.body.details[0].field).toBe('reachedOn');
      const negative = await as(admin)
        .post('/intents', {
          enterpriseId: firms.onlyA.id,
          counterpartName: '某公司',
          title: '负数',
          amountWan: -1,
        })
        .expect(400);
      expect(negative.body.details[0].field).toBe('amountWan');
      const foreign = await as(entUser)
        .post('/intents', { enterpriseId: firms.onlyB.id, counterpartName: '某公司', title: '替别人登记' })
        .expect(400);
      expect(foreign.body.details[0].field).toBe('enterpriseId');
      const notMember = await as(staffA)
        .post('/intents', { enterpriseId: firms.onlyB.id, counterpartName: '某公司', title: '非会员非活动' })
        .expect(400);
      expect(notMember.body.details[0].field).toBe('enterpriseId');
    });

    it('lets the organiser record an intent of a non-member who took part in its event', async () => {
      const eventId = await heldEvent(staffA, clusterA, '2026-09-10');
      await register(staffA, eventId, firms.guest.id);
      const res = await as(staffA)
        .post('/intents', {
          enterpriseId: firms.guest.id,
          counterpartEnterpriseId: firms.onlyA.id,
          eventId,
          title: '钢材配套供应',
        })
        .expect(201);
      expect(res.body.eventId).toBe(eventId);
      const notThere = await as(staffA)
        .post('/intents', {
          enterpriseId: firms.onlyB.id,
          counterpartEnterpriseId: firms.onlyA.id,
          eventId,
          title: '未参会',
        })
        .expect(400);
      expect(notThere.body.details[0].field).toBe('eventId');
    });

    it('scopes intents: parties and their associations see them, others get 404', async () => {
      const created = await as(admin)
        .post('/intents', {
          enterpriseId: firms.onlyB.id,
          counterpartName: '乙方外部伙伴',
          title: '乙会员的意向',
        })
        .expect(201);
      await as(staffB).get(`/intents/${created.body.id}`).expect(200);
      await as(staffA).get(`/intents/${created.body.id}`).expect(404);
      await as(entUser).get(`/intents/${created.body.id}`).expect(404);
      await as(entUser)
        .post(`/intents/${created.body.id}/transitions`, { to: 'signed', on: '2026-11-01' })
        .expect(404);
      const listed = await as(entUser).get('/intents?pageSize=200').expect(200);
      for (const i of listed.body.items) {
        expect([i.enterpriseId, i.counterpartEnterpriseId]).toContain(firms.onlyA.id);
      }
    });
  });

  describe('stages 意向 → 签约 → 落地', () => {
    const newIntent = async () =>
      (
        await as(admin)
          .post('/intents', {
            enterpriseId: firms.onlyA.id,
            counterpartEnterpriseId: firms.onlyB.id,
            title: '数控机床采购合作',
            amountWan: 300,
            reachedOn: '2026-08-01',
          })
          .expect(201)
      ).body.id as string;

    it('moves intent → signed → landed with dates and recorders, and refuses the rest with 409', async () => {
      const id = await newIntent();
      const early = await as(entUser)
        .post(`/intents/${id}/transitions`, { to: 'signed', on: '2026-07-01' })
        .expect(400);
      expect(early.body.details[0].field).toBe('on');
      await as(entUser).post(`/intents/${id}/transitions`, { to: 'landed', on: '2026-09-01' }).expect(409);
      const signed = await as(entUser)
        .post(`/intents/${id}/transitions`, { to: 'signed', on: '2026-09-01', note: '签订框架协议' })
        .expect(200);
      expect(signed.body).toMatchObject({ stage: 'signed', signedOn: '2026-09-01' });
      const landed = await as(staffB)
        .post(`/intents/${id}/transitions`, { to: 'landed', on: '2026-11-01' })
        .expect(200);
      expect(landed.body.history.map((h: { stage: string }) => h.stage)).toEqual([
        'intent',
        'signed',
        'landed',
      ]);
      expect(landed.body.history[1].note).toBe('签订框架协议');
      await as(admin).post(`/intents/${id}/transitions`, { to: 'dropped', on: '2026-11-02' }).expect(409);
      const bad = await as(admin)
        .post(`/intents/${id}/transitions`, { to: 'intent', on: '2026-11-02' })
        .expect(400);
      expect(bad.body.details[0].field).toBe('to');
    });

    it('lets exactly one of concurrent transitions win', async () => {
      const id = await newIntent();
      const attempts = await Promise.all(
        Array.from({ length: 5 }, () =>
          as(admin).post(`/intents/${id}/transitions`, { to: 'signed', on: '2026-10-01' }),
        ),
      );
      const statuses = attempts.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(4);
      const rows: { n: number }[] = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM intent_transitions WHERE intent_id = $1', [id]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('enterprises served, counted distinct at every level', () => {
    it('counts an enterprise met at two associations’ events once for the province and once for each association', async () => {
      const served = t.app.get(ServedEnterprises);
      const evA = await heldEvent(staffA, clusterA, '2026-06-12');
      const evB = await heldEvent(staffB, clusterB, '2026-06-20');
      await register(staffA, evA, firms.shared.id);
      await register(staffA, evA, firms.onlyA.id);
      await register(staffB, evB, firms.shared.id);
      await register(staffB, evB, firms.onlyB.id);
      const period = { from: '2026-06-01', to: '2026-06-30' };
      // Not held yet: nobody was served.
      expect(await served.count(period)).toBe(0);
      await setHeld(staffA, evA);
      await setHeld(staffB, evB);
      expect(await served.count(period)).toBe(3);
      expect(await served.count({ ...period, associationId: a.id })).toBe(2);
      expect(await served.count({ ...period, associationId: b.id })).toBe(2);
      expect(await served.count({ ...period, clusterId: clusterA })).toBe(2);
      const byAssociation = await served.countByAssociation(period);
      expect(byAssociation.get(a.id)! + byAssociation.get(b.id)!).toBeGreaterThan(await served.count(period));
      // An intent between the shared enterprise and a registered partner adds only the partner, once.
      await as(admin)
        .post('/intents', {
          enterpriseId: firms.shared.id,
          counterpartEnterpriseId: firms.guest.id,
          clusterId: clusterB,
          title: '跨会意向',
          reachedOn: '2026-06-25',
        })
        .expect(201);
      expect(await served.count(period)).toBe(4);
      expect(await served.count({ ...period, associationId: b.id })).toBe(3);
      expect(await served.count({ ...period, associationId: a.id })).toBe(2);
      const summary = await as(staffA).get(`/events/${evA}/summary`).expect(200);
      expect(summary.body).toMatchObject({ participants: 2, enterprisesServed: 2 });
    });
  });
});
