import type { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { migratedDatabase, revertAndReapply } from '../../../../../test/support/migration-testing';
import { GenericTransitionChangesByGrouping1764440000000 } from './1764440000000-generic-transition-changes-by-grouping';

const cluster = (i: number) => `(SELECT id FROM clusters WHERE code = 'GRP${i}')`;
const association = (i: number) => `(SELECT id FROM associations WHERE name = '分组协会${i}')`;
const event = (i: number) => `(SELECT id FROM events WHERE title = '分组活动${i}')`;
const enterprise = (i: number) => `(SELECT id FROM enterprises WHERE name = '分组企业${i}')`;
/** Enterprises numbered from..to. */
const enterprises = (from: number, to: number) =>
  `(SELECT id FROM enterprises WHERE name IN (SELECT '分组企业' || g FROM generate_series(${from}, ${to}) g))`;

/**
 * Per table, in this order (each builds on the previous): updates of uncounted columns only, which must refresh
 * nothing, then updates of counted columns (most mixing changed and unchanged rows in one statement) that move
 * the figures. A credit code change swaps one enterprise unit for another: the facts move, no count does.
 */
const STEPS: { table: string; uncounted: string[]; counted: string[]; moves: 'counts' | 'facts' }[] = [
  {
    table: 'events',
    uncounted: [`UPDATE events SET venue = '会展中心', description = '改', version = version + 1`],
    counted: [
      `UPDATE events SET venue = '新馆', status = CASE WHEN title = '分组活动1' THEN 'held' ELSE status END`,
      `UPDATE events SET type = 'forum', visits = 55 WHERE id = ${event(0)}`,
      `UPDATE events SET start_date = '2025-08-02', end_date = '2025-08-02' WHERE id = ${event(2)}`,
    ],
    moves: 'counts',
  },
  {
    table: 'event_participants',
    uncounted: [
      `UPDATE event_participants SET role = 'supplier', unavailable = '[{"start":"2025-03-10T09:00+08"}]'
        WHERE event_id IN (${event(0)}, ${event(1)})`,
    ],
    counted: [
      `UPDATE event_participants SET checked_in_at = now(),
              event_id = CASE WHEN enterprise_id IN ${enterprises(10, 14)} THEN ${event(2)} ELSE event_id END
        WHERE event_id = ${event(1)}`,
      `UPDATE event_participants SET enterprise_id = ${enterprise(40)} WHERE enterprise_id = ${enterprise(9)}
          AND event_id = ${event(0)}`,
    ],
    moves: 'counts',
  },
  {
    table: 'meetings',
    uncounted: [`UPDATE meetings SET note = '备注', table_no = table_no + 1`],
    counted: [
      `UPDATE meetings SET note = '改',
              status = CASE status WHEN 'scheduled' THEN 'held' WHEN 'held' THEN 'cancelled' ELSE status END`,
      `UPDATE meetings SET slot_start = slot_start + interval '40 days', slot_end = slot_end + interval '40 days'
        WHERE status = 'intent'`,
    ],
    moves: 'counts',
  },
  {
    table: 'intents',
    uncounted: [`UPDATE intents SET version = version + 1, counterpart_region_code = '210100'`],
    counted: [
      `UPDATE intents SET stage = 'signed', signed_on = reached_on + 20 WHERE stage = 'intent'`,
      `UPDATE intents SET cluster_id = ${cluster(2)}, amount_wan = 75 WHERE title = '分组意向0'`,
    ],
    moves: 'counts',
  },
  {
    table: 'event_clusters',
    uncounted: [`UPDATE event_clusters SET cluster_id = cluster_id`],
    counted: [
      `UPDATE event_clusters SET cluster_id = CASE WHEN cluster_id = ${cluster(1)} THEN ${cluster(2)} ELSE cluster_id END
        WHERE event_id = ${event(0)}`,
    ],
    moves: 'counts',
  },
  {
    table: 'association_lead_clusters',
    uncounted: [`UPDATE association_lead_clusters SET created_at = now() - interval '1 day'`],
    counted: [
      `UPDATE association_lead_clusters
          SET association_id = CASE WHEN cluster_id = ${cluster(0)} THEN ${association(1)} ELSE association_id END`,
    ],
    moves: 'counts',
  },
  {
    table: 'enterprises',
    uncounted: [`UPDATE enterprises SET contact_name = '张三', version = version + 1`],
    counted: [
      `UPDATE enterprises SET contact_name = '李四',
              credit_code = CASE WHEN id IN ${enterprises(0, 2)} THEN '92' || substr(credit_code, 3) ELSE credit_code END`,
    ],
    moves: 'facts',
  },
  {
    table: 'postings',
    uncounted: [`UPDATE postings SET title = title || '·', version = version + 1`],
    counted: [`UPDATE postings SET cluster_id = COALESCE(cluster_id, ${cluster(0)}), version = version + 1`],
    moves: 'counts',
  },
];

/** Per table: a first UPDATE on a fresh connection that changes nothing, then one of many rows. */
const PLANNED: { table: string; column: string; update: string }[] = [
  {
    table: 'event_participants',
    column: 'event_id',
    update: `UPDATE event_participants SET event_id = CASE WHEN event_id = ${event(3)} THEN ${event(4)} ELSE ${event(3)} END
              WHERE event_id IN (${event(3)}, ${event(4)})`,
  },
  {
    table: 'postings',
    column: 'cluster_id',
    update: `UPDATE postings SET cluster_id = CASE WHEN cluster_id = ${cluster(1)} THEN ${cluster(2)} ELSE ${cluster(1)} END`,
  },
  {
    table: 'meetings',
    column: 'status',
    update: `UPDATE meetings SET slot_start = slot_start + interval '1 hour', slot_end = slot_end + interval '1 hour'`,
  },
  {
    table: 'intents',
    column: 'stage',
    update: `UPDATE intents SET amount_wan = COALESCE(amount_wan, 0) + 1`,
  },
  { table: 'events', column: 'status', update: `UPDATE events SET visits = COALESCE(visits, 0) + 1` },
  {
    table: 'event_clusters',
    column: 'cluster_id',
    update: `UPDATE event_clusters SET cluster_id = cluster_id`,
  },
  {
    table: 'association_lead_clusters',
    column: 'association_id',
    update: `UPDATE association_lead_clusters SET created_at = now()`,
  },
  {
    table: 'enterprises',
    column: 'credit_code',
    update: `UPDATE enterprises SET credit_code = CASE WHEN credit_code LIKE '93%' THEN '91' ELSE '93' END || substr(credit_code, 3)`,
  },
];

/** The rollup in a comparable order; a count the triggers took back to zero stays as a row, a rebuild has none. */
const COUNTS = `SELECT kind, grain, period::text, mask, association_id, cluster_id, event_type, n::int, v1::float8 AS v1,
                       v2::int, v3::int
                  FROM stats_counts WHERE n <> 0 OR v1 <> 0 OR v2 <> 0 OR v3 <> 0
                 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
const FACTS = `SELECT kind, unit, day::text, association_id, cluster_id, event_type, v1::float8 AS v1, v2, v3
                 FROM stats_facts ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;

interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}
/** Whether a node reads a transition table, not counting init plans (a CTE is computed once, on its own). */
const readsTransitionTable = (p: PlanNode): boolean =>
  p['Node Type'] === 'Named Tuplestore Scan' ||
  (p.Plans ?? []).some((c) => c['Parent Relationship'] !== 'InitPlan' && readsTransitionTable(c));
