import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department's yearly targets, and the indexes the statistics read through: a covering index so that
 * participation rows of an event are counted from the index alone, and the `max(updated_at)`-style look-ups the
 * statistics cache uses as its cheap data version.
 */
export class StatsTargets1764330000000 implements MigrationInterface {
  name = 'StatsTargets1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE targets (
        year integer PRIMARY KEY CONSTRAINT ck_targets_year CHECK (year BETWEEN 2000 AND 2100),
        events integer NOT NULL CONSTRAINT ck_targets_events CHECK (events >= 0),
        enterprises_served integer NOT NULL CONSTRAINT ck_targets_enterprises CHECK (enterprises_served >= 0),
        intents integer NOT NULL CONSTRAINT ck_targets_intents CHECK (intents >= 0),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // statistics: events counted by status and start date; intents by their stage dates
    await q.query(
      `CREATE INDEX ix_events_stats ON events (start_date, association_id, type, visits, id)
        WHERE status IN ('held','closed')`,
    );
    await q.query(`CREATE INDEX ix_intents_signed ON intents (signed_on) WHERE signed_on IS NOT NULL`);
    await q.query(`CREATE INDEX ix_intents_landed ON intents (landed_on) WHERE landed_on IS NOT NULL`);
    await q.query(`CREATE INDEX ix_meetings_event_status ON meetings (event_id, status)`);
    await q.query(`CREATE INDEX ix_recommendations_created ON recommendations (created_at)`);
    // the statistics cache's data version: newest change per table, each one index look-up
    await q.query(`CREATE INDEX ix_events_updated ON events (updated_at)`);
    await q.query(`CREATE INDEX ix_participants_created ON event_participants (created_at)`);
    await q.query(`CREATE INDEX ix_meetings_updated ON meetings (updated_at)`);
    await q.query(`CREATE INDEX ix_intents_updated ON intents (updated_at)`);
    await q.query(`CREATE INDEX ix_recommendations_updated ON recommendations (updated_at)`);
    await q.query(`CREATE INDEX ix_enterprises_updated ON enterprises (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'ix_enterprises_updated',
      'ix_recommendations_updated',
      'ix_intents_updated',
      'ix_meetings_updated',
      'ix_participants_created',
      'ix_events_updated',
      'ix_recommendations_created',
      'ix_meetings_event_status',
      'ix_intents_landed',
      'ix_intents_signed',
      'ix_events_stats',
    ]) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
    await q.query(`DROP TABLE IF EXISTS targets`);
  }
}
