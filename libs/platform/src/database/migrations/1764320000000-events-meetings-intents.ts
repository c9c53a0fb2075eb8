import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matchmaking events with their clusters, co-organisers and participants; 1:1 meetings; the candidate pairs an
 * event-scope match run found among participants; cooperation intents and their stage history; and the one
 * definition of "enterprises served" as the view `served_contacts`.
 */
export class EventsMeetingsIntents1764320000000 implements MigrationInterface {
  name = 'EventsMeetingsIntents1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        type varchar(12) NOT NULL CONSTRAINT ck_events_type
          CHECK (type IN ('matchmaking','exhibition','delegation','study_tour','forum','online')),
        association_id uuid NOT NULL CONSTRAINT fk_events_association REFERENCES associations(id),
        start_date date NOT NULL,
        end_date date NOT NULL,
        region_code char(6) NOT NULL,
        venue varchar(200),
        visits integer CONSTRAINT ck_events_visits CHECK (visits IS NULL OR visits >= 0),
        description text NOT NULL DEFAULT '',
        status varchar(10) NOT NULL DEFAULT 'planned' CONSTRAINT ck_events_status
          CHECK (status IN ('planned','open','held','closed','cancelled')),
        held_at timestamptz,
        closed_at timestamptz,
        created_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_events_dates CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX ix_events_association ON events (association_id, start_date)`);
    await q.query(`CREATE INDEX ix_events_start ON events (start_date)`);
    await q.query(`
      CREATE TABLE event_clusters (
        event_id uuid NOT NULL CONSTRAINT fk_event_clusters_event REFERENCES events(id) ON DELETE CASCADE,
        cluster_id uuid NOT NULL CONSTRAINT fk_event_clusters_cluster REFERENCES clusters(id),
        PRIMARY KEY (event_id, cluster_id)
      )`);
    await q.query(`CREATE INDEX ix_event_clusters_cluster ON event_clusters (cluster_id)`);
    await q.query(`
      CREATE TABLE event_co_organisers (
        event_id uuid NOT NULL CONSTRAINT fk_event_co_event REFERENCES events(id) ON DELETE CASCADE,
        association_id uuid NOT NULL CONSTRAINT fk_event_co_association REFERENCES associations(id),
        PRIMARY KEY (event_id, association_id)
      )`);
    await q.query(`
      CREATE TABLE event_participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL CONSTRAINT fk_participants_event REFERENCES events(id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL CONSTRAINT fk_participants_enterprise REFERENCES enterprises(id),
        role varchar(10) NOT NULL CONSTRAINT ck_participants_role
          CHECK (role IN ('buyer','supplier','exhibitor','visitor')),
        -- Time ranges the enterprise cannot meet in: [{ "start": iso, "end": iso }].
        unavailable jsonb NOT NULL DEFAULT '[]',
        checked_in_at timestamptz,
        registered_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_participants_event_enterprise UNIQUE (event_id, enterprise_id)
      )`);
    await q.query(`CREATE INDEX ix_participants_enterprise ON event_participants (enterprise_id)`);
    await q.query(`
      CREATE TABLE event_candidates (
        event_id uuid NOT NULL CONSTRAINT fk_candidates_event REFERENCES events(id) ON DELETE CASCADE,
        demand_posting_id uuid NOT NULL CONSTRAINT fk_candidates_demand REFERENCES postings(id) ON DELETE CASCADE,
        supply_posting_id uuid NOT NULL CONSTRAINT fk_candidates_supply REFERENCES postings(id) ON DELETE CASCADE,
        demand_enterprise_id uuid NOT NULL,
        supply_enterprise_id uuid NOT NULL,
        score double precision NOT NULL,
        reasons text[] NOT NULL DEFAULT '{}',
        matched_terms text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (event_id, demand_posting_id, supply_posting_id)
      )`);
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL CONSTRAINT fk_meetings_event REFERENCES events(id) ON DELETE CASCADE,
        slot_start timestamptz NOT NULL,
        slot_end timestamptz NOT NULL,
        table_no integer NOT NULL CONSTRAINT ck_meetings_table CHECK (table_no >= 1),
        demand_enterprise_id uuid NOT NULL CONSTRAINT fk_meetings_demand REFERENCES enterprises(id),
        supply_enterprise_id uuid NOT NULL CONSTRAINT fk_meetings_supply REFERENCES enterprises(id),
        recommendation_id uuid CONSTRAINT fk_meetings_recommendation REFERENCES recommendations(id) ON DELETE SET NULL,
        score double precision,
        status varchar(10) NOT NULL DEFAULT 'scheduled' CONSTRAINT ck_meetings_status
          CHECK (status IN ('scheduled','confirmed','held','no_show','intent','cancelled')),
        note varchar(500),
        run_id uuid,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_meetings_slot CHECK (slot_end > slot_start),
        CONSTRAINT ck_meetings_two_parties CHECK (demand_enterprise_id <> supply_enterprise_id)
      )`);
    await q.query(`CREATE INDEX ix_meetings_event ON meetings (event_id, slot_start, table_no)`);
    await q.query(`CREATE INDEX ix_meetings_demand ON meetings (demand_enterprise_id)`);
    await q.query(`CREATE INDEX ix_meetings_supply ON meetings (supply_enterprise_id)`);
    await q.query(`
      CREATE TABLE intents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL CONSTRAINT fk_intents_enterprise REFERENCES enterprises(id),
        counterpart_enterprise_id uuid CONSTRAINT fk_intents_counterpart REFERENCES enterprises(id),
        counterpart_name varchar(200),
        counterpart_region_code char(6),
        event_id uuid CONSTRAINT fk_intents_event REFERENCES events(id) ON DELETE SET NULL,
        meeting_id uuid CONSTRAINT fk_intents_meeting REFERENCES meetings(id) ON DELETE SET NULL,
        recommendation_id uuid CONSTRAINT fk_intents_recommendation REFERENCES recommendations(id) ON DELETE SET NULL,
        cluster_id uuid CONSTRAINT fk_intents_cluster REFERENCES clusters(id),
        title varchar(200) NOT NULL,
        amount_wan numeric(14,2) CONSTRAINT ck_intents_amount CHECK (amount_wan IS NULL OR amount_wan >= 0),
        currency char(3) NOT NULL DEFAULT 'CNY',
        stage varchar(8) NOT NULL DEFAULT 'intent' CONSTRAINT ck_intents_stage
          CHECK (stage IN ('intent','signed','landed','dropped')),
        reached_on date NOT NULL,
        signed_on date,
        landed_on date,
        dropped_on date,
        created_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_intents_counterpart CHECK (
          (counterpart_enterprise_id IS NOT NULL) <> (counterpart_name IS NOT NULL)),
        CONSTRAINT ck_intents_not_self CHECK (counterpart_enterprise_id IS NULL OR counterpart_enterprise_id <> enterprise_id)
      )`);
    await q.query(`CREATE INDEX ix_intents_enterprise ON intents (enterprise_id)`);
    await q.query(`CREATE INDEX ix_intents_counterpart ON intents (counterpart_enterprise_id)`);
    await q.query(`CREATE INDEX ix_intents_event ON intents (event_id)`);
    await q.query(`CREATE INDEX ix_intents_reached ON intents (reached_on)`);
    await q.query(`
      CREATE TABLE intent_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        intent_id uuid NOT NULL CONSTRAINT fk_intent_transitions_intent REFERENCES intents(id) ON DELETE CASCADE,
        from_stage varchar(8) NOT NULL,
        to_stage varchar(8) NOT NULL,
        on_date date NOT NULL,
        note varchar(500),
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_intent_transitions_intent ON intent_transitions (intent_id, recorded_at)`);
    // Schedule runs are match runs of scope 'event' with purpose 'schedule' and their parameters.
    await q.query(`ALTER TABLE match_runs ADD COLUMN purpose varchar(10) NOT NULL DEFAULT 'match'`);
    await q.query(`ALTER TABLE match_runs ADD COLUMN params jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX ix_match_runs_event ON match_runs (event_id) WHERE event_id IS NOT NULL`);
    // Enterprises served, defined once: every contact that counts, with the association and cluster it counts
    // for and the day it happened. Counting distinct credit codes over any slice of it gives the figure.
    await q.query(`
      CREATE VIEW served_contacts AS
        SELECT 'participant'::text AS source, p.enterprise_id, en.credit_code, ev.id AS event_id, NULL::uuid AS intent_id,
               ev.association_id, ec.cluster_id, ev.start_date AS served_on
          FROM event_participants p
          JOIN events ev ON ev.id = p.event_id AND ev.status IN ('held','closed')
          JOIN enterprises en ON en.id = p.enterprise_id
          LEFT JOIN event_clusters ec ON ec.event_id = ev.id
        UNION ALL
        SELECT 'meeting', party.enterprise_id, en.credit_code, ev.id, NULL::uuid, ev.association_id, ec.cluster_id,
               (m.slot_start AT TIME ZONE 'Asia/Shanghai')::date
          FROM meetings m
          CROSS JOIN LATERAL (VALUES (m.demand_enterprise_id), (m.supply_enterprise_id)) AS party(enterprise_id)
          JOIN events ev ON ev.id = m.event_id
          JOIN enterprises en ON en.id = party.enterprise_id
          LEFT JOIN event_clusters ec ON ec.event_id = ev.id
         WHERE m.status IN ('held','intent')
        UNION ALL
        SELECT 'intent', party.enterprise_id, en.credit_code, i.event_id, i.id,
               COALESCE(ev.association_id, lead.association_id),
               COALESCE(i.cluster_id, ec.cluster_id), i.reached_on
          FROM intents i
          CROSS JOIN LATERAL (VALUES (i.enterprise_id), (i.counterpart_enterprise_id)) AS party(enterprise_id)
          JOIN enterprises en ON en.id = party.enterprise_id
          LEFT JOIN events ev ON ev.id = i.event_id
          LEFT JOIN event_clusters ec ON ec.event_id = i.event_id AND i.cluster_id IS NULL
          LEFT JOIN association_lead_clusters lead ON lead.cluster_id = i.cluster_id AND i.event_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS served_contacts`);
    await q.query(`DROP INDEX IF EXISTS ix_match_runs_event`);
    await q.query(`ALTER TABLE match_runs DROP COLUMN IF EXISTS params`);
    await q.query(`ALTER TABLE match_runs DROP COLUMN IF EXISTS purpose`);
    for (const table of [
      'intent_transitions',
      'intents',
      'meetings',
      'event_candidates',
      'event_participants',
      'event_co_organisers',
      'event_clusters',
      'events',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
