import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics rollup: exact figures without scanning a million rows per request.
 *
 * Two layers, both maintained by AFTER statement triggers (transition tables) in the writing transaction:
 *
 * - `stats_facts` — one compact row per (unit, day, association, cluster, event type) a unit counts for. Units and
 *   kinds: `S` an enterprise (one surrogate per credit code in `served_enterprise_keys`; its rows are exactly
 *   `SELECT DISTINCT` of the view `served_contacts`, which stays the one definition of "enterprises served"),
 *   `E` a held/closed event (v1 visits, v2 participants, v3 meetings), `R`/`G`/`L` an intent reached / signed /
 *   landed on that day (v1 amount, v2 dropped), `C` a recommendation (v2 contacted, v3 met).
 * - `stats_counts` — per calendar month (`m`) and year (`y`), per grouping mask (1 association, 2 cluster, 4
 *   event type; unset dimensions are NULL) and kind: `n` = the number of DISTINCT units present in that slice
 *   (so enterprises served stay distinct at every level, never summed), plus the sums of v1–v3.
 *
 * A trigger works out which units a change can touch (e.g. a participant → its credit code and its event),
 * deletes those units' facts, recomputes them from the base tables (for `S` from the view itself) and applies
 * the difference of the two fact sets to `stats_counts`: a unit's presence in a slice goes 0→1 or 1→0, its
 * values are subtracted and re-added. Refreshes take one transaction-level advisory lock, so concurrent writers
 * serialise from their first statistics-relevant statement to commit and each recomputation sees every earlier
 * committed change (READ COMMITTED takes a fresh snapshot per statement). `stats_rollup_rebuild()` recomputes
 * everything set-based (used here as the backfill, and by the benchmark after a bulk load with triggers off).
 *
 * The view is replaced by an equivalent one whose meetings and intents branches name each party in its own
 * UNION ALL branch (instead of a LATERAL VALUES list), so a filter on the enterprise reaches the indexes.
 */
const ANY_UNITS = '{units}';

/** Facts of each kind; `{units}` is replaced by the unit filter (`= ANY(units)`) or by `IS NOT NULL` for all. */
const FACTS = {
  served: `
    SELECT DISTINCT 'S'::char(1) AS kind, k.unit, s.served_on AS day, s.association_id, s.cluster_id,
           ev.type AS event_type, NULL::numeric AS v1, NULL::int AS v2, NULL::int AS v3
      FROM served_contacts s
      JOIN served_enterprise_keys k ON k.credit_code = s.credit_code
      LEFT JOIN events ev ON ev.id = s.event_id
     WHERE s.credit_code ${ANY_UNITS}`,
  event: `
    SELECT 'E'::char(1), e.id, e.start_date, e.association_id, ec.cluster_id, e.type,
           COALESCE(e.visits, 0)::numeric,
           (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)::int,
           (SELECT count(*) FROM meetings m WHERE m.event_id = e.id AND m.status NOT IN ('cancelled','no_show'))::int
      FROM events e
      LEFT JOIN event_clusters ec ON ec.event_id = e.id
     WHERE e.status IN ('held','closed') AND e.id ${ANY_UNITS}`,
  intent: `
    SELECT f.kind::char(1), i.id, f.on_date, COALESCE(ev.association_id, lead.association_id), ic.cluster_id, ev.type,
           CASE WHEN f.kind IN ('R','G') THEN i.amount_wan END,
           CASE WHEN f.kind = 'R' THEN (i.stage = 'dropped')::int END, NULL::int
      FROM intents i
      CROSS JOIN LATERAL (VALUES ('R', i.reached_on), ('G', i.signed_on), ('L', i.landed_on)) AS f(kind, on_date)
      LEFT JOIN events ev ON ev.id = i.event_id
      LEFT JOIN association_lead_clusters lead ON lead.cluster_id = i.cluster_id AND i.event_id IS NULL
      LEFT JOIN LATERAL (SELECT i.cluster_id AS cluster_id WHERE i.cluster_id IS NOT NULL
                         UNION ALL
                         SELECT ec.cluster_id FROM event_clusters ec
                          WHERE ec.event_id = i.event_id AND i.cluster_id IS NULL) ic ON true
     WHERE f.on_date IS NOT NULL AND i.id ${ANY_UNITS}`,
  recommendation: `
    SELECT 'C'::char(1), r.id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, ra.association_id, rc.cluster_id,
           NULL::varchar, NULL::numeric, (r.status IN ('contacted','meeting','intent'))::int,
           (r.status IN ('meeting','intent'))::int
      FROM recommendations r
      LEFT JOIN LATERAL (SELECT DISTINCT ms.association_id FROM memberships ms WHERE ms.left_on IS NULL
                            AND ms.enterprise_id IN (r.demand_enterprise_id, r.supply_enterprise_id)) ra ON true
      LEFT JOIN LATERAL (SELECT DISTINCT po.cluster_id FROM postings po
                          WHERE po.id IN (r.demand_posting_id, r.supply_posting_id) AND po.cluster_id IS NOT NULL) rc ON true
     WHERE r.id ${ANY_UNITS}`,
};

