import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background Excel exports of big lists: the request, its progress and the finished file, kept in PostgreSQL so
 * that any API process can serve a file any worker wrote. The caller's role and binding are stored with it, so the
 * worker lists exactly what the requester may see.
 */
export class Exports1764360000000 implements MigrationInterface {
  name = 'Exports1764360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list varchar(20) NOT NULL,
        query jsonb NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL DEFAULT 'queued'
          CONSTRAINT ck_exports_status CHECK (status IN ('queued','running','completed','failed')),
        progress integer NOT NULL DEFAULT 0,
        rows integer NOT NULL DEFAULT 0,
        file_name varchar(255),
        file_size integer,
        content bytea,
        error text,
        requested_by uuid NOT NULL,
        caller jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_exports_requested_by ON exports (requested_by, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS exports`);
  }
}
