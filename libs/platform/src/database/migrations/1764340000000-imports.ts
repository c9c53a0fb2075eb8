import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Excel imports: one row per uploaded file with its progress and its row-by-row report. The file itself is kept
 * in PostgreSQL until the import finishes, so an API process and a worker on different machines share it.
 */
export class Imports1764340000000 implements MigrationInterface {
  name = 'Imports1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(12) NOT NULL CONSTRAINT ck_imports_kind CHECK (kind IN ('enterprises','members','events','intents')),
        status varchar(10) NOT NULL DEFAULT 'queued'
          CONSTRAINT ck_imports_status CHECK (status IN ('queued','running','completed','failed')),
        progress integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        imported integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        errors_truncated boolean NOT NULL DEFAULT false,
        error text,
        file_name varchar(255) NOT NULL,
        file_size integer NOT NULL,
        content bytea,
        attempts integer NOT NULL DEFAULT 0,
        requested_by uuid,
        association_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_imports_created ON imports (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS imports`);
  }
}
