import { NestFactory } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { makeCreditCode, SeedService } from '@app/core';
import type { MatchDocument } from '@app/match-engine';
import { runMigrations, type AppConfig } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http/configure-http-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_ADMIN = { username: 'admin', password: 'Bench12345' };

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A throwaway database, migrated like production; dropped by `drop`. */
export async function createBenchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  await runMigrations(url);
  return { url, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Writes the generator's enterprises, clusters and postings (published, valid into next year) in a few
 * statements; returns the generator's ids mapped to database ids.
 */
export async function loadPostings(url: string, docs: MatchDocument[]): Promise<Map<string, string>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const clusters = [...new Set(docs.map((d) => d.clusterId).filter((x): x is string => !!x))];
    const clusterRows = await c.query<{ id: string; code: string }>(
      `INSERT INTO clusters (code, name, tier) SELECT 'B' || x, '基准集群' || x, 'regional' FROM unnest($1::text[]) AS x
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id, code`,
      [clusters],
    );
    const clusterId = new Map(clusterRows.rows.map((r) => [r.code.slice(1), r.id]));
    const enterprises = [...new Set(docs.map((d) => d.enterpriseId))];
    const codes = enterprises.map((_, i) =>
      makeCreditCode(`91210102MA${String(1_000_000 + i).padStart(7, '0')}`),
    );
    const enterpriseRows = await c.query<{ id: string; credit_code: string }>(
      `INSERT INTO enterprises (name, credit_code, region_code, scale)
       SELECT '基准企业' || n, code, '210102', 'medium' FROM unnest($1::text[]) WITH ORDINALITY AS u(code, n)
       ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name RETURNING id, credit_code`,
      [codes],
    );
    const byCode = new Map(enterpriseRows.rows.map((r) => [r.credit_code, r.id]));
    const enterpriseId = new Map(enterprises.map((e, i) => [e, byCode.get(codes[i])!]));
    const ids = new Map<string, string>();
    const BATCH = 5000;
    for (let i = 0; i < docs.length; i += BATCH) {
      const chunk = docs.slice(i, i + BATCH);
      const rows = await c.query<{ id: string }>(
        `INSERT INTO postings (enterprise_id, kind, category, title, description, keywords, cluster_id, region_code,
                               valid_until, status, published_at, matched_version)
         SELECT e, k, cat, t, d, ARRAY(SELECT json_array_elements_text(kw)), cl, r, '2027-06-30', 'published', now(), 1
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::json[], $7::uuid[], $8::text[])
                WITH ORDINALITY AS u(e, k, cat, t, d, kw, cl, r, n)
          ORDER BY n
         RETURNING id`,
        [
          chunk.map((d) => enterpriseId.get(d.enterpriseId)),
          chunk.map((d) => d.kind),
          chunk.map((d) => d.category),
          chunk.map((d) => d.title.slice(0, 100)),
          chunk.map((d) => d.description.slice(0, 5000)),
          chunk.map((d) => JSON.stringify(d.keywords.slice(0, 20))),
          chunk.map((d) => (d.clusterId ? (clusterId.get(d.clusterId.slice(1)) ?? null) : null)),
          chunk.map((d) => d.regionCode),
        ],
      );
      rows.rows.forEach((r, j) => ids.set(chunk[j].id, r.id));
    }
    // Generator enterprise ids → database ids too, for posting on their behalf.
    for (const [k, v] of enterpriseId) ids.set(k, v);
    return ids;
  } finally {
    await c.end();
  }
}

/** The real API and worker in this process (ROLE=all), listening on a free loopback port. */
export async function startApp(
  databaseUrl: string,
): Promise<{ app: INestApplication; base: string; config: AppConfig & { databaseUrl: string } }> {
  const config: AppConfig & { databaseUrl: string } = {
    port: 0,
    databaseUrl,
    redisUrl: 'redis://127.0.0.1:6379',
    jwtSecret: randomBytes(32).toString('hex'),
    jwtSecretGenerated: false,
    adminUsername: BENCH_ADMIN.username,
    adminPassword: BENCH_ADMIN.password,
    demoData: false,
    role: 'all',
    dataDir: join(tmpdir(), 'clusterlink-bench'),
    production: false,
    queuePrefix: `clbench-${randomBytes(4).toString('hex')}`,
    logLevel: 'silent',
    webDistDir: join(tmpdir(), 'clusterlink-no-console'),
    // benches run their own match runs
    nightlyMatchCron: null,
    matchDictionaryDir: null,
  };
  const app = await NestFactory.create(ApiModule.forRoot(config, [WorkerModule.forRoot()]), {
    logger: false,
  });
  configureHttpApp(app, config);
  await app.get(SeedService).seed(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, base: `http://127.0.0.1:${address.port}`, config };
}

/** A session token from the API at `base` (the bench's own admin unless told otherwise). */
export async function login(base: string, credentials = BENCH_ADMIN): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!res.ok) throw new Error(`login answered ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
