import { MigrationInterface, QueryRunner } from 'typeorm';

/** Registry (clusters, chains, associations, enterprises, memberships), accounts and the audit log. */
export class RegistryAndAccounts1764300000000 implements MigrationInterface {
  name = 'RegistryAndAccounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clusters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        tier varchar(16) NOT NULL CONSTRAINT ck_clusters_tier CHECK (tier IN ('world','national','regional')),
        base varchar(50),
        description text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_clusters_code UNIQUE (code)
      )`);
    await q.query(`
      CREATE TABLE chains (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL CONSTRAINT fk_chains_cluster REFERENCES clusters(id) ON DELETE RESTRICT,
        code varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        segments jsonb NOT NULL DEFAULT '{"upstream":[],"midstream":[],"downstream":[]}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_chains_cluster_code UNIQUE (cluster_id, code)
      )`);
    await q.query(`
      CREATE TABLE associations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        credit_code char(18) NOT NULL,
        contact_name varchar(50),
        contact_phone varchar(20),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_associations_credit_code UNIQUE (credit_code)
      )`);
    // The primary key on cluster_id is the rule "a cluster has at most one lead association".
    await q.query(`
      CREATE TABLE association_lead_clusters (
        cluster_id uuid NOT NULL CONSTRAINT fk_lead_cluster REFERENCES clusters(id) ON DELETE CASCADE,
        association_id uuid NOT NULL CONSTRAINT fk_lead_association REFERENCES associations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_association_lead_clusters PRIMARY KEY (cluster_id)
      )`);
    await q.query(`CREATE INDEX ix_lead_clusters_association ON association_lead_clusters (association_id)`);
    await q.query(`
      CREATE TABLE enterprises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        credit_code char(18) NOT NULL,
        region_code char(6) NOT NULL,
        industry_code varchar(5),
        scale varchar(8) NOT NULL CONSTRAINT ck_enterprises_scale CHECK (scale IN ('large','medium','small','micro')),
        tier varchar(10) CONSTRAINT ck_enterprises_tier CHECK (tier IN ('leading','backbone','key')),
        contact_name varchar(50),
        contact_phone varchar(20),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_enterprises_credit_code UNIQUE (credit_code)
      )`);
    await q.query(`CREATE INDEX ix_enterprises_region ON enterprises (region_code)`);
    await q.query(`
      CREATE TABLE enterprise_clusters (
        enterprise_id uuid NOT NULL CONSTRAINT fk_enterprise_clusters_enterprise REFERENCES enterprises(id) ON DELETE CASCADE,
        cluster_id uuid NOT NULL CONSTRAINT fk_enterprise_clusters_cluster REFERENCES clusters(id) ON DELETE RESTRICT,
        CONSTRAINT pk_enterprise_clusters PRIMARY KEY (enterprise_id, cluster_id)
      )`);
    await q.query(`CREATE INDEX ix_enterprise_clusters_cluster ON enterprise_clusters (cluster_id)`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL CONSTRAINT fk_memberships_association REFERENCES associations(id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL CONSTRAINT fk_memberships_enterprise REFERENCES enterprises(id) ON DELETE CASCADE,
        joined_on date,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_memberships_association_enterprise UNIQUE (association_id, enterprise_id)
      )`);
    await q.query(`CREATE INDEX ix_memberships_enterprise ON memberships (enterprise_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(32) NOT NULL,
        password_hash text NOT NULL,
        role varchar(20) NOT NULL CONSTRAINT ck_users_role
          CHECK (role IN ('dept_admin','dept_staff','association_staff','enterprise_user','reviewer')),
        association_id uuid CONSTRAINT fk_users_association REFERENCES associations(id) ON DELETE RESTRICT,
        enterprise_id uuid CONSTRAINT fk_users_enterprise REFERENCES enterprises(id) ON DELETE RESTRICT,
        display_name varchar(50),
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT ck_users_scope_binding CHECK (
          (role = 'association_staff') = (association_id IS NOT NULL)
          AND (role = 'enterprise_user') = (enterprise_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        username varchar(32),
        action varchar(20) NOT NULL,
        entity varchar(40) NOT NULL,
        entity_id varchar(64),
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_log_entity_at ON audit_log (entity, at DESC)`);
    await q.query(`CREATE INDEX ix_audit_log_user_at ON audit_log (user_id, at DESC)`);
    await q.query(`CREATE INDEX ix_audit_log_at ON audit_log (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'users',
      'memberships',
      'enterprise_clusters',
      'enterprises',
      'association_lead_clusters',
      'associations',
      'chains',
      'clusters',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
