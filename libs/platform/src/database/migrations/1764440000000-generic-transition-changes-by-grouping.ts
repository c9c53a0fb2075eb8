import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The other eight statistics triggers of migration 1764350000000 find the rows an UPDATE changed by grouping the
 * old and new transition rows, not by joining them (as 1764430000000 did for recommendations and memberships).
 *
 * PL/pgSQL keeps a parameterless statement's plan for the session, planned with the transition tables' sizes of
 * its first call: after a first UPDATE that changed no row, the join stayed a nested loop, and a later UPDATE of
 * many rows on that pooled connection rescanned one transition table for every row of the other (20k participants
 * moved to another event after an empty first update: 27 s; grouped: 0.4 s). A grouping of old and new rows on
 * the key and the counted columns is linear whatever plan is cached; a version found on one side only is a
 * changed row (both versions of it are), as the join's "some counted column differs" said.
 *
 * Only the UPDATE branch's `chg` query is replaced, in the stored body (`pg_get_functiondef`), rather than the
 * bodies regenerated: they carry 1764350000000's per-table code/event/intent queries, which stay as they are. If
 * the expected text is not found exactly once the migration fails instead of guessing. `chg` now carries `side`,
 * the key and the counted columns, which are all those queries read of `r`; grouping whole rows would need
 * equality on every column (event_participants has jsonb).
 *
 * The grouping also sees an UPDATE of the key itself (an event_clusters row moved to another event, a lead
 * cluster renumbered), which the join on that key never paired, so it refreshed nothing; and event_clusters'
 * key (event_id) is not unique, so the join paired an event's clusters with each other and refreshed every
 * event of two or more clusters a statement touched, changed or not.
 */
export class GenericTransitionChangesByGrouping1764440000000 implements MigrationInterface {
  name = 'GenericTransitionChangesByGrouping1764440000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await replaceInTrigger(q, t.table, changedByJoin(t), changedByGrouping(t));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await replaceInTrigger(q, t.table, changedByGrouping(t), changedByJoin(t));
  }
}

interface Changed {
  table: string;
  key: string;
  columns: string[];
}

/** As in 1764350000000's TRIGGERS: on UPDATE only rows where one of `columns` changed count, paired by `key`. */
const TABLES: Changed[] = [
  { table: 'event_participants', key: 'id', columns: ['event_id', 'enterprise_id'] },
  {
    table: 'meetings',
    key: 'id',
    columns: ['event_id', 'status', 'demand_enterprise_id', 'supply_enterprise_id', 'slot_start'],
  },
  {
    table: 'intents',
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
  { table: 'events', key: 'id', columns: ['status', 'start_date', 'association_id', 'type', 'visits'] },
  { table: 'event_clusters', key: 'event_id', columns: ['cluster_id'] },
  { table: 'association_lead_clusters', key: 'cluster_id', columns: ['association_id'] },
  { table: 'enterprises', key: 'id', columns: ['credit_code'] },
  { table: 'postings', key: 'id', columns: ['cluster_id'] },
];

/** Exactly what 1764350000000's `triggerFunction` generated for the UPDATE branch (whitespace included). */
function changedByJoin({ key, columns }: Changed): string {
  const differs = columns.map((c) => `o.${c} IS DISTINCT FROM n.${c}`).join(' OR ');
  return `SELECT 'o'::text AS side, o.* FROM old_rows o JOIN new_rows n ON n.${key} = o.${key} WHERE ${differs}
            UNION ALL
            SELECT 'n', n.* FROM new_rows n JOIN old_rows o ON o.${key} = n.${key} WHERE ${differs}`;
}

/** Row versions (key and counted columns) present on one side only; duplicates of a version collapse. */
function changedByGrouping({ key, columns }: Changed): string {
  const all = [key, ...columns];
  const of = (alias: string) => all.map((c) => `${alias}.${c}`).join(', ');
  return `SELECT CASE WHEN bool_and(v.is_new) THEN 'n' ELSE 'o' END::text AS side, ${of('v')}
              FROM (SELECT true AS is_new, ${of('n')} FROM new_rows n
                    UNION ALL SELECT false, ${of('o')} FROM old_rows o) v
             GROUP BY ${of('v')}
            HAVING bool_and(v.is_new) OR NOT bool_or(v.is_new)`;
}

async function replaceInTrigger(q: QueryRunner, table: string, from: string, to: string): Promise<void> {
  const fn = `stats_trg_${table}()`;
  const [{ def }]: { def: string }[] = await q.query(
    `SELECT pg_get_functiondef('${fn}'::regprocedure) AS def`,
  );
  const at = def.indexOf(from);
  if (at < 0 || def.indexOf(from, at + 1) >= 0) {
    throw new Error(`${fn}: its UPDATE branch does not contain the expected changed-rows query exactly once`);
  }
  await q.query(def.slice(0, at) + to + def.slice(at + from.length));
}
