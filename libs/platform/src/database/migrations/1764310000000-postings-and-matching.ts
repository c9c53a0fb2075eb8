import { MigrationInterface, QueryRunner } from 'typeorm';

/** Postings (demands and supplies), match runs and recommendations keyed by (demand, supply). */
export class PostingsAndMatching1764310000000 implements MigrationInterface {
  name = 'PostingsAndMatching1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE postings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL CONSTRAINT fk_postings_enterprise REFERENCES enterprises(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CONSTRAINT ck_postings_kind CHECK (kind IN ('demand','supply')),
        category varchar(12) NOT NULL CONSTRAINT ck_postings_category
          CHECK (category IN ('product','technology','capacity','equipment','service','market')),
        title varchar(100) NOT NULL,
        description text NOT NULL DEFAULT '',
        keywords text[] NOT NULL DEFAULT '{}',
        cluster_id uuid CONSTRAINT fk_postings_cluster REFERENCES clusters(id) ON DELETE SET NULL,
        region_code char(6),
        valid_until date,
        amount_wan numeric(14,2),
        status varchar(10) NOT NULL DEFAULT 'draft' CONSTRAINT ck_postings_status CHECK (status IN ('draft','published','closed')),
        published_at timestamptz,
        -- The version the matcher last processed: published postings behind it are re-queued at start-up.
        matched_version integer,
        created_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_postings_enterprise ON postings (enterprise_id)`);
    await q.query(`CREATE INDEX ix_postings_kind_status ON postings (kind, status, updated_at)`);
    await q.query(`CREATE INDEX ix_postings_cluster ON postings (cluster_id)`);
    await q.query(`
      CREATE TABLE match_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope varchar(10) NOT NULL CONSTRAINT ck_match_runs_scope CHECK (scope IN ('all','cluster','event','posting')),
        cluster_id uuid,
        event_id uuid,
        posting_id uuid,
        status varchar(10) NOT NULL DEFAULT 'queued'
          CONSTRAINT ck_match_runs_status CHECK (status IN ('queued','running','completed','failed')),
        progress integer NOT NULL DEFAULT 0,
        counts jsonb NOT NULL DEFAULT '{}',
        error text,
        attempts integer NOT NULL DEFAULT 0,
        requested_by uuid,
        association_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_match_runs_created ON match_runs (created_at DESC)`);
    // A pair is on the demand's list (demand_score), on the supply's list (supply_score) or both. Each side's
    // matching writes only its own column, so the final rows never depend on the order jobs ran in.
    await q.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_posting_id uuid NOT NULL CONSTRAINT fk_recommendations_demand REFERENCES postings(id) ON DELETE CASCADE,
        supply_posting_id uuid NOT NULL CONSTRAINT fk_recommendations_supply REFERENCES postings(id) ON DELETE CASCADE,
        demand_enterprise_id uuid NOT NULL,
        supply_enterprise_id uuid NOT NULL,
        demand_score double precision,
        supply_score double precision,
        reasons text[] NOT NULL DEFAULT '{}',
        matched_terms text[] NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL DEFAULT 'new' CONSTRAINT ck_recommendations_status
          CHECK (status IN ('new','viewed','contacted','meeting','intent','dismissed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_recommendations_pair UNIQUE (demand_posting_id, supply_posting_id)
      )`);
    await q.query(`CREATE INDEX ix_recommendations_supply ON recommendations (supply_posting_id)`);
    await q.query(
      `CREATE INDEX ix_recommendations_demand_enterprise ON recommendations (demand_enterprise_id)`,
    );
    await q.query(
      `CREATE INDEX ix_recommendations_supply_enterprise ON recommendations (supply_enterprise_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS recommendations');
    await q.query('DROP TABLE IF EXISTS match_runs');
    await q.query('DROP TABLE IF EXISTS postings');
  }
}
