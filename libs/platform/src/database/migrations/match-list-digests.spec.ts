import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { MatchListDigests1764420000000 } from './1764420000000-match-list-digests';

describe('migration 1764420000000: match list digests', () => {
  const db = migratedDatabase();

  const table = async () =>
    (await db.sql.query(`SELECT to_regclass('match_list_digests')::text AS t`)).rows[0].t as string | null;

  it("keeps a posting's digest only while the posting exists, and only for postings that exist", async () => {
    const { rows } = await db.sql.query<{ id: string }>(`
      WITH e AS (INSERT INTO enterprises (name, credit_code, region_code, scale)
                 VALUES ('摘要企业', '91210102MA0DIGEST1', '210102', 'small') RETURNING id)
      INSERT INTO postings (enterprise_id, kind, category, title, status)
      SELECT e.id, 'demand', 'product', '摘要测试', 'published' FROM e RETURNING id`);
    await db.sql.query(`INSERT INTO match_list_digests VALUES ($1, '\\x01')`, [rows[0].id]);
    await expect(
      db.sql.query(`INSERT INTO match_list_digests VALUES (gen_random_uuid(), '\\x01')`),
    ).rejects.toMatchObject({ code: '23503' });
    await db.sql.query(`DELETE FROM postings WHERE id = $1`, [rows[0].id]);
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM match_list_digests`)).rows[0].n).toBe(0);
  });

  it('reverts and applies again', async () => {
    await revertAndReapply(db.url, MatchListDigests1764420000000, {
      reverted: async () => expect(await table()).toBeNull(),
      reapplied: async () => expect(await table()).toBe('match_list_digests'),
    });
  });
});
