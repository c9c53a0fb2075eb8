/**
 * D1: every /stats route at 5 years × 1,000 events, 1M participation rows, 100k enterprises.
 *
 *   node -r @swc-node/register bench/stats/stats.bench.ts
 *
 * Creates the database `cl_bench_stats` on the local PostgreSQL, migrates it like production, generates the data
 * server-side with a seeded generator (setseed + generate_series, INSERT … SELECT) with triggers off
 * (session_replication_role = replica), rebuilds the statistics rollup set-based (stats_rollup_rebuild()), then
 * times each route's service call UNCACHED (the service has no cache in front any more), and the cost of typical
 * writes with the rollup triggers vs. without (each write rolled back). Drops the database at the end.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations } from '@app/platform';
import type { Caller } from '../../libs/core/src/common/caller';
import { StatsService } from '../../libs/core/src/stats/stats.service';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'cl_bench_stats';
const URL = ADMIN_URL.replace(/\/[^/]*$/, `/${NAME}`);
const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const DEADLINE = Date.now() + 15 * 60_000;

const CALLER: Caller = {
  userId: '00000000-0000-0000-0000-000000000001',
  username: 'bench',
  role: 'dept_admin',
  associationId: null,
  enterpriseId: null,
};

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function generate(db: DataSource): Promise<Record<string, number>> {
  const q = (sql: string) => db.query(sql);
  await q(`SELECT setseed(0.20260301)`);
  await q(`INSERT INTO clusters (code, name, tier)
           SELECT 'B' || lpad(i::text, 3, '0'), '基准集群' || i, 'regional' FROM generate_series(1, 22) i`);
  await q(`INSERT INTO associations (name, credit_code)
           SELECT '基准协会' || lpad(i::text, 2, '0'), '51' || lpad(i::text, 16, '0') FROM generate_series(1, 49) i`);
  await q(`INSERT INTO association_lead_clusters (cluster_id, association_id)
           SELECT c.id, a.id FROM (SELECT id, row_number() OVER (ORDER BY code) n FROM clusters) c
             JOIN (SELECT id, row_number() OVER (ORDER BY name) n FROM associations) a ON a.n = c.n
            WHERE c.n <= 20`);
  await q(`INSERT INTO enterprises (name, credit_code, region_code, scale)
           SELECT '基准企业' || i, '91' || lpad(i::text, 16, '0'), '210102', 'small' FROM generate_series(1, 100000) i`);
  await q(
    `CREATE TEMP TABLE ent AS SELECT id, row_number() OVER (ORDER BY credit_code) - 1 AS n FROM enterprises`,
  );
  await q(
    `CREATE TEMP TABLE asc_ AS SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM associations`,
  );
  await q(`CREATE TEMP TABLE clu AS SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM clusters`);
  await q(`INSERT INTO memberships (association_id, enterprise_id)
           SELECT a.id, e.id FROM ent e JOIN asc_ a ON a.n = e.n % 49`);
  // 1,000 events a year 2022–2026, 85 % held or closed, visits on exhibitions
  await q(`INSERT INTO events (title, type, association_id, start_date, end_date, region_code, visits, status)
           SELECT '基准活动' || i,
                  (ARRAY['matchmaking','exhibition','delegation','study_tour','forum','online'])[1 + (i % 6)],
                  (SELECT id FROM asc_ WHERE n = (i * 7) % 49),
                  d, d + (i % 3), '210100',
                  CASE WHEN i % 6 = 1 THEN (random() * 20000)::int END,
                  CASE WHEN r < 0.45 THEN 'held' WHEN r < 0.85 THEN 'closed' WHEN r < 0.93 THEN 'planned' ELSE 'cancelled' END
             FROM (SELECT i, random() AS r, date '2022-01-01' + ((i - 1) / 1000) * 365 + (random() * 360)::int AS d
                     FROM generate_series(1, 5000) i) g`);
  await q(`CREATE TEMP TABLE evn AS SELECT id, row_number() OVER (ORDER BY title) - 1 AS n FROM events`);
  await q(`INSERT INTO event_clusters (event_id, cluster_id)
           SELECT DISTINCT e.id, c.id FROM evn e CROSS JOIN generate_series(0, 1) k
             JOIN clu c ON c.n = (e.n * 3 + k * (1 + e.n % 5)) % 22`);
  // 200 distinct enterprises per event: 1M participation rows
  await q(`INSERT INTO event_participants (event_id, enterprise_id, role)
           SELECT e.id, en.id, 'buyer' FROM evn e CROSS JOIN generate_series(0, 199) j
             JOIN ent en ON en.n = (e.n * 7919 + j * 37) % 100000`);
  // 40 meetings per event
  await q(`INSERT INTO meetings (event_id, slot_start, slot_end, table_no, demand_enterprise_id, supply_enterprise_id, status)
           SELECT e.id, ev.start_date + interval '9 hours' + j * interval '30 minutes',
                  ev.start_date + interval '9 hours 30 minutes' + j * interval '30 minutes', 1 + j % 10,
                  d.id, s.id, (ARRAY['held','held','intent','no_show','cancelled','scheduled'])[1 + (j % 6)]
             FROM evn e JOIN events ev ON ev.id = e.id CROSS JOIN generate_series(0, 39) j
             JOIN ent d ON d.n = (e.n * 7919 + j * 74) % 100000
             JOIN ent s ON s.n = (e.n * 7919 + j * 74 + 37) % 100000`);
  // 4,000 intents a year: half at an event, half naming a cluster; stages by their own dates
  await q(`INSERT INTO intents (enterprise_id, counterpart_name, event_id, cluster_id, title, amount_wan, stage,
                                reached_on, signed_on, landed_on, dropped_on)
           SELECT en.id, '外部伙伴' || i, CASE WHEN i % 2 = 0 THEN e.id END, CASE WHEN i % 2 = 1 THEN c.id END,
                  '基准意向' || i, round((random() * 5000)::numeric, 2),
                  CASE WHEN r < 0.4 THEN 'intent' WHEN r < 0.7 THEN 'signed' WHEN r < 0.85 THEN 'landed' ELSE 'dropped' END,
                  d, CASE WHEN r >= 0.4 AND r < 0.85 THEN d + 40 END, CASE WHEN r >= 0.7 AND r < 0.85 THEN d + 120 END,
                  CASE WHEN r >= 0.85 THEN d + 20 END
             FROM (SELECT i, random() AS r, date '2022-01-01' + (random() * 1760)::int AS d FROM generate_series(1, 20000) i) g
             JOIN ent en ON en.n = (i * 13) % 100000
             JOIN evn e ON e.n = i % 5000
             JOIN clu c ON c.n = i % 22`);
  // 20k postings and 200k recommendations spread over the five years
  await q(`INSERT INTO postings (enterprise_id, kind, category, title, cluster_id, status)
           SELECT en.id, CASE WHEN i % 2 = 0 THEN 'demand' ELSE 'supply' END, 'product', '基准供需' || i, c.id, 'published'
             FROM generate_series(0, 19999) i JOIN ent en ON en.n = (i * 5) % 100000 JOIN clu c ON c.n = i % 22`);
  await q(
    `CREATE TEMP TABLE pst AS SELECT id, enterprise_id, kind, row_number() OVER (PARTITION BY kind ORDER BY title) - 1 AS n FROM postings`,
  );
  await q(`INSERT INTO recommendations (demand_posting_id, supply_posting_id, demand_enterprise_id, supply_enterprise_id,
                                        demand_score, status, created_at)
           SELECT d.id, s.id, d.enterprise_id, s.enterprise_id, 1,
                  (ARRAY['new','viewed','contacted','meeting','intent','dismissed','new','viewed'])[1 + (k % 8)],
                  timestamptz '2022-01-01 08:00+08' + (random() * 1760) * interval '1 day'
             FROM generate_series(0, 199999) k
             JOIN pst d ON d.kind = 'demand' AND d.n = k % 10000
             JOIN pst s ON s.kind = 'supply' AND s.n = (k / 10000 * 487 + k) % 10000
           ON CONFLICT DO NOTHING`);
  await q(`VACUUM ANALYZE`);
  const counts: Record<string, number> = {};
  for (const t of ['enterprises', 'events', 'event_participants', 'meetings', 'intents', 'recommendations']) {
    const [row] = await q(`SELECT count(*)::int AS n FROM ${t}`);
    counts[t] = row.n;
  }
  return counts;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function time(fn: () => Promise<unknown>, calls: number): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < calls && Date.now() < DEADLINE; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

async function writeCost(
  db: DataSource,
  label: string,
  sql: (q: (s: string) => Promise<unknown>) => Promise<unknown>,
) {
  const run = async (triggers: boolean) => {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) {
      const qr = db.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction();
        if (!triggers) await qr.query(`SET LOCAL session_replication_role = replica`);
        const t0 = process.hrtime.bigint();
        await sql((s) => qr.query(s));
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
        await qr.rollbackTransaction();
      } finally {
        await qr.release();
      }
    }
    return pct(ms, 50);
  };
  const without = await run(false);
  const withT = await run(true);
  return {
    write: label,
    'no triggers ms': +without.toFixed(1),
    'with rollup ms': +withT.toFixed(1),
    ratio: +(withT / without).toFixed(1),
  };
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${NAME}`);
  const db = new DataSource({ type: 'postgres', url: URL, extra: { max: 4 } });
  // bulk load with triggers off (session_replication_role = replica), then one set-based rebuild of the rollup
  const load = new DataSource({
    type: 'postgres',
    url: URL,
    extra: { max: 1, options: '-c session_replication_role=replica' },
  });
  try {
    await runMigrations(URL);
    await load.initialize();
    const t0 = Date.now();
    const counts = await generate(load);
    await load.destroy();
    console.log(`data generated in ${((Date.now() - t0) / 1000).toFixed(1)} s:`, counts);
    await db.initialize();
    const t1 = Date.now();
    await db.query(`SELECT stats_rollup_rebuild()`);
    await db.query(`VACUUM ANALYZE stats_facts`);
    await db.query(`VACUUM ANALYZE stats_counts`);
    console.log(`rollup rebuilt in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const stats = new StatsService(db);
    stats.cache.enabled = false;
    const [{ id: assoc }] = await db.query(`SELECT id FROM associations ORDER BY name LIMIT 1`);
    const [{ id: cluster }] = await db.query(`SELECT id FROM clusters ORDER BY code LIMIT 1`);
    const routes: [string, () => Promise<unknown>][] = [
      ['overview ?year=2025', () => stats.overview(CALLER, { year: 2025 })],
      [
        'overview ?year=2025&associationId',
        () => stats.overview(CALLER, { year: 2025, associationId: assoc }),
      ],
      [
        'overview 2025-02-10..2025-05-20',
        () => stats.overview(CALLER, { from: '2025-02-10', to: '2025-05-20' }),
      ],
      ['by-association ?year=2025', () => stats.byAssociation(CALLER, { year: 2025 })],
      ['by-cluster ?year=2025', () => stats.byCluster(CALLER, { year: 2025 })],
      ['by-month ?year=2025&clusterId', () => stats.byMonth(CALLER, { year: 2025, clusterId: cluster })],
      ['by-month 2022–2026', () => stats.byMonth(CALLER, { from: '2022-01-01', to: '2026-12-31' })],
      ['by-event-type ?year=2025', () => stats.byEventType(CALLER, { year: 2025 })],
      ['attention', () => stats.attention('2026-06-30')],
    ];
    const rows: Record<string, string | number>[] = [];
    for (const [name, call] of routes) {
      await call(); // warm PostgreSQL's buffers
      const cold = await time(call, CALLS);
      rows.push({
        route: name,
        'uncached p50 ms': +cold.p50.toFixed(1),
        'uncached p95 ms': +cold.p95.toFixed(1),
      });
      if (Date.now() > DEADLINE) break;
    }
    console.log(`D1, ${CALLS} uncached calls per route (no cache in front; bar: p95 ≤ 50 ms)`);
    console.table(rows);
    const [{ id: planned }] = await db.query(
      `SELECT e.id FROM events e WHERE e.status = 'planned' ORDER BY e.id LIMIT 1`,
    );
    const [{ id: held }] = await db.query(`SELECT id FROM events WHERE status = 'held' ORDER BY id LIMIT 1`);
    const writes = [
      await writeCost(db, 'register 1,000 participants at a held event, one statement', (q) =>
        q(`INSERT INTO event_participants (event_id, enterprise_id, role)
           SELECT '${held}', id, 'buyer' FROM enterprises ORDER BY credit_code DESC LIMIT 1000 ON CONFLICT DO NOTHING`),
      ),
      await writeCost(db, 'register 100 participants at a held event, one by one', async (q) => {
        const ids: { id: string }[] = (await q(
          `SELECT id FROM enterprises ORDER BY credit_code DESC LIMIT 100`,
        )) as never;
        for (const { id } of ids) {
          await q(
            `INSERT INTO event_participants (event_id, enterprise_id, role) VALUES ('${held}', '${id}', 'buyer') ON CONFLICT DO NOTHING`,
          );
        }
      }),
      await writeCost(db, 'move a planned event with 200 participants to held', (q) =>
        q(`UPDATE events SET status = 'held' WHERE id = '${planned}'`),
      ),
      await writeCost(db, 'move a held event with 200 participants back to planned', (q) =>
        q(`UPDATE events SET status = 'planned' WHERE id = '${held}'`),
      ),
    ];
    console.log('write cost, median of 3, each rolled back');
    console.table(writes);
  } finally {
    if (load.isInitialized) await load.destroy();
    if (db.isInitialized) await db.destroy();
    await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
