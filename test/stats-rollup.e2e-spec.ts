import { DataSource } from 'typeorm';
import { StatsService, type StatsFilter } from '@app/core';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The statistics rollup (stats_facts / stats_counts, maintained by triggers) against its definitions, on random
 * data from a seeded generator, after inserts, updates and deletes:
 * - enterprises served read through StatsService equal count(DISTINCT credit_code) over the view served_contacts
 *   at every level (province, association, cluster, month, event type, filters, whole and partial periods);
 * - the incrementally maintained tables equal a from-scratch rebuild (which covers every other figure);
 * - the rewritten view equals the original definition of migration 1764320000000.
 */
const ORIGINAL_VIEW = `
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
    LEFT JOIN association_lead_clusters lead ON lead.cluster_id = i.cluster_id AND i.event_id IS NULL`;

const TYPES = ['matchmaking', 'exhibition', 'delegation', 'study_tour', 'forum', 'online'];

describe('statistics rollup equals its definitions', () => {
  let tdb: TestDatabase;
  let db: DataSource;
  let stats: StatsService;
  let seed = 20260301;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  let ents: string[] = [];
  let assocs: string[] = [];
  let clusters: string[] = [];
  const events: string[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: tdb.url });
    await db.initialize();
    stats = new StatsService(db);
    const ids = async (sql: string) => ((await db.query(sql)) as { id: string }[]).map((r) => r.id);
    clusters = await ids(`INSERT INTO clusters (code, name, tier)
      SELECT 'R' || i, '随机集群' || i, 'regional' FROM generate_series(1, 5) i RETURNING id`);
    assocs = await ids(`INSERT INTO associations (name, credit_code)
      SELECT '随机协会' || i, '51' || lpad(i::text, 16, '0') FROM generate_series(1, 4) i RETURNING id`);
    // three clusters led, two without a lead
    for (let i = 0; i < 3; i++) {
      await db.query(`INSERT INTO association_lead_clusters (cluster_id, association_id) VALUES ($1, $2)`, [
        clusters[i],
        assocs[i],
      ]);
    }
    ents = await ids(`INSERT INTO enterprises (name, credit_code, region_code, scale)
      SELECT '随机企业' || i, '91' || lpad(i::text, 16, '0'), '210102', 'small' FROM generate_series(1, 40) i RETURNING id`);
    for (const e of ents.slice(0, 30)) {
      await db.query(`INSERT INTO memberships (association_id, enterprise_id) VALUES ($1, $2)`, [
        pick(assocs),
        e,
      ]);
    }
    for (let i = 0; i < 14; i++) {
      const day = `202${4 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const [{ id }] = await db.query(
        `INSERT INTO events (title, type, association_id, start_date, end_date, region_code, visits, status)
         VALUES ($1, $2, $3, $4, $4, '210100', $5, $6) RETURNING id`,
        [
          `随机活动${i}`,
          pick(TYPES),
          pick(assocs),
          day,
          rnd() < 0.5 ? Math.floor(rnd() * 100) : null,
          pick(['planned', 'held', 'closed', 'held']),
        ],
      );
      events.push(id);
      // zero, one or two clusters
      for (const c of new Set([pick(clusters), pick(clusters)].slice(0, Math.floor(rnd() * 3)))) {
        await db.query(`INSERT INTO event_clusters (event_id, cluster_id) VALUES ($1, $2)`, [id, c]);
      }
      const people = new Set(Array.from({ length: 6 }, () => pick(ents)));
      // one statement for several rows, as the bulk registration does
      await db.query(
        `INSERT INTO event_participants (event_id, enterprise_id, role) SELECT $1, unnest($2::uuid[]), 'buyer'`,
        [id, [...people]],
      );
      for (let m = 0; m < 3; m++) {
        const [d, s] = [pick(ents), pick(ents)];
        if (d === s) continue;
        await db.query(
          `INSERT INTO meetings (event_id, slot_start, slot_end, table_no, demand_enterprise_id, supply_enterprise_id, status)
           VALUES ($1, $2::date + interval '23 hours', $2::date + interval '24 hours', 1, $3, $4, $5)`,
          [id, day, d, s, pick(['held', 'intent', 'cancelled', 'scheduled'])],
        );
      }
    }
    for (let i = 0; i < 25; i++) {
      const e = pick(ents);
      let other: string | null = pick(ents);
      if (other === e || rnd() < 0.3) other = null;
      const reached = `202${4 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`;
      const stage = pick(['intent', 'signed', 'landed', 'dropped']);
      await db.query(
        `INSERT INTO intents (enterprise_id, counterpart_enterprise_id, counterpart_name, event_id, cluster_id, title,
                              amount_wan, stage, reached_on, signed_on, landed_on, dropped_on)
         VALUES ($1, $2, $3, $4, $5, '随机意向', $6, $7::varchar, $8::date, CASE WHEN $7::varchar IN ('signed','landed') THEN $8::date + 40 END,
                 CASE WHEN $7::varchar = 'landed' THEN $8::date + 90 END, CASE WHEN $7::varchar = 'dropped' THEN $8::date + 10 END)`,
        [
          e,
          other,
          other ? null : '外部伙伴',
          rnd() < 0.5 ? pick(events) : null,
          rnd() < 0.6 ? pick(clusters) : null,
          rnd() < 0.8 ? Math.round(rnd() * 10000) / 100 : null,
          stage,
          reached,
        ],
      );
    }
    const postings =
      await ids(`INSERT INTO postings (enterprise_id, kind, category, title, cluster_id, status)
      SELECT e, CASE WHEN n % 2 = 0 THEN 'demand' ELSE 'supply' END, 'product', '随机供需' || n,
             (ARRAY[${clusters.map((c) => `'${c}'::uuid`).join(',')}, NULL])[1 + n % 6], 'published'
        FROM unnest('{${ents.join(',')}}'::uuid[]) WITH ORDINALITY AS x(e, n) RETURNING id`);
    for (let i = 0; i + 1 < postings.length; i += 2) {
      await db.query(
        `INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
           demand_score, status, created_at)
         SELECT d.id, s.id, d.enterprise_id, s.enterprise_id, 1, $3, $4
           FROM postings d, postings s
          WHERE d.id IN ($1, $2) AND s.id IN ($1, $2) AND d.kind = 'demand' AND s.kind = 'supply'`,
        [
          postings[i],
          postings[i + 1],
          pick(['new', 'contacted', 'meeting', 'intent']),
          `2025-0${1 + (i % 9)}-10T23:30:00+08`,
        ],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await tdb?.drop();
  });

  const FILTERS = (): StatsFilter[] => [
    { from: '2025-01-01', to: '2025-12-31' },
    { from: '2024-01-01', to: '2025-12-31' },
    { from: '2025-03-01', to: '2025-03-31' },
    { from: '2024-11-17', to: '2025-02-09' },
    { from: '2025-01-01', to: '2025-12-31', associationId: assocs[0] },
    { from: '2024-01-01', to: '2024-12-31', clusterId: clusters[0] },
    { from: '2024-02-03', to: '2025-10-20', associationId: assocs[1], clusterId: clusters[1] },
  ];

  /** Enterprises served straight from a view, per group. */
  async function servedDirect(view: string, dim: string, f: StatsFilter): Promise<Record<string, number>> {
    const key = {
      all: `''`,
      association: 's.association_id::text',
      cluster: 's.cluster_id::text',
      month: `to_char(s.served_on, 'YYYY-MM')`,
      type: 'ev.type::text',
    }[dim];
    const params: unknown[] = [f.from, f.to];
    let where = 's.served_on BETWEEN $1 AND $2';
    if (f.associationId) where += ` AND s.association_id = $${params.push(f.associationId)}`;
    if (f.clusterId) where += ` AND s.cluster_id = $${params.push(f.clusterId)}`;
    const rows: { key: string | null; n: number }[] = await db.query(
      `SELECT ${key} AS key, count(DISTINCT s.credit_code)::int AS n FROM (${view}) s
         ${dim === 'type' ? 'JOIN events ev ON ev.id = s.event_id' : ''}
        WHERE ${where} GROUP BY 1`,
      params,
    );
    return Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key as string, r.n]));
  }

  const rollupState = async () =>
    db.query(
      `SELECT kind, grain, period::text, mask, association_id, cluster_id, event_type, n::int, v1::float8 AS v1,
              v2::int, v3::int
         FROM stats_counts WHERE n <> 0 OR v1 <> 0 OR v2 <> 0 OR v3 <> 0
        ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    );

  async function expectEqual(step: string): Promise<void> {
    for (const f of FILTERS()) {
      for (const dim of ['all', 'association', 'cluster', 'month', 'type'] as const) {
        const computed = await stats.compute(dim, f);
        const got: Record<string, number> = {};
        for (const [k, v] of computed.figures) if (v.enterprisesServed) got[k] = v.enterprisesServed;
        const want = await servedDirect('SELECT * FROM served_contacts', dim, f);
        expect({ step, dim, f, served: got }).toEqual({ step, dim, f, served: want });
        expect(await servedDirect(ORIGINAL_VIEW, dim, f)).toEqual(want);
      }
    }
    // recommendation figures are refreshed from a queue (the worker drains it; reads drain a short one)
    await db.query(`SELECT stats_drain_recommendations(1000000)`);
    expect(await db.query(`SELECT count(*)::int AS n FROM stats_pending_recommendations`)).toEqual([
      { n: 0 },
    ]);
    const incremental = await rollupState();
    const facts = await db.query(`SELECT count(*)::int AS n FROM stats_facts`);
    await db
      .transaction(async (m) => {
        await m.query(`SELECT stats_rollup_rebuild()`);
        const rebuilt = await m.query(
          `SELECT kind, grain, period::text, mask, association_id, cluster_id, event_type, n::int,
                v1::float8 AS v1, v2::int, v3::int
           FROM stats_counts WHERE n <> 0 OR v1 <> 0 OR v2 <> 0 OR v3 <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
        );
        expect({ step, counts: incremental }).toEqual({ step, counts: rebuilt });
        expect(await m.query(`SELECT count(*)::int AS n FROM stats_facts`)).toEqual(facts);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
  }

  it('after the initial inserts', async () => {
    expect((await db.query(`SELECT count(*)::int AS n FROM served_contacts`))[0].n).toBeGreaterThan(50);
    expect((await db.query(`SELECT count(*)::int AS n FROM recommendations`))[0].n).toBeGreaterThan(10);
    await expectEqual('initial');
  });

  it('after updates and deletes of every kind', async () => {
    const held: { id: string }[] = await db.query(
      `SELECT id FROM events WHERE status IN ('held','closed') ORDER BY id`,
    );
    // an event moved back to planned, another one held, one moved to another association, type and date
    await db.query(`UPDATE events SET status = 'planned' WHERE id = $1`, [held[0].id]);
    await db.query(`UPDATE events SET status = 'held' WHERE status = 'planned' AND id <> $1`, [held[0].id]);
    await db.query(
      `UPDATE events SET association_id = $2, type = 'forum', start_date = '2025-02-14', end_date = '2025-02-14' WHERE id = $1`,
      [held[1].id, assocs[3]],
    );
    await expectEqual('events');
    // a participant removed, one added, a meeting cancelled, one held
    await db.query(
      `DELETE FROM event_participants WHERE id = (SELECT id FROM event_participants ORDER BY id LIMIT 1)`,
    );
    await db.query(
      `INSERT INTO event_participants (event_id, enterprise_id, role) VALUES ($1, $2, 'buyer') ON CONFLICT DO NOTHING`,
      [held[2].id, ents[39]],
    );
    await db.query(
      `UPDATE meetings SET status = 'cancelled' WHERE id = (SELECT id FROM meetings WHERE status = 'held' ORDER BY id LIMIT 1)`,
    );
    await db.query(`UPDATE meetings SET status = 'held' WHERE status = 'scheduled'`);
    await expectEqual('participants and meetings');
    // an intent's cluster changed, one moved off its event, one signed, one deleted
    await db.query(
      `UPDATE intents SET cluster_id = $1 WHERE id = (SELECT id FROM intents ORDER BY id LIMIT 1)`,
      [clusters[4]],
    );
    await db.query(
      `UPDATE intents SET event_id = NULL, cluster_id = $1 WHERE id = (SELECT id FROM intents WHERE event_id IS NOT NULL ORDER BY id LIMIT 1)`,
      [clusters[2]],
    );
    await db.query(`UPDATE intents SET stage = 'signed', signed_on = reached_on + 3 WHERE stage = 'intent'`);
    await db.query(`DELETE FROM intents WHERE id = (SELECT id FROM intents ORDER BY id DESC LIMIT 1)`);
    await expectEqual('intents');
    // an event's clusters changed (all removed from one, one added to another), a lead association changed
    await db.query(`DELETE FROM event_clusters WHERE event_id = $1`, [held[3].id]);
    await db.query(
      `INSERT INTO event_clusters (event_id, cluster_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [held[4].id, clusters[3]],
    );
    await db.query(`UPDATE association_lead_clusters SET association_id = $2 WHERE cluster_id = $1`, [
      clusters[0],
      assocs[3],
    ]);
    await db.query(`INSERT INTO association_lead_clusters (cluster_id, association_id) VALUES ($1, $2)`, [
      clusters[4],
      assocs[1],
    ]);
    await expectEqual('clusters and leads');
    // memberships, posting clusters and recommendation status; a credit code changed; an event deleted
    await db.query(
      `UPDATE memberships SET left_on = '2025-06-01' WHERE id IN (SELECT id FROM memberships ORDER BY id LIMIT 3 OFFSET 2)`,
    );
    await db.query(
      `UPDATE postings SET cluster_id = $1 WHERE id = (SELECT id FROM postings ORDER BY id LIMIT 1)`,
      [clusters[1]],
    );
    await db.query(`UPDATE recommendations SET status = 'contacted' WHERE status = 'new'`);
    await db.query(`UPDATE enterprises SET credit_code = '92' || substr(credit_code, 3) WHERE id = $1`, [
      ents[0],
    ]);
    await db.query(`DELETE FROM events WHERE id = $1`, [held[5].id]);
    await expectEqual('registry, recommendations, deletion');
  });

  it('queues recommendation changes: a read refreshes a short queue, a long one waits for the drain', async () => {
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const recommended = async () => (await stats.compute('all', year)).figures.get('')?.recommendations ?? 0;
    const pending = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM stats_pending_recommendations`))[0].n as number;
    const before = await recommended();
    const [{ n: dismissed }]: { n: number }[] = await db.query(
      `WITH d AS (DELETE FROM recommendations WHERE id IN (SELECT id FROM recommendations ORDER BY id LIMIT 3)
                  RETURNING 1) SELECT count(*)::int AS n FROM d`,
    );
    expect(dismissed).toBe(3);
    expect(await pending()).toBe(3);
    // the short queue is refreshed by the read itself
    expect(await recommended()).toBe(before - 3);
    expect(await pending()).toBe(0);
    // more than a read refreshes: the figures wait for the drain, then catch up
    await db.query(
      `INSERT INTO stats_pending_recommendations (id) SELECT gen_random_uuid() FROM generate_series(1, 2001)`,
    );
    await db.query(
      `DELETE FROM recommendations WHERE id = (SELECT id FROM recommendations ORDER BY id LIMIT 1)`,
    );
    expect(await recommended()).toBe(before - 3);
    expect(await pending()).toBe(2002);
    expect(await db.query(`SELECT stats_drain_recommendations(1500) AS n`)).toEqual([{ n: 1500 }]);
    expect(await db.query(`SELECT stats_drain_recommendations(1500) AS n`)).toEqual([{ n: 502 }]);
    expect(await recommended()).toBe(before - 4);
    // a re-run's score changes touch no figure and queue nothing
    await db.query(`UPDATE recommendations SET demand_score = coalesce(demand_score, 0) + 1`);
    expect(await pending()).toBe(0);
    await expectEqual('after the queue was drained');
  });
});