/** A nested loop whose outer and inner sides both read a transition table: old_rows × new_rows. */
const loopsOverTransitionTables = (p: PlanNode): boolean => {
  const sides = (p.Plans ?? []).filter((c) => ['Outer', 'Inner'].includes(c['Parent Relationship'] ?? ''));
  return (
    (p['Node Type'] === 'Nested Loop' && sides.length === 2 && sides.every(readsTransitionTable)) ||
    (p.Plans ?? []).some(loopsOverTransitionTables)
  );
};

/**
 * The eight generic statistics triggers: the same figures as a rebuild after updates of every table, nothing
 * refreshed for uncounted columns, and no plan left joining the transition tables by a first empty update.
 */
describe('migration 1764440000000: the generic statistics triggers find changed rows by grouping', () => {
  const db = migratedDatabase();
  let sql: Client;

  const rows = async <T>(text: string): Promise<T[]> => (await sql.query(text)).rows as T[];
  const rollup = async () => ({
    counts: await rows(COUNTS),
    facts: await rows<{ kind: string }>(FACTS),
  });
  /** The rollup as the triggers left it, after checking it equals a rebuild from scratch (rolled back). */
  async function rebuiltEqual(step: string) {
    await sql.query(`SELECT stats_drain_recommendations(2147483647)`);
    const incremental = await rollup();
    await sql.query('BEGIN');
    try {
      await sql.query(`SELECT stats_rollup_rebuild()`);
      expect({ step, ...incremental }).toEqual({ step, ...(await rollup()) });
    } finally {
      await sql.query('ROLLBACK');
    }
    return incremental;
  }
  /** Any refresh rewrites the facts of the units it touched: new row versions, new ctids. */
  const factVersions = async () => rows(`SELECT ctid::text FROM stats_facts ORDER BY ctid`);
  const bodies = async () =>
    rows<{ src: string }>(`SELECT prosrc AS src FROM pg_proc
                            WHERE proname IN (${PLANNED.map((p) => `'stats_trg_${p.table}'`).join(', ')})
                            ORDER BY proname`);

  /** Runs PLANNED on a fresh connection with auto_explain; the tables whose changed-rows plan joins old × new. */
  async function tablesJoiningTransitionTables(): Promise<string[]> {
    const own = await db.connect();
    let plans: { 'Query Text': string; Plan: PlanNode }[] = [];
    own.on('notice', (n) => {
      const m = n.message ?? '';
      if (m.startsWith('duration:')) plans.push(JSON.parse(m.slice(m.indexOf('{'))));
    });
    await own.query(`LOAD 'auto_explain'`);
    await own.query(`SET auto_explain.log_min_duration = 0`);
    await own.query(`SET auto_explain.log_nested_statements = on`);
    await own.query(`SET auto_explain.log_format = json`);
    await own.query(`SET client_min_messages = log`);
    const joining: string[] = [];
    for (const { table, column, update } of PLANNED) {
      await own.query(`UPDATE ${table} SET ${column} = ${column} WHERE false`);
      plans = [];
      const { rowCount } = await own.query(update);
      expect(rowCount).toBeGreaterThan(0);
      // the UPDATE branch is the one statement of the trigger reading both transition tables
      const changed = plans.filter(({ 'Query Text': text }) =>
        ['WITH chg AS', 'old_rows', 'new_rows'].every((part) => text.includes(part)),
      );
      expect({ table, logged: changed.length }).toEqual({ table, logged: 1 });
      if (loopsOverTransitionTables(changed[0].Plan)) joining.push(table);
    }
    return joining;
  }

  beforeAll(async () => {
    sql = db.sql;
    await sql.query(`INSERT INTO clusters (code, name, tier)
                     SELECT 'GRP' || i, '分组集群' || i, 'regional' FROM generate_series(0, 2) i`);
    await sql.query(`INSERT INTO associations (name, credit_code)
                     SELECT '分组协会' || i, '51' || lpad(i::text, 16, '0') FROM generate_series(0, 1) i`);
    // clusters 0 and 1 led by associations 0 and 1, cluster 2 by none
    await sql.query(`INSERT INTO association_lead_clusters (cluster_id, association_id)
                     VALUES (${cluster(0)}, ${association(0)}), (${cluster(1)}, ${association(1)})`);
    await sql.query(`INSERT INTO enterprises (name, credit_code, region_code, scale)
                     SELECT '分组企业' || i, '91' || lpad(i::text, 16, '0'), '210102', 'small'
                       FROM generate_series(0, 299) i`);
    await sql.query(`INSERT INTO memberships (association_id, enterprise_id)
                     SELECT ${association(0)}, id FROM enterprises WHERE id IN ${enterprises(0, 19)}
                     UNION ALL SELECT ${association(1)}, id FROM enterprises WHERE id IN ${enterprises(20, 39)}`);
    // 0 held in two clusters, 1 planned, 2 closed, 3 held with 300 participants, 4 held and empty
    await sql.query(`INSERT INTO events (title, type, association_id, start_date, end_date, region_code, visits, status)
                     VALUES ('分组活动0', 'matchmaking', ${association(0)}, '2025-03-10', '2025-03-10', '210100', 40, 'held'),
                            ('分组活动1', 'exhibition', ${association(1)}, '2025-04-12', '2025-04-12', '210100', NULL, 'planned'),
                            ('分组活动2', 'forum', ${association(0)}, '2025-05-20', '2025-05-21', '210100', 10, 'closed'),
                            ('分组活动3', 'matchmaking', ${association(1)}, '2025-06-01', '2025-06-01', '210100', NULL, 'held'),
                            ('分组活动4', 'online', ${association(0)}, '2025-07-01', '2025-07-01', '210100', 5, 'held')`);
    await sql.query(`INSERT INTO event_clusters (event_id, cluster_id)
                     VALUES (${event(0)}, ${cluster(0)}), (${event(0)}, ${cluster(1)}), (${event(1)}, ${cluster(1)}),
                            (${event(2)}, ${cluster(2)}), (${event(4)}, ${cluster(0)})`);
    await sql.query(`INSERT INTO event_participants (event_id, enterprise_id, role)
                     SELECT ${event(0)}, id, 'buyer' FROM enterprises WHERE id IN ${enterprises(0, 9)}
                     UNION ALL SELECT ${event(1)}, id, 'buyer' FROM enterprises WHERE id IN ${enterprises(10, 19)}
                     UNION ALL SELECT ${event(2)}, id, 'buyer' FROM enterprises WHERE id IN ${enterprises(20, 24)}
                     UNION ALL SELECT ${event(3)}, id, 'visitor' FROM enterprises`);
    await sql.query(`INSERT INTO meetings (event_id, slot_start, slot_end, table_no, demand_enterprise_id,
                                           supply_enterprise_id, status)
                     SELECT ev, s, s + interval '30 minutes', 1, d, p, st
                       FROM (VALUES (${event(0)}, timestamptz '2025-03-10 10:00+08', ${enterprise(0)}, ${enterprise(1)}, 'held'),
                                    (${event(0)}, '2025-03-10 10:30+08', ${enterprise(2)}, ${enterprise(3)}, 'scheduled'),
                                    (${event(0)}, '2025-03-10 11:00+08', ${enterprise(4)}, ${enterprise(5)}, 'intent'),
                                    (${event(0)}, '2025-03-10 11:30+08', ${enterprise(6)}, ${enterprise(7)}, 'cancelled'),
                                    (${event(1)}, '2025-04-12 10:00+08', ${enterprise(10)}, ${enterprise(11)}, 'scheduled'),
                                    (${event(1)}, '2025-04-12 10:30+08', ${enterprise(12)}, ${enterprise(50)}, 'held'))
                            AS m(ev, s, d, p, st)`);
    // with an event; by lead cluster (no event); a cluster without lead; an event's, dropped
    await sql.query(`INSERT INTO intents (title, enterprise_id, counterpart_enterprise_id, counterpart_name, event_id,
                                          cluster_id, amount_wan, stage, reached_on, signed_on, dropped_on)
                     VALUES ('分组意向0', ${enterprise(30)}, ${enterprise(31)}, NULL, ${event(0)}, NULL, 100, 'intent',
                             '2025-03-11', NULL, NULL),
                            ('分组意向1', ${enterprise(32)}, NULL, '外部伙伴', NULL, ${cluster(0)}, 50, 'signed',
                             '2025-02-01', '2025-03-01', NULL),
                            ('分组意向2', ${enterprise(33)}, ${enterprise(34)}, NULL, NULL, ${cluster(1)}, NULL, 'intent',
                             '2025-05-05', NULL, NULL),
                            ('分组意向3', ${enterprise(35)}, ${enterprise(36)}, NULL, ${event(1)}, NULL, 20, 'dropped',
                             '2025-04-13', NULL, '2025-04-20')`);
    // a posting per enterprise (clusters 0, 1, 2, none in turn); demand 2k recommended supply 2k+1
    await sql.query(`INSERT INTO postings (enterprise_id, kind, category, title, cluster_id, status)
                     SELECT id, CASE WHEN n % 2 = 0 THEN 'demand' ELSE 'supply' END, 'product', '分组供需' || n,
                            (ARRAY[${cluster(0)}, ${cluster(1)}, ${cluster(2)}, NULL])[1 + n % 4], 'published'
                       FROM (SELECT id, substr(name, 5)::int AS n FROM enterprises) e`);
    await sql.query(`INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id,
                                                  supply_enterprise_id, demand_score, status, created_at)
                     SELECT d.id, s.id, d.enterprise_id, s.enterprise_id, 0.5,
                            (ARRAY['new','contacted','meeting','intent'])[1 + d.n % 4],
                            timestamptz '2025-01-10 23:30+08' + (d.n % 9) * interval '1 month'
                       FROM (SELECT id, enterprise_id, substr(title, 5)::int AS n FROM postings) d
                       JOIN (SELECT id, enterprise_id, substr(title, 5)::int AS n FROM postings) s ON s.n = d.n + 1
                      WHERE d.n % 2 = 0`);
  });

  it('starts from figures of every kind', async () => {
    const { facts } = await rebuiltEqual('initial');
    const kinds = new Set(facts.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['C', 'E', 'G', 'R', 'S']);
  });

  for (const { table, uncounted, counted, moves } of STEPS) {
    it(`${table}: an update of uncounted columns refreshes nothing, one of counted columns equals a rebuild`, async () => {
      const before = await rebuiltEqual(`${table} before`);
      const versions = await factVersions();
      for (const s of uncounted) expect((await sql.query(s)).rowCount).toBeGreaterThan(0);
      expect(await rows(`SELECT id FROM stats_pending_recommendations`)).toEqual([]);
      expect(await factVersions()).toEqual(versions);
      for (const s of counted) expect((await sql.query(s)).rowCount).toBeGreaterThan(0);
      const after = await rebuiltEqual(`${table} after`);
      expect(after[moves]).not.toEqual(before[moves]);
    });
  }

  it('counts an update of the key itself, which the join on that key could not pair', async () => {
    const before = await rebuiltEqual('keys before');
    // cluster 0 moves from event 4 to event 3; cluster 1's lead becomes cluster 2's
    await sql.query(`UPDATE event_clusters SET event_id = ${event(3)} WHERE event_id = ${event(4)}`);
    await sql.query(
      `UPDATE association_lead_clusters SET cluster_id = ${cluster(2)} WHERE cluster_id = ${cluster(1)}`,
    );
    expect((await rebuiltEqual('keys after')).counts).not.toEqual(before.counts);
  });

  it('plans no nested loop over the transition tables, even after a first update that changed nothing', async () => {
    expect(await tablesJoiningTransitionTables()).toEqual([]);
    await rebuiltEqual('after the planned updates');
  });

  it('fails loudly on a body it does not expect, e.g. when applied twice', async () => {
    const runner = {
      query: async (text: string, params?: unknown[]) => (await sql.query(text, params)).rows,
    };
    await expect(
      new GenericTransitionChangesByGrouping1764440000000().up(runner as unknown as QueryRunner),
    ).rejects.toThrow('stats_trg_event_participants(): its UPDATE branch does not contain the expected');
  });

  it('reverts to the joins (which do loop after an empty first call) and applies again', async () => {
    const after = await bodies();
    expect(after).toHaveLength(8);
    for (const { src } of after) {
      expect(src).toContain('HAVING bool_and(v.is_new) OR NOT bool_or(v.is_new)');
      expect(src).not.toMatch(/JOIN (new|old)_rows/);
    }
    await revertAndReapply(db.url, GenericTransitionChangesByGrouping1764440000000, {
      reverted: async () => {
        for (const { src } of await bodies()) {
          expect(src).toMatch(/FROM old_rows o JOIN new_rows n ON/);
          expect(src).not.toContain('bool_and');
        }
        // the same check sees the trap in the old bodies, so its silence above means something
        expect(await tablesJoiningTransitionTables()).toEqual(
          expect.arrayContaining(['event_participants', 'postings']),
        );
      },
      reapplied: async () => expect(await bodies()).toEqual(after),
    });
  });
});
