import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns a recommendation's statistics depend on (as in the statement trigger it replaces for UPDATE). */
const COUNTED = [
  'status',
  'created_at',
  'demand_enterprise_id',
  'supply_enterprise_id',
  'demand_posting_id',
  'supply_posting_id',
];
const counted = (row: 'OLD' | 'NEW') => `(${COUNTED.map((c) => `${row}.${c}`).join(', ')})`;

/**
 * Makes rewriting a recommendation's scores and explanation cheap: a statistics renewal rewrites every score of
 * a full run in one UPDATE (1.6M rows at 100k × 100k), and ordinary runs rewrite the lists that changed.
 *
 * - Half of each new page is left free, so that such a rewrite is a heap-only (HOT) update: the new row version
 *   stays on its page and no index gets an entry. It also needs that no indexed column changes; the writers of
 *   scores no longer set `updated_at` (indexed for the statistics cache), which now records what people change
 *   (status) and a pair's creation. Half, because a renewal rewrites every row of a page in one statement, so each
 *   needs room for its new version beside the old one. Measured on 780k rows of this table's shape: 10.4–12.2 s
 *   at the default fillfactor (no HOT update), 1.7–1.8 s at 50 (all HOT), 4.1 s at 60 (a quarter not HOT). The
 *   heap starts twice as large (290 → 610 MB there), the size it settles at anyway after a first full rewrite at
 *   the default.
 *   Rows written before this migration sit on full pages until they are rewritten or the table is rebuilt
 *   (`VACUUM FULL recommendations`, which locks it; not done here).
 * - An UPDATE queues a recommendation for the statistics from a row trigger whose condition compares the counted
 *   columns, instead of a statement trigger over transition tables: those hold a copy of every old and new row of
 *   the statement, scores and explanations included, only to find the few whose counted columns changed. On the
 *   same 780k rows, the HOT rewrite took 1.9 s with no trigger, 4.1 s with the statement trigger and 2.1 s with
 *   the row trigger; a status change of 15.6k rows took 0.7 s with it.
 */
export class CheapScoreRewrites1764460000000 implements MigrationInterface {
  name = 'CheapScoreRewrites1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recommendations SET (fillfactor = 50)`);
    await q.query(`
      CREATE FUNCTION stats_queue_changed_recommendation() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO stats_pending_recommendations (id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $fn$`);
    await q.query(`DROP TRIGGER stats_recommendations_update ON recommendations`);
    await q.query(`
      CREATE TRIGGER stats_recommendations_update AFTER UPDATE ON recommendations FOR EACH ROW
        WHEN (${counted('OLD')} IS DISTINCT FROM ${counted('NEW')})
        EXECUTE FUNCTION stats_queue_changed_recommendation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stats_recommendations_update ON recommendations`);
    await q.query(`
      CREATE TRIGGER stats_recommendations_update AFTER UPDATE ON recommendations
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION stats_trg_recommendations()`);
    await q.query(`DROP FUNCTION stats_queue_changed_recommendation()`);
    await q.query(`ALTER TABLE recommendations RESET (fillfactor)`);
  }
}
