import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Takes the recommendation part of the statistics rollup (kind `C`) off the write path.
 *
 * A full re-match writes a million and more recommendation rows; refreshing their facts inside the writing
 * statement made those writes ~4× slower and held the rollup's advisory lock (which every figure-changing
 * write waits for) for minutes. Now the triggers only queue the ids of changed recommendations in
 * `stats_pending_recommendations` (no lock), and `stats_drain_recommendations(n)` refreshes up to n queued ids
 * under the lock: the worker drains the queue in the background, and statistics reads drain a short queue first,
 * so an interactive change (a recommendation marked contacted) is still in the next figures.
 *
 * The old `stats_refresh` keeps its body under the name `stats_refresh_now`; the new `stats_refresh` (called by
 * every statistics trigger) queues the recommendations and refreshes the rest at once, as before.
 */
export class DeferredRecommendationStats1764370000000 implements MigrationInterface {
  name = 'DeferredRecommendationStats1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stats_pending_recommendations (id uuid PRIMARY KEY)`);
    await q.query(`ALTER FUNCTION stats_refresh(text[], uuid[], uuid[], uuid[]) RENAME TO stats_refresh_now`);
    await q.query(`
      CREATE FUNCTION stats_refresh(p_codes text[], p_events uuid[], p_intents uuid[], p_recs uuid[])
      RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF cardinality(p_recs) > 0 THEN
          INSERT INTO stats_pending_recommendations (id) SELECT DISTINCT u FROM unnest(p_recs) u
            ON CONFLICT DO NOTHING;
        END IF;
        PERFORM stats_refresh_now(p_codes, p_events, p_intents, '{}'::uuid[]);
      END $fn$`);
    // Returns how many ids it refreshed; -1 (and nothing done) when more than p_only_below are queued.
    await q.query(`
      CREATE FUNCTION stats_drain_recommendations(p_max int, p_only_below int DEFAULT NULL)
      RETURNS int LANGUAGE plpgsql AS $fn$
      DECLARE v_ids uuid[];
      BEGIN
        IF p_only_below IS NOT NULL AND
           (SELECT count(*) FROM (SELECT 1 FROM stats_pending_recommendations LIMIT p_only_below + 1) x) > p_only_below
        THEN
          RETURN -1;
        END IF;
        WITH taken AS (
          DELETE FROM stats_pending_recommendations p
           WHERE p.id IN (SELECT id FROM stats_pending_recommendations LIMIT p_max FOR UPDATE SKIP LOCKED)
          RETURNING p.id)
        SELECT coalesce(array_agg(id), '{}') INTO v_ids FROM taken;
        IF cardinality(v_ids) > 0 THEN
          PERFORM stats_refresh_now('{}'::text[], '{}'::uuid[], '{}'::uuid[], v_ids);
        END IF;
        RETURN cardinality(v_ids);
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // what is still queued is refreshed first, so no figure is lost
    await q.query(`SELECT stats_drain_recommendations(2147483647)`);
    await q.query(`DROP FUNCTION stats_drain_recommendations(int, int)`);
    await q.query(`DROP FUNCTION stats_refresh(text[], uuid[], uuid[], uuid[])`);
    await q.query(`ALTER FUNCTION stats_refresh_now(text[], uuid[], uuid[], uuid[]) RENAME TO stats_refresh`);
    await q.query(`DROP TABLE stats_pending_recommendations`);
  }
}
