import type { Client } from 'pg';
import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { CheapScoreRewrites1764460000000 } from './1764460000000-cheap-score-rewrites';

/** Room for HOT score rewrites, and a row trigger that queues only the recommendations whose counted columns changed. */
describe('migration 1764460000000: cheap score rewrites', () => {
  const db = migratedDatabase();
  let sql: Client;

  const pending = async (): Promise<string[]> =>
    (await sql.query(`SELECT id::text FROM stats_pending_recommendations ORDER BY id`)).rows.map(
      (r: { id: string }) => r.id,
    );
  const ids = async (): Promise<string[]> =>
    (await sql.query(`SELECT id::text FROM recommendations ORDER BY id`)).rows.map(
      (r: { id: string }) => r.id,
    );
  /** The table's fillfactor option and whether its UPDATE statistics trigger fires per row. */
  const shape = async (): Promise<{ options: string[] | null; perRow: boolean }> => {
    const [{ options, per_row }] = (
      await sql.query(`
        SELECT c.reloptions AS options, (t.tgtype & 1) = 1 AS per_row
          FROM pg_class c JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = 'stats_recommendations_update'
         WHERE c.relname = 'recommendations'`)
    ).rows as { options: string[] | null; per_row: boolean }[];
    return { options, perRow: per_row };
  };

  beforeAll(async () => {
    sql = db.sql;
    const [a, b] = (
      await sql.query(`INSERT INTO enterprises (name, credit_code, region_code, scale)
                       VALUES ('改分企业', '91210102MA0SCORE01', '210102', 'small'),
                              ('改分伙伴', '91210102MA0SCORE02', '210102', 'small') RETURNING id`)
    ).rows.map((r: { id: string }) => r.id);
    // 8 demands × 10 supplies: 80 recommendations
    await sql.query(
      `WITH d AS (INSERT INTO postings (enterprise_id, kind, category, title, status)
                  SELECT $1, 'demand', 'product', '改分需求' || i, 'published' FROM generate_series(1, 8) i RETURNING id),
            s AS (INSERT INTO postings (enterprise_id, kind, category, title, status)
                  SELECT $2, 'supply', 'product', '改分供应' || i, 'published' FROM generate_series(1, 10) i RETURNING id)
       INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
                                    demand_score, reasons)
       SELECT d.id, s.id, $1, $2, 0.5, ARRAY['同一产业集群'] FROM d CROSS JOIN s`,
      [a, b],
    );
  });

  beforeEach(() => sql.query(`DELETE FROM stats_pending_recommendations`));

  it('queues, in one statement, the rows whose counted columns changed and none whose score or reasons did', async () => {
    const some = (await ids()).filter((_, i) => i % 7 === 0);
    await sql.query(
      `UPDATE recommendations
          SET demand_score = demand_score + 0.1, supply_score = 0.2, reasons = ARRAY['同城'],
              status = CASE WHEN id = ANY($1::uuid[]) THEN 'contacted' ELSE status END`,
      [some],
    );
    expect(await pending()).toEqual(some);
    await sql.query(`UPDATE recommendations SET demand_score = 0.3, matched_terms = ARRAY['炭黑']`);
    expect(await pending()).toEqual(some);
  });

  it('reverts to the statement trigger and the default fillfactor, and applies again', async () => {
    expect(await shape()).toEqual({ options: ['fillfactor=50'], perRow: true });
    await revertAndReapply(db.url, CheapScoreRewrites1764460000000, {
      reverted: async () => {
        expect(await shape()).toEqual({ options: null, perRow: false });
        // the statement trigger queues as the row trigger did
        const one = (await ids()).slice(0, 1);
        await sql.query(`UPDATE recommendations SET status = 'viewed', demand_score = 0.4 WHERE id = $1`, [
          one[0],
        ]);
        await sql.query(`UPDATE recommendations SET demand_score = 0.6`);
        expect(await pending()).toEqual(one);
      },
      reapplied: async () => expect(await shape()).toEqual({ options: ['fillfactor=50'], perRow: true }),
    });
  });
});