const FACT_COLUMNS = 'kind, unit, day, association_id, cluster_id, event_type, v1, v2, v3';

/** Every (grain, period, mask) slice a fact row `d` counts in. */
const SLICES = `
  CROSS JOIN LATERAL (VALUES ('m'::char(1), date_trunc('month', d.day)::date),
                             ('y'::char(1), date_trunc('year', d.day)::date)) AS g(grain, period)
  CROSS JOIN generate_series(0, 7) AS mk(mask)`;
const SLICE_COLUMNS = `g.grain, g.period, mk.mask::smallint AS mask,
  CASE WHEN mk.mask & 1 <> 0 THEN d.association_id END AS a, CASE WHEN mk.mask & 2 <> 0 THEN d.cluster_id END AS c,
  CASE WHEN mk.mask & 4 <> 0 THEN d.event_type END AS t`;
const COUNT_COLUMNS = 'kind, grain, period, mask, association_id, cluster_id, event_type, n, v1, v2, v3';

/** The body that replaces the facts of `units` (a uuid[] or text[] variable) of `kinds` and applies the delta. */
const refresh = (kinds: string, facts: string, unitsExpr: string, filter: string) => `
    WITH old AS (
      DELETE FROM stats_facts f WHERE f.kind = ANY('${kinds}'::char(1)[]) AND f.unit = ANY(${unitsExpr})
      RETURNING -1 AS sign, ${FACT_COLUMNS}),
    new AS (
      INSERT INTO stats_facts (${FACT_COLUMNS}) ${facts.replace(ANY_UNITS, filter)}
      RETURNING 1 AS sign, ${FACT_COLUMNS}),
    d AS (SELECT * FROM old UNION ALL SELECT * FROM new),
    s AS (SELECT DISTINCT d.sign, d.kind, d.unit, ${SLICE_COLUMNS}, d.v1, d.v2, d.v3
            FROM d ${SLICES})
    INSERT INTO stats_counts AS sc (${COUNT_COLUMNS})
    SELECT kind, grain, period, mask, a, c, t, sum(sign), COALESCE(sum(sign * v1), 0),
           COALESCE(sum(sign * v2), 0), COALESCE(sum(sign * v3), 0)
      FROM s
     GROUP BY kind, grain, period, mask, a, c, t
    HAVING sum(sign) <> 0 OR COALESCE(sum(sign * v1), 0) <> 0 OR COALESCE(sum(sign * v2), 0) <> 0
        OR COALESCE(sum(sign * v3), 0) <> 0
     ORDER BY grain, period, mask, kind, a, c, t
    ON CONFLICT ON CONSTRAINT uq_stats_counts DO UPDATE
       SET n = sc.n + EXCLUDED.n, v1 = sc.v1 + EXCLUDED.v1, v2 = sc.v2 + EXCLUDED.v2, v3 = sc.v3 + EXCLUDED.v3;`;

/** A slice column list with `d` fact-row columns, for the set-based rebuild. */
const rebuildCounts = (where: string) => `
    INSERT INTO stats_counts (${COUNT_COLUMNS})
    SELECT kind, grain, period, mask, a, c, t, count(*), COALESCE(sum(v1), 0), COALESCE(sum(v2), 0), COALESCE(sum(v3), 0)
      FROM (SELECT DISTINCT d.kind, d.unit, ${SLICE_COLUMNS}, d.v1, d.v2, d.v3
              FROM stats_facts d ${SLICES} WHERE ${where}) s
     GROUP BY kind, grain, period, mask, a, c, t`;

const LOCK = 'PERFORM pg_advisory_xact_lock(1764350000);';

