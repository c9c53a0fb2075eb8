import type { Client } from 'pg';
import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { PostingKeysPerStatement1764400000000 } from './1764400000000-posting-keys-per-statement';

/** The statement-level checks that replace the recommendations' two foreign keys to postings. */
describe('migration 1764400000000: posting keys checked per statement', () => {
  const db = migratedDatabase();
  let sql: Client;
  let other: Client;
  let enterprise: string;

  const posting = async (kind: 'demand' | 'supply'): Promise<string> =>
    (
      await sql.query(
        `INSERT INTO postings (enterprise_id, kind, category, title, status)
         VALUES ($1, $2, 'product', '数控机床主轴', 'published') RETURNING id`,
        [enterprise, kind],
      )
    ).rows[0].id as string;

  const recommend = (c: Client, pairs: Array<[string, string]>) =>
    c.query(
      `INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id,
                                    supply_enterprise_id, demand_score, reasons, matched_terms)
       SELECT p.d, p.s, $2, $2, 0.5, '{关键词匹配：主轴}', '{主轴}'
         FROM jsonb_to_recordset($1::jsonb) AS p(d uuid, s uuid)`,
      [JSON.stringify(pairs.map(([d, s]) => ({ d, s }))), enterprise],
    );

  const count = async (where: string, params: unknown[] = []): Promise<number> =>
    Number((await sql.query(`SELECT count(*) AS n FROM recommendations WHERE ${where}`, params)).rows[0].n);

  beforeAll(async () => {
    sql = db.sql;
    other = await db.connect();
    enterprise = (
      await sql.query(
        `INSERT INTO enterprises (name, credit_code, region_code, scale)
         VALUES ('沈阳精工机床有限公司', '91210100MA0000001X', '210100', 'medium') RETURNING id`,
      )
    ).rows[0].id as string;
  });

  it('refuses, as a foreign key would, a statement naming a posting that does not exist, and names it', async () => {
    const d = await posting('demand');
    const s = await posting('supply');
    const ghost = 'a0000000-0000-4000-8000-000000000001';
    const failure = await recommend(sql, [
      [d, s],
      [d, ghost],
    ]).catch((e: { code?: string; message: string }) => e);
    expect(failure).toMatchObject({ code: '23503' });
    expect((failure as Error).message).toContain(ghost);
    // the whole statement failed, the good pair included
    expect(await count('demand_posting_id = $1', [d])).toBe(0);
    await recommend(sql, [[d, s]]);
    expect(await count('demand_posting_id = $1', [d])).toBe(1);
  });

  it('locks the named postings until the writer commits: a delete waits rather than leaving orphans', async () => {
    const d = await posting('demand');
    const s = await posting('supply');
    await sql.query('BEGIN');
    try {
      await recommend(sql, [[d, s]]);
      await other.query(`SET lock_timeout = '300ms'`);
      await expect(other.query(`DELETE FROM postings WHERE id = $1`, [s])).rejects.toMatchObject({
        code: '55P03',
      });
    } finally {
      await sql.query('COMMIT');
    }
    await other.query(`DELETE FROM postings WHERE id = $1`, [s]);
    expect(await count('supply_posting_id = $1', [s])).toBe(0);
  });

  it('deletes the recommendations of deleted postings, on either side, and keeps the others', async () => {
    const [d1, d2, s1, s2] = [
      await posting('demand'),
      await posting('demand'),
      await posting('supply'),
      await posting('supply'),
    ];
    await recommend(sql, [
      [d1, s1],
      [d1, s2],
      [d2, s1],
      [d2, s2],
    ]);
    await sql.query(`DELETE FROM postings WHERE id = ANY ($1::uuid[])`, [[d1, s2]]);
    expect(await count('demand_posting_id = ANY ($1::uuid[])', [[d1, d2]])).toBe(1);
    expect(await count('demand_posting_id = $1 AND supply_posting_id = $2', [d2, s1])).toBe(1);
  });

  it('refuses to move a recommendation to other postings, and lets its scores change', async () => {
    const [d, s, s2] = [await posting('demand'), await posting('supply'), await posting('supply')];
    await recommend(sql, [[d, s]]);
    await expect(
      sql.query(`UPDATE recommendations SET supply_posting_id = $2 WHERE demand_posting_id = $1`, [d, s2]),
    ).rejects.toMatchObject({ code: '23000' });
    await sql.query(`UPDATE recommendations SET demand_score = 0.9 WHERE demand_posting_id = $1`, [d]);
    expect(await count('demand_posting_id = $1 AND demand_score = 0.9', [d])).toBe(1);
  });

  it('empties recommendations when postings are truncated', async () => {
    await recommend(sql, [[await posting('demand'), await posting('supply')]]);
    await sql.query(`TRUNCATE postings CASCADE`);
    expect(await count('true')).toBe(0);
  });

  it('reverts to the two foreign keys, and applies again', async () => {
    const foreignKeys = async () =>
      (
        await sql.query(
          `SELECT conname FROM pg_constraint
            WHERE conrelid = 'recommendations'::regclass AND contype = 'f' AND confrelid = 'postings'::regclass
            ORDER BY conname`,
        )
      ).rows.map((r: { conname: string }) => r.conname);
    expect(await foreignKeys()).toEqual([]);
    await revertAndReapply(db.url, PostingKeysPerStatement1764400000000, {
      reverted: async () =>
        expect(await foreignKeys()).toEqual(['fk_recommendations_demand', 'fk_recommendations_supply']),
      reapplied: async () => {
        expect(await foreignKeys()).toEqual([]);
        const d = await posting('demand');
        await expect(recommend(sql, [[d, 'a0000000-0000-4000-8000-000000000002']])).rejects.toMatchObject({
          code: '23503',
        });
      },
    });
  });
});
