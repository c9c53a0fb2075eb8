import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { LeanerRecommendationWrites1764390000000 } from './1764390000000-leaner-recommendation-writes';

describe('migration 1764390000000: leaner recommendation writes', () => {
  const db = migratedDatabase();

  it('gives recommendations version-7 ids that start with the time of their creation, in order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [row] = (await db.sql.query(`SELECT uuid_time_ordered() AS id, pg_sleep(0.002)`)).rows;
      ids.push(row.id as string);
    }
    const now = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(Math.abs(ms - now)).toBeLessThan(60_000);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const [column] = (
      await db.sql.query(
        `SELECT column_default FROM information_schema.columns WHERE table_name = 'recommendations' AND column_name = 'id'`,
      )
    ).rows;
    expect(column.column_default).toBe('uuid_time_ordered()');
  });

  it('reverts to the indexes and random ids it replaced, and applies again', async () => {
    const indexes = async () =>
      (
        await db.sql.query(
          `SELECT indexname FROM pg_indexes WHERE tablename = 'recommendations' ORDER BY indexname`,
        )
      ).rows.map((r: { indexname: string }) => r.indexname);
    const after = await indexes();
    expect(after).not.toContain('ix_recommendations_demand_enterprise');
    await revertAndReapply(db.url, LeanerRecommendationWrites1764390000000, {
      reverted: async () =>
        expect(await indexes()).toEqual(
          [
            ...after,
            'ix_recommendations_created',
            'ix_recommendations_demand_enterprise',
            'ix_recommendations_supply_enterprise',
          ].sort(),
        ),
      reapplied: async () => expect(await indexes()).toEqual(after),
    });
  });
});