const SERVED_VIEW = `
  CREATE OR REPLACE VIEW served_contacts AS
    SELECT 'participant'::text AS source, p.enterprise_id, en.credit_code, ev.id AS event_id, NULL::uuid AS intent_id,
           ev.association_id, ec.cluster_id, ev.start_date AS served_on
      FROM event_participants p
      JOIN events ev ON ev.id = p.event_id AND ev.status IN ('held','closed')
      JOIN enterprises en ON en.id = p.enterprise_id
      LEFT JOIN event_clusters ec ON ec.event_id = ev.id
    UNION ALL
    SELECT 'meeting', m.demand_enterprise_id, en.credit_code, ev.id, NULL::uuid, ev.association_id, ec.cluster_id,
           (m.slot_start AT TIME ZONE 'Asia/Shanghai')::date
      FROM meetings m
      JOIN events ev ON ev.id = m.event_id
      JOIN enterprises en ON en.id = m.demand_enterprise_id
      LEFT JOIN event_clusters ec ON ec.event_id = ev.id
     WHERE m.status IN ('held','intent')
    UNION ALL
    SELECT 'meeting', m.supply_enterprise_id, en.credit_code, ev.id, NULL::uuid, ev.association_id, ec.cluster_id,
           (m.slot_start AT TIME ZONE 'Asia/Shanghai')::date
      FROM meetings m
      JOIN events ev ON ev.id = m.event_id
      JOIN enterprises en ON en.id = m.supply_enterprise_id
      LEFT JOIN event_clusters ec ON ec.event_id = ev.id
     WHERE m.status IN ('held','intent')
    UNION ALL
    SELECT 'intent', i.enterprise_id, en.credit_code, i.event_id, i.id,
           COALESCE(ev.association_id, lead.association_id), COALESCE(i.cluster_id, ec.cluster_id), i.reached_on
      FROM intents i
      JOIN enterprises en ON en.id = i.enterprise_id
      LEFT JOIN events ev ON ev.id = i.event_id
      LEFT JOIN event_clusters ec ON ec.event_id = i.event_id AND i.cluster_id IS NULL
      LEFT JOIN association_lead_clusters lead ON lead.cluster_id = i.cluster_id AND i.event_id IS NULL
    UNION ALL
    SELECT 'intent', i.counterpart_enterprise_id, en.credit_code, i.event_id, i.id,
           COALESCE(ev.association_id, lead.association_id), COALESCE(i.cluster_id, ec.cluster_id), i.reached_on
      FROM intents i
      JOIN enterprises en ON en.id = i.counterpart_enterprise_id
      LEFT JOIN events ev ON ev.id = i.event_id
      LEFT JOIN event_clusters ec ON ec.event_id = i.event_id AND i.cluster_id IS NULL
      LEFT JOIN association_lead_clusters lead ON lead.cluster_id = i.cluster_id AND i.event_id IS NULL`;

/** Trigger function: refreshes the units each statement may have touched. One per base table. */
interface TableTrigger {
  table: string;
  /** SELECTs over `n` (new rows, INSERT/UPDATE) / `o` (old rows, UPDATE/DELETE) collecting text codes / uuids */
  codes?: string;
  events?: string;
  intents?: string;
  recs?: string;
  /** UPDATE: only rows where one of these columns changed (joined by `key`) count */
  changed?: { key: string; columns: string[] };
}

