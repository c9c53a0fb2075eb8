import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { MatchListDigests1764420000000 } from './1764420000000-match-list-digests';

describe('migration 1764420000000: match list digests', () => {
  const db = migratedDatabase();

  const table = async () =>
    (await db.sql.query(`SELECT to_regclass('match_list_digests')::text AS t`)).rows[0].t as string | null;

  const posting = async (): Promise<string> =>
    (
      await db.sql.query<{ id: string }>(
        `INSERT INTO postings (enterprise_id, kind, category, title, status)
         SELECT id, 'demand', 'product', '摘要测试', 'published' FROM enterprises LIMIT 1 RETURNING id`,
      )
    ).rows[0].id;
  const digests = async (): Promise<string[]> =>
    (await db.sql.query(`SELECT posting_id::text AS id FROM match_list_digests ORDER BY 1`)).rows.map(
      (r: { id: string }) => r.id,
    );

  it("deletes a posting's digest with the posting, and every digest when postings are truncated", async () => {
    await db.sql.query(`INSERT INTO enterprises (name, credit_code, region_code, scale)
                        VALUES ('摘要企业', '91210102MA0DIGEST1', '210102', 'small')`);
    const [gone, kept] = [await posting(), await posting()];
    await db.sql.query(`INSERT INTO match_list_digests VALUES ($1, '\\x01'), ($2, '\\x02')`, [gone, kept]);
    await db.sql.query(`DELETE FROM postings WHERE id = $1`, [gone]);
    expect(await digests()).toEqual([kept]);
    await db.sql.query(`TRUNCATE postings CASCADE`);
    expect(await digests()).toEqual([]);
  });

  it('reverts and applies again', async () => {
    await revertAndReapply(db.url, MatchListDigests1764420000000, {
      reverted: async () => expect(await table()).toBeNull(),
      reapplied: async () => expect(await table()).toBe('match_list_digests'),
    });
  });
});
