import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { CheaperTimeOrderedIds1764410000000 } from './1764410000000-cheaper-time-ordered-ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 1764410000000: cheaper time-ordered ids', () => {
  const db = migratedDatabase();

  const batch = async (n: number): Promise<string[]> =>
    (await db.sql.query(`SELECT uuid_time_ordered()::text AS id FROM generate_series(1, $1)`, [n])).rows.map(
      (r: { id: string }) => r.id,
    );

  it('keeps the layout: the time in the first 48 bits, version 7, variant 10, and no repeats', async () => {
    const before = Date.now();
    const ids = await batch(50_000);
    const after = Date.now();
    expect(ids.every((id) => V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const times = ids.map((id) => parseInt(id.replace(/-/g, '').slice(0, 12), 16));
    // the database's clock and this process's may differ a little
    expect(Math.min(...times)).toBeGreaterThan(before - 5_000);
    expect(Math.max(...times)).toBeLessThan(after + 5_000);
    // the other 74 bits vary: each hex digit of the random tail takes all 16 values
    for (const at of [15, 20, 35]) expect(new Set(ids.map((id) => id[at])).size).toBe(16);
  });

  it('reverts to ids from strong random bytes, with the same layout, and applies again', async () => {
    const body = async () =>
      (await db.sql.query(`SELECT prosrc FROM pg_proc WHERE proname = 'uuid_time_ordered'`)).rows[0]
        .prosrc as string;
    expect(await body()).toContain('random()');
    await revertAndReapply(db.url, CheaperTimeOrderedIds1764410000000, {
      reverted: async () => {
        expect(await body()).toContain('gen_random_uuid()');
        expect((await batch(100)).every((id) => V7.test(id))).toBe(true);
      },
      reapplied: async () => expect(await body()).toContain('random()'),
    });
  });
});