const TRIGGERS: TableTrigger[] = [
  {
    table: 'event_participants',
    changed: { key: 'id', columns: ['event_id', 'enterprise_id'] },
    codes: `SELECT en.credit_code FROM chg r JOIN enterprises en ON en.id = r.enterprise_id
             WHERE r.side = 'o' OR EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id AND e.status IN ('held','closed'))`,
    events: `SELECT r.event_id FROM chg r`,
  },
  {
    table: 'meetings',
    changed: {
      key: 'id',
      columns: ['event_id', 'status', 'demand_enterprise_id', 'supply_enterprise_id', 'slot_start'],
    },
    codes: `SELECT en.credit_code FROM chg r
              CROSS JOIN LATERAL (VALUES (r.demand_enterprise_id), (r.supply_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id WHERE r.status IN ('held','intent')`,
    events: `SELECT r.event_id FROM chg r`,
  },
  {
    table: 'intents',
    changed: {
      key: 'id',
      columns: [
        'enterprise_id',
        'counterpart_enterprise_id',
        'event_id',
        'cluster_id',
        'amount_wan',
        'stage',
        'reached_on',
        'signed_on',
        'landed_on',
      ],
    },
    codes: `SELECT en.credit_code FROM chg r
              CROSS JOIN LATERAL (VALUES (r.enterprise_id), (r.counterpart_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id`,
    intents: `SELECT r.id FROM chg r`,
  },
  {
    table: 'events',
    changed: { key: 'id', columns: ['status', 'start_date', 'association_id', 'type', 'visits'] },
    codes: `SELECT en.credit_code FROM chg r
              JOIN event_participants p ON p.event_id = r.id JOIN enterprises en ON en.id = p.enterprise_id
             WHERE r.status IN ('held','closed')
            UNION
            SELECT en.credit_code FROM chg r JOIN meetings m ON m.event_id = r.id AND m.status IN ('held','intent')
              CROSS JOIN LATERAL (VALUES (m.demand_enterprise_id), (m.supply_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id
            UNION
            SELECT en.credit_code FROM chg r JOIN intents i ON i.event_id = r.id
              CROSS JOIN LATERAL (VALUES (i.enterprise_id), (i.counterpart_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id`,
    events: `SELECT r.id FROM chg r`,
    intents: `SELECT i.id FROM chg r JOIN intents i ON i.event_id = r.id`,
  },
  {
    table: 'event_clusters',
    changed: { key: 'event_id', columns: ['cluster_id'] },
    codes: `SELECT en.credit_code FROM chg r JOIN events e ON e.id = r.event_id AND e.status IN ('held','closed')
              JOIN event_participants p ON p.event_id = r.event_id JOIN enterprises en ON en.id = p.enterprise_id
            UNION
            SELECT en.credit_code FROM chg r JOIN meetings m ON m.event_id = r.event_id AND m.status IN ('held','intent')
              CROSS JOIN LATERAL (VALUES (m.demand_enterprise_id), (m.supply_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id
            UNION
            SELECT en.credit_code FROM chg r JOIN intents i ON i.event_id = r.event_id AND i.cluster_id IS NULL
              CROSS JOIN LATERAL (VALUES (i.enterprise_id), (i.counterpart_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id`,
    events: `SELECT r.event_id FROM chg r`,
    intents: `SELECT i.id FROM chg r JOIN intents i ON i.event_id = r.event_id AND i.cluster_id IS NULL`,
  },
  {
    table: 'association_lead_clusters',
    changed: { key: 'cluster_id', columns: ['association_id'] },
    codes: `SELECT en.credit_code FROM chg r JOIN intents i ON i.cluster_id = r.cluster_id AND i.event_id IS NULL
              CROSS JOIN LATERAL (VALUES (i.enterprise_id), (i.counterpart_enterprise_id)) p(id)
              JOIN enterprises en ON en.id = p.id`,
    intents: `SELECT i.id FROM chg r JOIN intents i ON i.cluster_id = r.cluster_id AND i.event_id IS NULL`,
  },
  {
    table: 'enterprises',
    changed: { key: 'id', columns: ['credit_code'] },
    codes: `SELECT r.credit_code FROM chg r WHERE r.side = 'o' OR TG_OP <> 'INSERT'`,
  },
  {
    table: 'recommendations',
    changed: {
      key: 'id',
      columns: [
        'status',
        'created_at',
        'demand_enterprise_id',
        'supply_enterprise_id',
        'demand_posting_id',
        'supply_posting_id',
      ],
    },
    recs: `SELECT r.id FROM chg r`,
  },
  {
    table: 'memberships',
    changed: { key: 'id', columns: ['association_id', 'enterprise_id', 'left_on'] },
    recs: `SELECT x.id FROM chg r JOIN recommendations x ON x.demand_enterprise_id = r.enterprise_id
           UNION SELECT x.id FROM chg r JOIN recommendations x ON x.supply_enterprise_id = r.enterprise_id`,
  },
  {
    table: 'postings',
    changed: { key: 'id', columns: ['cluster_id'] },
    recs: `SELECT x.id FROM chg r JOIN recommendations x ON x.demand_posting_id = r.id WHERE TG_OP = 'UPDATE'
           UNION SELECT x.id FROM chg r JOIN recommendations x ON x.supply_posting_id = r.id WHERE TG_OP = 'UPDATE'`,
  },
];

