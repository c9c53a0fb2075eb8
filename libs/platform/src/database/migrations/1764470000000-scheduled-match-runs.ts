import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Match runs started by the nightly schedule rather than by a person: `scheduled_for` is the moment the schedule
 * fired for, unique, so that the job a schedule tick queues makes one run however often it is retried or however
 * many workers take it.
 */
export class ScheduledMatchRuns1764470000000 implements MigrationInterface {
  name = 'ScheduledMatchRuns1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE match_runs ADD COLUMN scheduled_for timestamptz`);
    await q.query(
      `CREATE UNIQUE INDEX uq_match_runs_scheduled_for ON match_runs (scheduled_for) WHERE scheduled_for IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS uq_match_runs_scheduled_for`);
    await q.query(`ALTER TABLE match_runs DROP COLUMN IF EXISTS scheduled_for`);
  }
}
