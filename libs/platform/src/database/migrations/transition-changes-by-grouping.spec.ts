import type { Client } from 'pg';
import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { TransitionChangesByGrouping1764430000000 } from './1764430000000-transition-changes-by-grouping';

/** The statistics triggers of recommendations and memberships, finding changed rows by grouping. */
describe('migration 1764430000000: transition changes by grouping', () => {
  const db = migratedDatabase();
  let sql: Client;
  let enterprise: string;
  let membership: string;

  const pending = async (): Promise<string[]> =>
    (await sql.query(`SELECT id::text FROM stats_pending_recommendations ORDER BY id`)).rows.map(
      (r: { id: string }) => r.id,
    );
  const recommendationIds = async (where = 'true'): Promise<string[]> =>
    (await sql.query(`SELECT id::text FROM recommendations WHERE ${where} ORDER BY id`)).rows.map(
      (r: { id: string }) => r.id,
    );

  beforeAll(async () => {
    sql = db.sql;
    enterprise = (
      await sql.query(`INSERT INTO enterprises (name, credit_code, region_code, scale)
                       VALUES ('分组企业', '91210102MA0GROUP01', '210102', 'small') RETURNING id`)
    ).rows[0].id;
    const other = (
      await sql.query(`INSERT INTO enterprises (name, credit_code, region_code, scale)
                       VALUES ('分组伙伴', '91210102MA0GROUP02', '210102', 'small') RETURNING id`)
    ).rows[0].id;
    const association = (
      await sql.query(
        `INSERT INTO associations (name, credit_code) VALUES ('分组协会', '51210000MJ0GROUP01') RETURNING id`,
      )
    ).rows[0].id;
    membership = (
      await sql.query(
        `INSERT INTO memberships (association_id, enterprise_id, joined_on) VALUES ($1, $2, '2026-01-01') RETURNING id`,
        [association, enterprise],
      )
    ).rows[0].id;
    // 12 demands of the member × 25 supplies of another enterprise: 300 recommendations
    await sql.query(
      `WITH d AS (INSERT INTO postings (enterprise_id, kind, category, title, status)
                  SELECT $1, 'demand', 'product', '分组需求' || i, 'published' FROM generate_series(1, 12) i RETURNING id),
            s AS (INSERT INTO postings (enterprise_id, kind, category, title, status)
                  SELECT $2, 'supply', 'product', '分组供应' || i, 'published' FROM generate_series(1, 25) i RETURNING id)
       INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
                                    demand_score)
       SELECT d.id, s.id, $1, $2, 0.5 FROM d CROSS JOIN s`,
      [enterprise, other],
    );
  });

  beforeEach(() => sql.query(`DELETE FROM stats_pending_recommendations`));

  it('queues the recommendations whose counted columns changed, and none for a score', async () => {
    await sql.query(`UPDATE recommendations SET demand_score = demand_score + 0.1, supply_score = 0.2`);
    expect(await pending()).toEqual([]);
    const some = (await recommendationIds()).slice(0, 5);
    await sql.query(
      `UPDATE recommendations SET status = 'contacted', demand_score = 0.3 WHERE id = ANY($1::uuid[])`,
      [some],
    );
    expect(await pending()).toEqual(some);
  });

  it("queues a member's recommendations when its membership ends, and none for another column", async () => {
    await sql.query(`UPDATE memberships SET joined_on = '2026-02-01' WHERE id = $1`, [membership]);
    expect(await pending()).toEqual([]);
    await sql.query(`UPDATE memberships SET left_on = '2026-11-01' WHERE id = $1`, [membership]);
    expect(await pending()).toEqual(await recommendationIds(`demand_enterprise_id = '${enterprise}'`));
    expect((await pending()).length).toBe(300);
  });

  it('plans no nested loop over the transition tables, even after a first update that changed nothing', async () => {
    const plans: string[] = [];
    const own = await db.connect();
    own.on('notice', (n) => plans.push(n.message ?? ''));
    await own.query(`LOAD 'auto_explain'`);
    await own.query(`SET auto_explain.log_min_duration = 0`);
    await own.query(`SET auto_explain.log_nested_statements = on`);
    await own.query(`SET client_min_messages = log`);
    await own.query(`UPDATE recommendations SET demand_score = 0.9 WHERE false`);
    await own.query(`UPDATE recommendations SET status = 'viewed' WHERE status = 'new'`);
    const queued = plans.filter((p) => p.includes('INSERT INTO stats_pending_recommendations'));
    expect(queued.length).toBeGreaterThanOrEqual(2);
    for (const plan of queued) expect(plan).not.toContain('Nested Loop');
    expect((await pending()).length).toBeGreaterThan(0);
  });

  it('reverts to the joins and applies again', async () => {
    const body = async () =>
      (await sql.query(`SELECT prosrc FROM pg_proc WHERE proname = 'stats_trg_recommendations'`)).rows[0]
        .prosrc as string;
    expect(await body()).toContain('bool_and');
    await revertAndReapply(db.url, TransitionChangesByGrouping1764430000000, {
      reverted: async () => expect(await body()).toContain('JOIN old_rows'),
      reapplied: async () => expect(await body()).toContain('bool_and'),
    });
  });
});