/**
 * `rows` is every old and new row of the statement (`side` 'o' / 'n'); on UPDATE only the rows whose listed
 * columns changed, both versions.
 */
function triggerFunction(t: TableTrigger): string {
  const { key, columns } = t.changed!;
  const differs = columns.map((c) => `o.${c} IS DISTINCT FROM n.${c}`).join(' OR ');
  const rowsSql = (op: 'INSERT' | 'UPDATE' | 'DELETE') => {
    if (op === 'INSERT') return `SELECT 'n'::text AS side, n.* FROM new_rows n`;
    if (op === 'DELETE') return `SELECT 'o'::text AS side, o.* FROM old_rows o`;
    return `SELECT 'o'::text AS side, o.* FROM old_rows o JOIN new_rows n ON n.${key} = o.${key} WHERE ${differs}
            UNION ALL
            SELECT 'n', n.* FROM new_rows n JOIN old_rows o ON o.${key} = n.${key} WHERE ${differs}`;
  };
  const body = (op: 'INSERT' | 'UPDATE' | 'DELETE') => `
      WITH chg AS (${rowsSql(op)})
      SELECT ${t.codes ? `ARRAY(SELECT DISTINCT c::text FROM (${t.codes}) q(c) WHERE c IS NOT NULL)` : `'{}'::text[]`},
             ${t.events ? `ARRAY(SELECT DISTINCT u FROM (${t.events}) q(u) WHERE u IS NOT NULL)` : `'{}'::uuid[]`},
             ${t.intents ? `ARRAY(SELECT DISTINCT u FROM (${t.intents}) q(u) WHERE u IS NOT NULL)` : `'{}'::uuid[]`},
             ${t.recs ? `ARRAY(SELECT DISTINCT u FROM (${t.recs}) q(u) WHERE u IS NOT NULL)` : `'{}'::uuid[]`}
        INTO v_codes, v_events, v_intents, v_recs;`;
  return `
    CREATE OR REPLACE FUNCTION stats_trg_${t.table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE v_codes text[]; v_events uuid[]; v_intents uuid[]; v_recs uuid[];
    BEGIN
      IF TG_OP = 'INSERT' THEN ${body('INSERT')}
      ELSIF TG_OP = 'UPDATE' THEN ${body('UPDATE')}
      ELSE ${body('DELETE')}
      END IF;
      PERFORM stats_refresh(v_codes, v_events, v_intents, v_recs);
      RETURN NULL;
    END $fn$`;
}

