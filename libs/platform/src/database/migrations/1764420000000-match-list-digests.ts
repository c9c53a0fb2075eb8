import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The digest of the list each posting last wrote in a match run, so that a re-run rewrites only lists that
 * changed (`storeRunLists`). A nightly re-run of 100k × 100k where little changed spent most of its merge
 * comparing 1.6M unchanged rows. A single posting's match (`storeLists`) deletes its posting's digest, so the
 * next run writes that list again. Goes with its posting.
 */
export class MatchListDigests1764420000000 implements MigrationInterface {
  name = 'MatchListDigests1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE match_list_digests (
        posting_id uuid PRIMARY KEY
          CONSTRAINT fk_match_list_digests_posting REFERENCES postings (id) ON DELETE CASCADE,
        digest bytea NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE match_list_digests`);
  }
}
