import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The digest of the list each posting last wrote in a match run, so that a re-run rewrites only lists that
 * changed (`storeRunLists`). A re-run of 100k × 100k where nothing changed spent most of its merge comparing
 * 1.6M unchanged rows. A single posting's match (`storeLists`) deletes its posting's digest, so the next run
 * writes that list again.
 *
 * A digest goes with its posting, deleted by a statement trigger rather than a foreign key: a key's row lock on
 * each posting cost 2.7 s of the 4.6 s that a full run's 200k digests took to write (measured here).
 */
export class MatchListDigests1764420000000 implements MigrationInterface {
  name = 'MatchListDigests1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE match_list_digests (posting_id uuid PRIMARY KEY, digest bytea NOT NULL)`);
    await q.query(`
      CREATE FUNCTION postings_delete_list_digests() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          TRUNCATE match_list_digests;
        ELSE
          DELETE FROM match_list_digests d USING old_rows o WHERE d.posting_id = o.id;
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER postings_delete_list_digests AFTER DELETE ON postings
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION postings_delete_list_digests()`);
    await q.query(`
      CREATE TRIGGER postings_truncate_list_digests AFTER TRUNCATE ON postings
        FOR EACH STATEMENT EXECUTE FUNCTION postings_delete_list_digests()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER postings_truncate_list_digests ON postings`);
    await q.query(`DROP TRIGGER postings_delete_list_digests ON postings`);
    await q.query(`DROP FUNCTION postings_delete_list_digests()`);
    await q.query(`DROP TABLE match_list_digests`);
  }
}
