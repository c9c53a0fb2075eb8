import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every worker's posting cache asks for the postings changed since its last look, several times a second under a
 * burst of publishing. Without an index on `updated_at` alone each look read the whole table (the existing
 * (kind, status, updated_at) index cannot serve a range on its last column).
 */
export class PostingsChangedIndex1764380000000 implements MigrationInterface {
  name = 'PostingsChangedIndex1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_postings_updated ON postings (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_postings_updated`);
  }
}
