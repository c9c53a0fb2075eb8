import { PostingIndexCache } from '@app/core';
import { chinaToday } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { Factories } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Supplies: RARE in two, FREQUENT in enough that fast mode lets it add to candidates but bring none. */
const SUPPLIES = 1050;
const WITH_FREQUENT = 320;
const RARE = 'zq100';
const FREQUENT = 'mx200';

/**
 * A posting's list is the same whichever writer wrote it (its publishing, a cluster run, a full run), on a set
 * where fast and exact mode disagree: until session 12 publishing and cluster runs scored exactly and full runs
 * fast, so the nightly run changed lists that no posting had changed.
 */
describe('every writer of stored lists asks the engine alike (HTTP → worker → PostgreSQL)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let sql: DataSource;
  let clusterId: string;
  let demandId: string;

  /** The demand's own list: the pairs it ranks (a served list also shows the supplies that rank it). */
  const storedList = async (): Promise<Array<{ supply: string; score: number }>> =>
    sql.query(
      `SELECT supply_posting_id AS supply, demand_score AS score FROM recommendations
        WHERE demand_posting_id = $1 AND demand_score IS NOT NULL ORDER BY demand_score DESC, supply_posting_id`,
      [demandId],
    );
  const run = async (body: object): Promise<void> => {
    const { id } = (await t.http().post('/api/v1/match-runs').set(auth).send(body).expect(202)).body;
    await waitFor(`the ${JSON.stringify(body)} run to finish`, async () => {
      const res = await t.http().get(`/api/v1/match-runs/${id}`).set(auth).expect(200);
      if (res.body.status === 'failed') throw new Error(res.body.error);
      return res.body.status === 'completed';
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    const token = await t.login();
    auth = { Authorization: `Bearer ${token}` };
    sql = t.app.get(DataSource);
    const make = new Factories(t, token);
    clusterId = (await make.cluster()).id;
    const sellers = await Promise.all(Array.from({ length: 4 }, () => make.enterprise()));
    await sql.query(
      `INSERT INTO postings (enterprise_id, kind, category, title, cluster_id, status)
       SELECT ($1::uuid[])[1 + n % 4], 'supply', 'product',
              CASE WHEN n <= 2 THEN '${RARE} ${FREQUENT} 供应' || n
                   WHEN n <= $3 THEN '${FREQUENT} 供应' || n
                   ELSE '其他产品供应' || n END,
              $2, 'published'
         FROM generate_series(1, $4::int) n`,
      [sellers.map((s) => s.id), clusterId, WITH_FREQUENT, SUPPLIES],
    );
    const buyer = await make.enterprise();
    const demand = await t
      .http()
      .post('/api/v1/postings')
      .set(auth)
      .send({
        enterpriseId: buyer.id,
        kind: 'demand',
        category: 'product',
        title: `采购 ${RARE} ${FREQUENT}`,
        clusterId,
        status: 'published',
      })
      .expect(201);
    demandId = demand.body.id;
    await waitFor('the demand to be matched', async () => {
      const [row]: { matched_version: number | null }[] = await sql.query(
        'SELECT matched_version FROM postings WHERE id = $1',
        [demandId],
      );
      return row.matched_version !== null;
    });
  }, 60_000);
  afterAll(() => t.close());

  it('stores at publishing the list that cluster and full runs compute, where exact mode would differ', async () => {
    const index = await t.app.get(PostingIndexCache).current(true);
    const [doc] = await sql.query(`SELECT title FROM postings WHERE id = $1`, [demandId]);
    const query = {
      id: demandId,
      enterpriseId: 'not-indexed',
      kind: 'demand' as const,
      category: 'product' as const,
      title: doc.title as string,
      description: '',
      keywords: [],
      clusterId: null,
      regionCode: null,
      validUntil: null,
      status: 'published' as const,
      tier: null,
    };
    // the premise: the supplies with the frequent term alone are in exact mode's list only
    const today = chinaToday();
    expect(index.query(query, { today, mode: 'exact' })).toHaveLength(10);
    const fast = index.query(query, { today, mode: 'fast' }).map((r) => r.postingId);
    expect(fast).toHaveLength(2);

    const published = await storedList();
    expect(published.map((r) => r.supply)).toEqual(fast);
    await run({ scope: 'cluster', clusterId });
    expect(await storedList()).toEqual(published);
    await run({ scope: 'all' });
    expect(await storedList()).toEqual(published);
  });
});
