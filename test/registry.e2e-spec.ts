import { randomUUID } from 'node:crypto';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@app/core';
import { creditCode, Factories, uniqueSuffix, type EnterpriseBody, type MadeUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Detail {
  field: string;
  message: string;
}

const fieldsOf = (body: { details?: Detail[] }): string[] => (body.details ?? []).map((d) => d.field);
const detailFor = (body: { details?: Detail[] }, field: string): Detail | undefined =>
  (body.details ?? []).find((d) => d.field === field);

/** A character of the credit-code alphabet different from `ch`. */
const otherCheckChar = (ch: string): string => (ch === '0' ? '1' : '0');

describe('registry (HTTP, real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let adminToken: string;
  let make: Factories;

  const api = (path: string) => `/api/v1${path}`;
  const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });
  const get = (path: string, token = adminToken) =>
    t.http().get(api(path)).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object, token = adminToken) =>
    t.http().post(api(path)).set('Authorization', `Bearer ${token}`).send(body);
  const patch = (path: string, body: object, token = adminToken) =>
    t.http().patch(api(path)).set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login();
    make = new Factories(t, adminToken);
  });
  afterAll(() => t.close());

  describe('clusters', () => {
    it('creates, gets, lists and patches a cluster', async () => {
      const code = `CL-${uniqueSuffix()}`;
      const created = await post('/clusters', {
        code,
        name: '  测试数控机床集群  ',
        tier: 'national',
        base: '先进装备制造',
        description: '用于测试',
      }).expect(201);
      expect(created.body).toMatchObject({
        code,
        name: '测试数控机床集群',
        tier: 'national',
        tierLabel: '国家级',
        base: '先进装备制造',
        leadAssociationId: null,
        chainCount: 0,
      });
      const id = created.body.id as string;

      const one = await get(`/clusters/${id}`).expect(200);
      expect(one.body).toEqual(created.body);

      const listed = await get(`/clusters?q=${code}`).expect(200);
      expect(listed.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([id]);

      const patched = await patch(`/clusters/${id}`, { name: '改名后的集群', tier: 'world' }).expect(200);
      expect(patched.body).toMatchObject({
        id,
        code,
        name: '改名后的集群',
        tier: 'world',
        tierLabel: '世界级',
      });
      expect(patched.body.version).toBeGreaterThan(created.body.version);
      expect((await get(`/clusters/${id}`).expect(200)).body.name).toBe('改名后的集群');
    });

    it('filters the list by tier', async () => {
      await make.cluster({ tier: 'world' });
      const res = await get('/clusters?tier=world&pageSize=200').expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const c of res.body.items) expect(c.tier).toBe('world');
      await get('/clusters?tier=galactic').expect(400);
    });

    it.each([
      ['a space', 'bad code'],
      ['a punctuation mark', 'bad!'],
      ['33 characters', 'A'.repeat(33)],
      ['an empty string', ''],
    ])('refuses a code with %s (400, field code)', async (_why, code) => {
      const res = await post('/clusters', { code, name: '测试集群', tier: 'regional' }).expect(400);
      expect(fieldsOf(res.body)).toContain('code');
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('refuses a duplicate code (409, details field code), on create and on patch', async () => {
      const first = await make.cluster();
      const dup = await post('/clusters', { code: first.code, name: '另一个集群', tier: 'regional' }).expect(
        409,
      );
      expect(dup.body.statusCode).toBe(409);
      expect(fieldsOf(dup.body)).toEqual(['code']);
      const second = await make.cluster();
      const moved = await patch(`/clusters/${second.id}`, { code: first.code }).expect(409);
      expect(fieldsOf(moved.body)).toEqual(['code']);
      expect((await get(`/clusters/${second.id}`).expect(200)).body.code).toBe(second.code);
    });

    it('refuses a tier outside world|national|regional (400, field tier)', async () => {
      const res = await post('/clusters', {
        code: `X-${uniqueSuffix()}`,
        name: '测试集群',
        tier: 'provincial',
      }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['tier']);
      const cluster = await make.cluster();
      const bad = await patch(`/clusters/${cluster.id}`, { tier: 'galactic' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['tier']);
    });

    it('answers 404 for an unknown id and 400 naming the parameter for a non-UUID', async () => {
      await get(`/clusters/${randomUUID()}`).expect(404);
      await patch(`/clusters/${randomUUID()}`, { name: '不存在的集群' }).expect(404);
      const bad = await get('/clusters/not-a-uuid').expect(400);
      expect(fieldsOf(bad.body)).toEqual(['id']);
    });

    it('refuses PATCH /clusters/:id with a required field set to null (400 naming it, not 500)', async () => {
      const cluster = await make.cluster();
      const res = await patch(`/clusters/${cluster.id}`, { tier: null });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain('tier');
    });
  });

  describe('chains', () => {
    it('creates chains in a cluster and lists them by clusterId', async () => {
      const one = await make.cluster();
      const other = await make.cluster();
      const a = await post('/chains', {
        clusterId: one.id,
        code: 'CHAIN-A',
        name: '测试产业链甲',
        segments: { upstream: ['铸件'], downstream: ['整机'] },
      }).expect(201);
      expect(a.body).toMatchObject({
        clusterId: one.id,
        code: 'CHAIN-A',
        segments: { upstream: ['铸件'], midstream: [], downstream: ['整机'] },
      });
      await make.chain(one.id, { code: 'CHAIN-B' });
      // The same code in another cluster is fine; in the same cluster it is a conflict.
      await make.chain(other.id, { code: 'CHAIN-A' });
      const dup = await post('/chains', { clusterId: one.id, code: 'CHAIN-A', name: '重复产业链' }).expect(
        409,
      );
      expect(fieldsOf(dup.body)).toEqual(['code']);

      const listed = await get(`/chains?clusterId=${one.id}`).expect(200);
      expect(listed.body.total).toBe(2);
      expect(listed.body.items.map((c: { code: string }) => c.code).sort()).toEqual(['CHAIN-A', 'CHAIN-B']);
      for (const c of listed.body.items) expect(c.clusterId).toBe(one.id);
      expect((await get(`/clusters/${one.id}`).expect(200)).body.chainCount).toBe(2);
    });

    it('refuses a chain of an unknown cluster (400, field clusterId)', async () => {
      const res = await post('/chains', { clusterId: randomUUID(), code: 'NOPE', name: '无主产业链' }).expect(
        400,
      );
      expect(fieldsOf(res.body)).toEqual(['clusterId']);
      const notUuid = await post('/chains', { clusterId: 'abc', code: 'NOPE', name: '无主产业链' }).expect(
        400,
      );
      expect(fieldsOf(notUuid.body)).toContain('clusterId');
    });
  });

  describe('associations', () => {
    it('creates an association with lead clusters and shows them on both sides', async () => {
      const c1 = await make.cluster();
      const c2 = await make.cluster();
      const code = creditCode('51', '210000');
      const res = await post('/associations', {
        name: '辽宁省测试行业协会',
        creditCode: code,
        leadClusterIds: [c1.id, c2.id, c1.id],
        contactName: '李明',
        contactPhone: '13800001111',
      }).expect(201);
      expect(res.body).toMatchObject({ name: '辽宁省测试行业协会', creditCode: code, memberCount: 0 });
      expect([...res.body.leadClusterIds].sort()).toEqual([c1.id, c2.id].sort());
      for (const c of [c1, c2]) {
        expect((await get(`/clusters/${c.id}`).expect(200)).body.leadAssociationId).toBe(res.body.id);
      }
    });

    it('refuses a valid enterprise (91) credit code with 400 naming creditCode and the 51 rule', async () => {
      const res = await post('/associations', {
        name: '前缀错误的协会',
        creditCode: creditCode('91', '210000'),
      }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['creditCode']);
      expect(detailFor(res.body, 'creditCode')!.message).toContain('51');
    });

    it('refuses a 51 credit code with a wrong check character (400 naming creditCode)', async () => {
      const valid = creditCode('51', '210000');
      const wrong = valid.slice(0, 17) + otherCheckChar(valid[17]);
      const res = await post('/associations', { name: '校验位错误的协会', creditCode: wrong }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['creditCode']);
      expect(detailFor(res.body, 'creditCode')!.message).toContain(valid[17]);
    });

    it('refuses a duplicate credit code (409)', async () => {
      const first = await make.association();
      const res = await post('/associations', { name: '另一个协会', creditCode: first.creditCode }).expect(
        409,
      );
      expect(fieldsOf(res.body)).toEqual(['creditCode']);
    });

    it('refuses an unknown lead cluster (400, field leadClusterIds)', async () => {
      const res = await post('/associations', {
        name: '牵头未知集群的协会',
        creditCode: creditCode('51', '210000'),
        leadClusterIds: [randomUUID()],
      }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['leadClusterIds']);
    });

    it('refuses a cluster led by another association (409, leadClusterIds) and changes nothing', async () => {
      const contested = await make.cluster();
      const free = await make.cluster();
      const first = await make.association({ leadClusterIds: [contested.id] });
      const code = creditCode('51', '210000');

      const res = await post('/associations', {
        name: '抢牵头的协会',
        creditCode: code,
        leadClusterIds: [free.id, contested.id],
      }).expect(409);
      expect(fieldsOf(res.body)).toEqual(['leadClusterIds']);

      expect((await get(`/clusters/${contested.id}`).expect(200)).body.leadAssociationId).toBe(first.id);
      expect((await get(`/clusters/${free.id}`).expect(200)).body.leadAssociationId).toBeNull();
      expect((await get(`/associations?q=${code}`).expect(200)).body.total).toBe(0);
      expect((await get(`/associations/${first.id}`).expect(200)).body.leadClusterIds).toEqual([
        contested.id,
      ]);
    });

    it('refuses a PATCH that takes another association’s cluster, keeping the old leads (no partial rows)', async () => {
      const [contested, own, wanted] = [await make.cluster(), await make.cluster(), await make.cluster()];
      const first = await make.association({ leadClusterIds: [contested.id] });
      const second = await make.association({ leadClusterIds: [own.id] });

      const res = await patch(`/associations/${second.id}`, {
        leadClusterIds: [own.id, wanted.id, contested.id],
      }).expect(409);
      expect(fieldsOf(res.body)).toEqual(['leadClusterIds']);

      expect((await get(`/associations/${second.id}`).expect(200)).body.leadClusterIds).toEqual([own.id]);
      expect((await get(`/associations/${first.id}`).expect(200)).body.leadClusterIds).toEqual([
        contested.id,
      ]);
      expect((await get(`/clusters/${wanted.id}`).expect(200)).body.leadAssociationId).toBeNull();
      expect((await get(`/clusters/${contested.id}`).expect(200)).body.leadAssociationId).toBe(first.id);
    });

    it('moves lead clusters with PATCH: the released cluster can then be led by another', async () => {
      const [c1, c2] = [await make.cluster(), await make.cluster()];
      const first = await make.association({ leadClusterIds: [c1.id] });
      const second = await make.association();

      const moved = await patch(`/associations/${first.id}`, { leadClusterIds: [c2.id] }).expect(200);
      expect(moved.body.leadClusterIds).toEqual([c2.id]);
      expect((await get(`/clusters/${c1.id}`).expect(200)).body.leadAssociationId).toBeNull();
      expect((await get(`/clusters/${c2.id}`).expect(200)).body.leadAssociationId).toBe(first.id);

      const taken = await patch(`/associations/${second.id}`, { leadClusterIds: [c1.id] }).expect(200);
      expect(taken.body.leadClusterIds).toEqual([c1.id]);
      expect((await get(`/clusters/${c1.id}`).expect(200)).body.leadAssociationId).toBe(second.id);

      const cleared = await patch(`/associations/${first.id}`, { leadClusterIds: [] }).expect(200);
      expect(cleared.body.leadClusterIds).toEqual([]);
      expect((await get(`/clusters/${c2.id}`).expect(200)).body.leadAssociationId).toBeNull();
    });

    it('answers 404 for an unknown association', async () => {
      await get(`/associations/${randomUUID()}`).expect(404);
      await patch(`/associations/${randomUUID()}`, { name: '不存在的协会' }).expect(404);
    });
  });

  describe('enterprises', () => {
    const body = (overrides: Record<string, unknown> = {}) => ({
      name: `测试企业${uniqueSuffix()}有限公司`,
      creditCode: creditCode('91', '210102'),
      regionCode: '210102',
      scale: 'medium',
      ...overrides,
    });

    it('creates an enterprise and answers it with labels and region name', async () => {
      const cluster = await make.cluster();
      const input = body({ industryCode: 'C3421', tier: 'leading', clusterIds: [cluster.id] });
      const res = await post('/enterprises', input).expect(201);
      expect(res.body).toMatchObject({
        name: input.name,
        creditCode: input.creditCode,
        regionCode: '210102',
        regionName: '和平区',
        industryCode: 'C3421',
        scale: 'medium',
        scaleLabel: '中型',
        tier: 'leading',
        tierLabel: '龙头',
        clusterIds: [cluster.id],
      });
      expect((await get(`/enterprises/${res.body.id}`).expect(200)).body).toEqual(res.body);
    });

    it('refuses a wrong check character, naming creditCode and the expected character', async () => {
      const valid = creditCode('91', '210102');
      const wrong = valid.slice(0, 17) + otherCheckChar(valid[17]);
      const res = await post('/enterprises', body({ creditCode: wrong })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['creditCode']);
      const message = detailFor(res.body, 'creditCode')!.message;
      expect(message).toContain(`'${valid[17]}'`);
      expect(message).toContain(`'${wrong[17]}'`);
    });

    it.each([
      ['17 characters', (c: string) => c.slice(0, 17)],
      ['a letter never used (O)', (c: string) => `${c.slice(0, 10)}O${c.slice(11)}`],
    ])('refuses a credit code of %s (400, creditCode)', async (_why, spoil) => {
      const res = await post('/enterprises', body({ creditCode: spoil(creditCode()) })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['creditCode']);
    });

    it('normalises a lower-case credit code with surrounding spaces and accepts it', async () => {
      const code = creditCode('91', '210102');
      expect(code).toMatch(/[A-Z]/); // so that lower-casing changes it
      const res = await post('/enterprises', body({ creditCode: `  ${code.toLowerCase()} ` })).expect(201);
      expect(res.body.creditCode).toBe(code);
      const found = await get(`/enterprises?q=${code}`).expect(200);
      expect(found.body.items.map((e: EnterpriseBody) => e.id)).toEqual([res.body.id]);
    });

    it('refuses a duplicate credit code (409), even when typed in lower case', async () => {
      const first = await make.enterprise();
      const exact = await post('/enterprises', body({ creditCode: first.creditCode })).expect(409);
      expect(fieldsOf(exact.body)).toEqual(['creditCode']);
      await post('/enterprises', body({ creditCode: first.creditCode.toLowerCase() })).expect(409);
      const other = await make.enterprise();
      const viaPatch = await patch(`/enterprises/${other.id}`, { creditCode: first.creditCode }).expect(409);
      expect(fieldsOf(viaPatch.body)).toEqual(['creditCode']);
    });

    it.each([
      ['an unknown county', '219999'],
      ['five digits', '21010'],
      ['letters', 'abcdef'],
    ])('refuses a region code of %s (400, field regionCode)', async (_why, regionCode) => {
      const res = await post('/enterprises', body({ regionCode })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['regionCode']);
    });

    it('accepts region codes of another province and of a city', async () => {
      await post('/enterprises', body({ regionCode: '110105' })).expect(201);
      await post('/enterprises', body({ regionCode: '210200' })).expect(201);
    });

    it('refuses industry code 3421 without its letter (400, industryCode) and takes C3421', async () => {
      const bare = await post('/enterprises', body({ industryCode: '3421' })).expect(400);
      expect(fieldsOf(bare.body)).toEqual(['industryCode']);
      expect(detailFor(bare.body, 'industryCode')!.message).toContain('C3421');
      const bad = await post('/enterprises', body({ industryCode: 'CC342' })).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['industryCode']);
      const ok = await post('/enterprises', body({ industryCode: 'c3421' })).expect(201);
      expect(ok.body.industryCode).toBe('C3421');
    });

    it('refuses a scale or tier outside their enums (400 naming the field)', async () => {
      const scale = await post('/enterprises', body({ scale: 'huge' })).expect(400);
      expect(fieldsOf(scale.body)).toEqual(['scale']);
      const missing = await post('/enterprises', body({ scale: undefined })).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['scale']);
      const tier = await post('/enterprises', body({ tier: '龙头' })).expect(400);
      expect(fieldsOf(tier.body)).toEqual(['tier']);
      for (const s of ['large', 'small', 'micro']) await post('/enterprises', body({ scale: s })).expect(201);
    });

    it('refuses an unknown cluster id (400, clusterIds) without creating the enterprise', async () => {
      const input = body({ clusterIds: [randomUUID()] });
      const res = await post('/enterprises', input).expect(400);
      expect(fieldsOf(res.body)).toEqual(['clusterIds']);
      expect((await get(`/enterprises?q=${input.creditCode}`).expect(200)).body.total).toBe(0);
    });

    it('refuses unknown or privileged fields (400 forbidNonWhitelisted naming the field)', async () => {
      const created = await post('/enterprises', body({ role: 'dept_admin' })).expect(400);
      expect(fieldsOf(created.body)).toEqual(['role']);
      const enterprise = await make.enterprise();
      const versioned = await patch(`/enterprises/${enterprise.id}`, {
        version: 99,
        name: '新名称企业',
      }).expect(400);
      expect(fieldsOf(versioned.body)).toEqual(['version']);
      const idField = await patch(`/enterprises/${enterprise.id}`, { id: randomUUID() }).expect(400);
      expect(fieldsOf(idField.body)).toEqual(['id']);
      // Nothing of the refused PATCH was applied.
      const after = await get(`/enterprises/${enterprise.id}`).expect(200);
      expect(after.body).toMatchObject({ name: enterprise.name, version: enterprise.version });
      const cluster = await post('/clusters', {
        code: `X-${uniqueSuffix()}`,
        name: '测试集群',
        tier: 'regional',
        leadAssociationId: randomUUID(),
      }).expect(400);
      expect(fieldsOf(cluster.body)).toEqual(['leadAssociationId']);
    });

    it('refuses PATCH /enterprises/:id with a required field set to null (400 naming it, not 500)', async () => {
      const enterprise = await make.enterprise();
      const res = await patch(`/enterprises/${enterprise.id}`, { name: null });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain('name');
    });

    it('lets an enterprise user edit its contact but not its credit code or core-enterprise tier (403)', async () => {
      const enterprise = await make.enterprise();
      const user = await make.user('enterprise_user', { enterpriseId: enterprise.id });
      const token = await user.login();
      await patch(`/enterprises/${enterprise.id}`, { contactName: '赵六' }, token).expect(200);
      await patch(`/enterprises/${enterprise.id}`, { tier: 'leading' }, token).expect(403);
      await patch(`/enterprises/${enterprise.id}`, { creditCode: creditCode() }, token).expect(403);
      const after = await get(`/enterprises/${enterprise.id}`).expect(200);
      expect(after.body).toMatchObject({
        creditCode: enterprise.creditCode,
        tier: enterprise.tier ?? null,
        contactName: '赵六',
      });
    });

    it('masks the contact phone in the list but shows it in full on the detail for department roles', async () => {
      const staff = await make.user('dept_staff');
      const staffToken = await staff.login();
      const enterprise = await make.enterprise({ contactName: '王强', contactPhone: '13812345678' });

      for (const token of [adminToken, staffToken]) {
        const list = await get(`/enterprises?q=${enterprise.creditCode}`, token).expect(200);
        expect(list.body.items).toHaveLength(1);
        expect(list.body.items[0].contactPhone).toBe('138****5678');
        expect(list.body.items[0].contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
        const detail = await get(`/enterprises/${enterprise.id}`, token).expect(200);
        expect(detail.body.contactPhone).toBe('13812345678');
      }
      // The members list is a list too.
      const association = await make.association();
      await make.member(association.id, enterprise.id);
      const members = await get(`/associations/${association.id}/members`).expect(200);
      expect(members.body.items[0].contactPhone).toBe('138****5678');
    });

    describe('lists', () => {
      const tag = `分页${uniqueSuffix()}`;
      let made: EnterpriseBody[];

      beforeAll(async () => {
        made = [];
        for (let i = 0; i < 25; i++) {
          const regionCode = i % 3 === 0 ? '210203' : i % 3 === 1 ? '210102' : '210106';
          made.push(
            await make.enterprise({
              name: `${tag}企业${String(i).padStart(2, '0')}有限公司`,
              regionCode,
              scale: i % 2 ? 'small' : 'micro',
            }),
          );
        }
      });

      it('pages: total, page and pageSize are right and page 2 holds other items', async () => {
        const p1 = await get(`/enterprises?q=${tag}&pageSize=10`).expect(200);
        expect(p1.body).toMatchObject({ total: 25, page: 1, pageSize: 10 });
        expect(p1.body.items).toHaveLength(10);
        const p2 = await get(`/enterprises?q=${tag}&pageSize=10&page=2`).expect(200);
        expect(p2.body).toMatchObject({ total: 25, page: 2, pageSize: 10 });
        expect(p2.body.items).toHaveLength(10);
        const p3 = await get(`/enterprises?q=${tag}&pageSize=10&page=3`).expect(200);
        expect(p3.body.items).toHaveLength(5);
        const ids = [...p1.body.items, ...p2.body.items, ...p3.body.items].map((e: EnterpriseBody) => e.id);
        expect(new Set(ids).size).toBe(25);
        expect(ids.sort()).toEqual(made.map((e) => e.id).sort());
        expect(typeof p1.body.total).toBe('number');
      });

      it('defaults to page 1 of 20', async () => {
        const res = await get(`/enterprises?q=${tag}`).expect(200);
        expect(res.body).toMatchObject({ total: 25, page: 1, pageSize: 20 });
        expect(res.body.items).toHaveLength(20);
      });

      it.each([
        ['pageSize=201', 'pageSize'],
        ['pageSize=0', 'pageSize'],
        ['page=0', 'page'],
        ['page=abc', 'page'],
      ])('refuses %s (400 naming the parameter)', async (query, field) => {
        const res = await get(`/enterprises?${query}`).expect(400);
        expect(fieldsOf(res.body)).toContain(field);
      });

      it('accepts pageSize=200', async () => {
        const res = await get(`/enterprises?q=${tag}&pageSize=200`).expect(200);
        expect(res.body).toMatchObject({ total: 25, pageSize: 200 });
      });

      it('searches by name and by credit code (whole or part, any case)', async () => {
        const target = made[7];
        const byName = await get(`/enterprises?q=${encodeURIComponent(`${tag}企业07`)}`).expect(200);
        expect(byName.body.items.map((e: EnterpriseBody) => e.id)).toEqual([target.id]);
        const byCode = await get(`/enterprises?q=${target.creditCode}`).expect(200);
        expect(byCode.body.items.map((e: EnterpriseBody) => e.id)).toEqual([target.id]);
        const byPart = await get(`/enterprises?q=${target.creditCode.slice(8).toLowerCase()}`).expect(200);
        expect(byPart.body.items.map((e: EnterpriseBody) => e.id)).toContain(target.id);
        const none = await get(`/enterprises?q=${tag}不存在`).expect(200);
        expect(none.body).toMatchObject({ total: 0, items: [] });
      });

      it('filters by a city code including its counties, and by a county code exactly', async () => {
        const idsIn = (regions: string[]) =>
          made
            .filter((e) => regions.includes(e.regionCode))
            .map((e) => e.id)
            .sort();
        const shenyang = await get(`/enterprises?q=${tag}&regionCode=210100&pageSize=200`).expect(200);
        expect(shenyang.body.items.map((e: EnterpriseBody) => e.id).sort()).toEqual(
          idsIn(['210102', '210106']),
        );
        expect(shenyang.body.total).toBe(idsIn(['210102', '210106']).length);
        const heping = await get(`/enterprises?q=${tag}&regionCode=210102&pageSize=200`).expect(200);
        expect(heping.body.items.map((e: EnterpriseBody) => e.id).sort()).toEqual(idsIn(['210102']));
        const dalian = await get(`/enterprises?q=${tag}&regionCode=210200&pageSize=200`).expect(200);
        expect(dalian.body.items.map((e: EnterpriseBody) => e.id).sort()).toEqual(idsIn(['210203']));
        const liaoning = await get(`/enterprises?q=${tag}&regionCode=210000&pageSize=200`).expect(200);
        expect(liaoning.body.total).toBe(25);
        const beijing = await get(`/enterprises?q=${tag}&regionCode=110000`).expect(200);
        expect(beijing.body.total).toBe(0);
        const unknown = await get('/enterprises?regionCode=219999').expect(400);
        expect(fieldsOf(unknown.body)).toEqual(['regionCode']);
      });

      it('filters by scale', async () => {
        const res = await get(`/enterprises?q=${tag}&scale=micro&pageSize=200`).expect(200);
        expect(res.body.total).toBe(made.filter((e) => e.scale === 'micro').length);
        for (const e of res.body.items) expect(e.scale).toBe('micro');
        await get('/enterprises?scale=huge').expect(400);
      });
    });
  });

  describe('members', () => {
    it('adds members, lists them, counts them and refuses a duplicate (409)', async () => {
      const association = await make.association();
      const [e1, e2] = [await make.enterprise(), await make.enterprise()];
      const added = await post(`/associations/${association.id}/members`, {
        enterpriseId: e1.id,
        joinedOn: '2024-03-01',
      }).expect(201);
      expect(added.body).toMatchObject({
        associationId: association.id,
        enterpriseId: e1.id,
        enterpriseName: e1.name,
        creditCode: e1.creditCode,
        joinedOn: '2024-03-01',
        leftOn: null,
      });
      await post(`/associations/${association.id}/members`, { enterpriseId: e2.id }).expect(201);

      const list = await get(`/associations/${association.id}/members`).expect(200);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((m: { enterpriseId: string }) => m.enterpriseId).sort()).toEqual(
        [e1.id, e2.id].sort(),
      );
      expect((await get(`/associations/${association.id}`).expect(200)).body.memberCount).toBe(2);
      const byAssociation = await get(`/enterprises?associationId=${association.id}`).expect(200);
      expect(byAssociation.body.items.map((e: EnterpriseBody) => e.id).sort()).toEqual([e1.id, e2.id].sort());

      const dup = await post(`/associations/${association.id}/members`, { enterpriseId: e1.id }).expect(409);
      expect(fieldsOf(dup.body)).toEqual(['enterpriseId']);
      expect((await get(`/associations/${association.id}/members`).expect(200)).body.total).toBe(2);
    });

    it('refuses an unknown enterprise (400), an unknown association (404) and a bad date (400)', async () => {
      const association = await make.association();
      const enterprise = await make.enterprise();
      const unknownEnterprise = await post(`/associations/${association.id}/members`, {
        enterpriseId: randomUUID(),
      }).expect(400);
      expect(fieldsOf(unknownEnterprise.body)).toEqual(['enterpriseId']);
      await post(`/associations/${randomUUID()}/members`, { enterpriseId: enterprise.id }).expect(404);
      await get(`/associations/${randomUUID()}/members`).expect(404);
      const badDate = await post(`/associations/${association.id}/members`, {
        enterpriseId: enterprise.id,
        joinedOn: '2024-13-45',
      }).expect(400);
      expect(fieldsOf(badDate.body)).toEqual(['joinedOn']);
    });
  });

  describe('audit', () => {
    it('records an enterprise PATCH with its before and after values', async () => {
      const enterprise = await make.enterprise({ name: '审计前企业有限公司', scale: 'small' });
      await patch(`/enterprises/${enterprise.id}`, { name: '审计后企业有限公司', scale: 'large' }).expect(
        200,
      );
      const res = await get('/audit?entity=enterprise&pageSize=200').expect(200);
      for (const row of res.body.items) expect(row.entity).toBe('enterprise');
      const rows = res.body.items.filter((r: { entityId: string }) => r.entityId === enterprise.id);
      const update = rows.find((r: { action: string }) => r.action === 'update');
      expect(update).toMatchObject({
        username: 'admin',
        before: { name: '审计前企业有限公司', scale: 'small' },
        after: { name: '审计后企业有限公司', scale: 'large' },
      });
      const create = rows.find((r: { action: string }) => r.action === 'create');
      expect(create).toMatchObject({ before: null, after: { name: '审计前企业有限公司' } });
    });

    it('records writes to clusters, chains, associations (with lead clusters) and members', async () => {
      const cluster = await make.cluster({ name: '审计集群甲' });
      await patch(`/clusters/${cluster.id}`, { name: '审计集群乙' }).expect(200);
      const chain = await make.chain(cluster.id);
      const association = await make.association({ leadClusterIds: [cluster.id] });
      await patch(`/associations/${association.id}`, { leadClusterIds: [] }).expect(200);
      const enterprise = await make.enterprise();
      const member = await make.member(association.id, enterprise.id);

      const rowsOf = async (entity: string, id: string) =>
        (await get(`/audit?entity=${entity}&pageSize=200`).expect(200)).body.items.filter(
          (r: { entityId: string }) => r.entityId === id,
        );
      const clusterRows = await rowsOf('cluster', cluster.id);
      expect(clusterRows.find((r: { action: string }) => r.action === 'update')).toMatchObject({
        before: { name: '审计集群甲' },
        after: { name: '审计集群乙' },
      });
      expect(await rowsOf('chain', chain.id)).toHaveLength(1);
      const associationUpdate = (await rowsOf('association', association.id)).find(
        (r: { action: string }) => r.action === 'update',
      );
      expect(associationUpdate).toMatchObject({
        before: { leadClusterIds: [cluster.id] },
        after: { leadClusterIds: [] },
      });
      expect(await rowsOf('membership', member.id)).toHaveLength(1);
    });

    it('writes no audit row for a refused write', async () => {
      const before = (await get('/audit?pageSize=1').expect(200)).body.total;
      await post('/enterprises', {
        name: '坏企业',
        creditCode: '123',
        regionCode: '210102',
        scale: 'small',
      }).expect(400);
      const first = await make.cluster();
      await post('/clusters', { code: first.code, name: '重复集群', tier: 'regional' }).expect(409);
      const after = (await get('/audit?pageSize=1').expect(200)).body.total;
      expect(after).toBe(before + 1); // only the factory's cluster
    });
  });

  describe('demo data', () => {
    it('is absent with DEMO_DATA=false: demo_admin cannot log in (401)', async () => {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'demo_admin', password: DEMO_PASSWORD })
        .expect(401);
      expect(res.body.statusCode).toBe(401);
      expect((await get('/associations?pageSize=1').expect(200)).body.total).toBeLessThan(49);
    });

    describe('with demoData: true', () => {
      let demo: TestApp;
      let demoToken: string;
      const demoGet = (path: string, token = demoToken) =>
        demo.http().get(api(path)).set('Authorization', `Bearer ${token}`);

      beforeAll(async () => {
        demo = await createTestApp({ config: { demoData: true } });
        demoToken = await demo.login();
      }, 120_000);
      afterAll(() => demo?.close());

      it('loads 49 associations, about 400 enterprises and the cluster catalogue', async () => {
        const associations = await demoGet('/associations?pageSize=1').expect(200);
        expect(associations.body.total).toBe(49);
        const enterprises = await demoGet('/enterprises?pageSize=1').expect(200);
        expect(enterprises.body.total).toBeGreaterThanOrEqual(350);
        expect(enterprises.body.total).toBeLessThanOrEqual(450);
        const clusters = await demoGet('/clusters?pageSize=200').expect(200);
        expect(clusters.body.total).toBeGreaterThanOrEqual(20);
        const led = clusters.body.items.filter(
          (c: { leadAssociationId: string | null }) => c.leadAssociationId,
        );
        expect(led.length).toBeGreaterThan(0);
        const shenyang = await demoGet('/enterprises?regionCode=210100&pageSize=1').expect(200);
        expect(shenyang.body.total).toBeGreaterThan(0);
        expect(shenyang.body.total).toBeLessThan(enterprises.body.total);
      });

      it('has one login per role that can log in, bound like the README says', async () => {
        const sessions = new Map<string, { token: string; user: MadeUser }>();
        for (const login of DEMO_LOGINS) {
          const res = await demo
            .http()
            .post('/api/v1/auth/login')
            .send({ username: login.username, password: DEMO_PASSWORD })
            .expect(200);
          expect(res.body.user).toMatchObject({ username: login.username, role: login.role });
          sessions.set(login.role, { token: res.body.accessToken, user: res.body.user });
        }
        expect([...sessions.keys()].sort()).toEqual(
          ['association_staff', 'dept_admin', 'dept_staff', 'enterprise_user', 'reviewer'].sort(),
        );
        // The demo enterprise user's enterprise is a member of the demo association: staff can see it.
        const assoc = sessions.get('association_staff')!;
        const ent = sessions.get('enterprise_user')!;
        expect(assoc.user.associationId).toBeDefined();
        expect(ent.user.enterpriseId).toBeDefined();
        await demoGet(`/enterprises/${ent.user.enterpriseId}`, assoc.token).expect(200);
        const own = await demoGet('/enterprises', ent.token).expect(200);
        expect(own.body.items.map((e: EnterpriseBody) => e.id)).toEqual([ent.user.enterpriseId]);
      });
    });
  });

  it('keeps the admin token valid across the suite (sanity)', async () => {
    await t.http().get('/api/v1/auth/me').set(asAdmin()).expect(200);
  });
});
