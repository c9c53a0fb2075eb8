import type { Client } from 'pg';
import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { ScheduledMatchRuns1764470000000 } from './1764470000000-scheduled-match-runs';

/** One run per moment a schedule fired for; runs people ask for are not limited. */
describe('migration 1764470000000: scheduled match runs', () => {
  const db = migratedDatabase();
  let sql: Client;
  const insert = (scheduledFor: string | null) =>
    sql.query(`INSERT INTO match_runs (scope, scheduled_for) VALUES ('all', $1)`, [scheduledFor]);

  beforeAll(() => {
    sql = db.sql;
  });

  it('refuses a second run for the same moment, and allows any number without one', async () => {
    await insert('2026-11-29T18:00:00Z');
    await insert('2026-11-30T18:00:00Z');
    await expect(insert('2026-11-29T18:00:00Z')).rejects.toThrow(/uq_match_runs_scheduled_for/);
    await insert(null);
    await insert(null);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM match_runs`);
    expect(rows[0].n).toBe(4);
  });

  it('reverts and applies again', async () => {
    const column = async (): Promise<number> =>
      (
        await sql.query(
          `SELECT count(*)::int AS n FROM information_schema.columns
            WHERE table_name = 'match_runs' AND column_name = 'scheduled_for'`,
        )
      ).rows[0].n;
    await revertAndReapply(db.url, ScheduledMatchRuns1764470000000, {
      reverted: async () => expect(await column()).toBe(0),
      reapplied: async () => {
        expect(await column()).toBe(1);
        await insert('2026-12-01T18:00:00Z');
        await expect(insert('2026-12-01T18:00:00Z')).rejects.toThrow(/uq_match_runs_scheduled_for/);
      },
    });
  });
});