export class StatsRollup1764350000000 implements MigrationInterface {
  name = 'StatsRollup1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SERVED_VIEW);
    await q.query(`
      CREATE TABLE served_enterprise_keys (
        credit_code char(18) PRIMARY KEY,
        unit uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT uq_served_enterprise_keys_unit UNIQUE
      )`);
    await q.query(`
      CREATE TABLE stats_facts (
        kind char(1) NOT NULL,
        unit uuid NOT NULL,
        day date NOT NULL,
        association_id uuid,
        cluster_id uuid,
        event_type varchar(12),
        v1 numeric,
        v2 integer,
        v3 integer
      )`);
    await q.query(`CREATE INDEX ix_stats_facts_unit ON stats_facts (unit, kind)`);
    await q.query(
      `CREATE INDEX ix_stats_facts_day ON stats_facts (kind, day) INCLUDE (unit, association_id, cluster_id, event_type)`,
    );
    await q.query(`
      CREATE TABLE stats_counts (
        kind char(1) NOT NULL,
        grain char(1) NOT NULL CONSTRAINT ck_stats_counts_grain CHECK (grain IN ('m','y')),
        period date NOT NULL,
        mask smallint NOT NULL,
        association_id uuid,
        cluster_id uuid,
        event_type varchar(12),
        n bigint NOT NULL,
        v1 numeric NOT NULL,
        v2 bigint NOT NULL,
        v3 bigint NOT NULL,
        CONSTRAINT uq_stats_counts UNIQUE NULLS NOT DISTINCT
          (grain, period, mask, kind, association_id, cluster_id, event_type)
      )`);
    await q.query(`
      CREATE FUNCTION stats_refresh(p_codes text[], p_events uuid[], p_intents uuid[], p_recs uuid[])
      RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE units uuid[];
      BEGIN
        IF cardinality(p_codes) + cardinality(p_events) + cardinality(p_intents) + cardinality(p_recs) = 0 THEN
          RETURN;
        END IF;
        ${LOCK}
        IF cardinality(p_codes) > 0 THEN
          INSERT INTO served_enterprise_keys (credit_code) SELECT DISTINCT c FROM unnest(p_codes) c
            ON CONFLICT DO NOTHING;
          units := ARRAY(SELECT k.unit FROM served_enterprise_keys k WHERE k.credit_code = ANY(p_codes::bpchar[]));
          ${refresh('{S}', FACTS.served, 'units', '= ANY(p_codes::bpchar[])')}
        END IF;
        IF cardinality(p_events) > 0 THEN
          ${refresh('{E}', FACTS.event, 'p_events', '= ANY(p_events)')}
        END IF;
        IF cardinality(p_intents) > 0 THEN
          ${refresh('{R,G,L}', FACTS.intent, 'p_intents', '= ANY(p_intents)')}
        END IF;
        IF cardinality(p_recs) > 0 THEN
          ${refresh('{C}', FACTS.recommendation, 'p_recs', '= ANY(p_recs)')}
        END IF;
      END $fn$`);
    await q.query(`
      CREATE FUNCTION stats_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        ${LOCK}
        TRUNCATE stats_facts, stats_counts;
        INSERT INTO served_enterprise_keys (credit_code) SELECT credit_code FROM enterprises ON CONFLICT DO NOTHING;
        INSERT INTO stats_facts (${FACT_COLUMNS}) ${FACTS.served.replace(ANY_UNITS, 'IS NOT NULL')};
        INSERT INTO stats_facts (${FACT_COLUMNS}) ${FACTS.event.replace(ANY_UNITS, 'IS NOT NULL')};
        INSERT INTO stats_facts (${FACT_COLUMNS}) ${FACTS.intent.replace(ANY_UNITS, 'IS NOT NULL')};
        INSERT INTO stats_facts (${FACT_COLUMNS}) ${FACTS.recommendation.replace(ANY_UNITS, 'IS NOT NULL')};
        ANALYZE stats_facts;
        ${rebuildCounts(`d.kind <> 'S'`)};
        -- enterprises served: distinct units per slice, straight from grouping sets
        FOR g IN 0..1 LOOP
          INSERT INTO stats_counts (${COUNT_COLUMNS})
          SELECT 'S', CASE WHEN g = 0 THEN 'm' ELSE 'y' END, p,
                 (CASE WHEN GROUPING(association_id) = 0 THEN 1 ELSE 0 END
                  + CASE WHEN GROUPING(cluster_id) = 0 THEN 2 ELSE 0 END
                  + CASE WHEN GROUPING(event_type) = 0 THEN 4 ELSE 0 END)::smallint,
                 association_id, cluster_id, event_type, count(DISTINCT unit), 0, 0, 0
            FROM (SELECT date_trunc(CASE WHEN g = 0 THEN 'month' ELSE 'year' END, day)::date AS p, unit,
                         association_id, cluster_id, event_type FROM stats_facts WHERE kind = 'S') f
           GROUP BY GROUPING SETS ((p), (p, association_id), (p, cluster_id), (p, association_id, cluster_id),
                                   (p, event_type), (p, association_id, event_type), (p, cluster_id, event_type),
                                   (p, association_id, cluster_id, event_type));
        END LOOP;
        ANALYZE stats_counts;
      END $fn$`);
    for (const t of TRIGGERS) {
      await q.query(triggerFunction(t));
      for (const [op, ref] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ]) {
        await q.query(`
          CREATE TRIGGER stats_${t.table}_${op.toLowerCase()} AFTER ${op} ON ${t.table}
            REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION stats_trg_${t.table}()`);
      }
    }
    await q.query(`SELECT stats_rollup_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER IF EXISTS stats_${t.table}_${op} ON ${t.table}`);
      }
      await q.query(`DROP FUNCTION IF EXISTS stats_trg_${t.table}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS stats_rollup_rebuild()`);
    await q.query(`DROP FUNCTION IF EXISTS stats_refresh(text[], uuid[], uuid[], uuid[])`);
    await q.query(`DROP TABLE IF EXISTS stats_counts`);
    await q.query(`DROP TABLE IF EXISTS stats_facts`);
    await q.query(`DROP TABLE IF EXISTS served_enterprise_keys`);
  }
}
