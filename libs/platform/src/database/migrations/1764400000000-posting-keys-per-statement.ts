import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recommendation's two postings are checked once per statement instead of once per row.
 *
 * The foreign keys ran a look-up and a row lock on `postings` for each side of each inserted row: for the 1.6M
 * rows of a full re-match's insert, 3.2M of them. Measured on 1.6M rows of the same width (PostgreSQL 15, default
 * settings): 24.0 s with the two foreign keys, 9.2–10.5 s with neither, 10.6–15.0 s with the statement check.
 *
 * The check keeps what the foreign keys guaranteed:
 * - after each INSERT into recommendations, every posting it names is locked `FOR KEY SHARE` (as a foreign key
 *   does), so a delete of one of them waits for the writer's commit; a posting that does not exist fails the
 *   statement with `foreign_key_violation` (23503), naming it;
 * - a recommendation's postings never change (refused, as no writer changes them), so updates need no check;
 * - deleting or truncating postings deletes their recommendations (was ON DELETE CASCADE), after the statement.
 */
export class PostingKeysPerStatement1764400000000 implements MigrationInterface {
  name = 'PostingKeysPerStatement1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recommendations DROP CONSTRAINT fk_recommendations_demand`);
    await q.query(`ALTER TABLE recommendations DROP CONSTRAINT fk_recommendations_supply`);
    // work_mem: the distinct ids of a full run's insert (~200k) are hashed in memory, not sorted on disk
    await q.query(`
      CREATE FUNCTION recommendations_postings_exist() RETURNS trigger LANGUAGE plpgsql
        SET work_mem = '64MB' AS $fn$
      DECLARE
        ids uuid[];
        found_ids bigint;
        missing uuid;
      BEGIN
        ids := ARRAY(SELECT demand_posting_id FROM new_rows UNION SELECT supply_posting_id FROM new_rows);
        SELECT count(*) INTO found_ids
          FROM (SELECT 1 FROM postings p WHERE p.id = ANY (ids) FOR KEY SHARE) locked;
        IF found_ids < cardinality(ids) THEN
          SELECT x.id INTO missing FROM unnest(ids) AS x(id)
           WHERE NOT EXISTS (SELECT 1 FROM postings p WHERE p.id = x.id) LIMIT 1;
          RAISE EXCEPTION 'recommendations name a posting that does not exist: %', missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'recommendations';
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER recommendations_postings_exist AFTER INSERT ON recommendations
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recommendations_postings_exist()`);
    await q.query(`
      CREATE FUNCTION recommendations_postings_fixed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'a recommendation''s postings cannot change (recommendation %)', OLD.id
          USING ERRCODE = 'integrity_constraint_violation', TABLE = 'recommendations';
      END $fn$`);
    await q.query(`
      CREATE TRIGGER recommendations_postings_fixed BEFORE UPDATE OF demand_posting_id, supply_posting_id
        ON recommendations FOR EACH ROW
        WHEN (OLD.demand_posting_id IS DISTINCT FROM NEW.demand_posting_id
              OR OLD.supply_posting_id IS DISTINCT FROM NEW.supply_posting_id)
        EXECUTE FUNCTION recommendations_postings_fixed()`);
    await q.query(`
      CREATE FUNCTION postings_delete_recommendations() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM recommendations;
        ELSE
          DELETE FROM recommendations r USING old_rows o WHERE r.demand_posting_id = o.id;
          DELETE FROM recommendations r USING old_rows o WHERE r.supply_posting_id = o.id;
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER postings_delete_recommendations AFTER DELETE ON postings
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION postings_delete_recommendations()`);
    await q.query(`
      CREATE TRIGGER postings_truncate_recommendations AFTER TRUNCATE ON postings
        FOR EACH STATEMENT EXECUTE FUNCTION postings_delete_recommendations()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER postings_truncate_recommendations ON postings`);
    await q.query(`DROP TRIGGER postings_delete_recommendations ON postings`);
    await q.query(`DROP FUNCTION postings_delete_recommendations()`);
    await q.query(`DROP TRIGGER recommendations_postings_fixed ON recommendations`);
    await q.query(`DROP FUNCTION recommendations_postings_fixed()`);
    await q.query(`DROP TRIGGER recommendations_postings_exist ON recommendations`);
    await q.query(`DROP FUNCTION recommendations_postings_exist()`);
    await q.query(`
      ALTER TABLE recommendations
        ADD CONSTRAINT fk_recommendations_demand FOREIGN KEY (demand_posting_id) REFERENCES postings(id) ON DELETE CASCADE,
        ADD CONSTRAINT fk_recommendations_supply FOREIGN KEY (supply_posting_id) REFERENCES postings(id) ON DELETE CASCADE`);
  }
}
