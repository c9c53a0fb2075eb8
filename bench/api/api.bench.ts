/**
 * A1 — the API under 100 connections, mixed reads, next to a bare NestJS hello route measured in the same run.
 * The API runs as `npm run start:api` would (its own process, on the demo data of a fresh database); the bare
 * application too; the load comes from this process (autocannon), so each side shares the 2 cores alike.
 * Run: npm run bench:api  (env: A1_CONNECTIONS, A1_SECONDS, A1_PER_ROUTE=1: each route alone too)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createBenchDatabase, login } from '../publishing/bench-world';
import { load, type LoadFigures } from './load';

const CONNECTIONS = Number(process.env.A1_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.A1_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const DEMO_LOGIN = { username: 'demo_admin', password: 'Demo2026' };

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const db = await createBenchDatabase('cl_bench_api');
  const children: ChildProcess[] = [];
  try {
    const apiPort = await freePort();
    children.push(
      await startProcess(['apps/api/src/main.ts'], {
        ROLE: 'api',
        PORT: String(apiPort),
        DATABASE_URL: db.url,
        DEMO_DATA: 'true',
        QUEUE_PREFIX: `clbench-${randomBytes(4).toString('hex')}`,
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        DATA_DIR: `/tmp/clusterlink-bench-api-${process.pid}`,
      }),
    );
    const api = `http://127.0.0.1:${apiPort}`;
    await until(async () => (await fetch(`${api}/health`).catch(() => null))?.ok === true, 180_000);
    const token = await login(api, DEMO_LOGIN);
    const headers = { Authorization: `Bearer ${token}` };
    const get = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${api}/api/v1${path}`, { headers });
      if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
      return (await res.json()) as T;
    };
    // what staff open all day: lists, a posting's matches, an event, the figures
    const postings = await get<{ items: { id: string }[] }>('/postings?status=published&pageSize=20');
    const events = await get<{ items: { id: string }[] }>('/events?pageSize=20');
    const year = new Date().getFullYear();
    const paths = [
      '/postings?pageSize=20',
      ...postings.items.slice(0, 5).map((p) => `/postings/${p.id}/matches?limit=10`),
      '/events?pageSize=20',
      ...events.items.slice(0, 3).map((e) => `/events/${e.id}`),
      '/enterprises?pageSize=20',
      `/stats/overview?year=${year}`,
      `/stats/by-cluster?year=${year}`,
      `/stats/by-month?year=${year}`,
    ];
    for (const p of paths) await get(p); // each route answers 200 before it is timed
    const apiRequests = paths.map((path) => ({ path: `/api/v1${path}`, headers }));

    const helloPort = await freePort();
    children.push(await startProcess(['bench/api/hello-app.ts'], { PORT: String(helloPort) }));
    const hello = `http://127.0.0.1:${helloPort}`;

    await load(hello, [{ path: '/hello' }], CONNECTIONS, WARM_UP_SECONDS);
    const bare = await load(hello, [{ path: '/hello' }], CONNECTIONS, SECONDS);
    await load(api, apiRequests, CONNECTIONS, WARM_UP_SECONDS);
    const mixed = await load(api, apiRequests, CONNECTIONS, SECONDS);

    const row = (name: string, f: LoadFigures) =>
      `| ${name} | ${f.perSecond.toFixed(0)} req/s | p50 ${f.p50.toFixed(1)} ms, p95 **${f.p95.toFixed(1)} ms** | ${Object.entries(
        f.statuses,
      )
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}${f.errors ? `, errors ${f.errors}` : ''} |`;
    say('');
    say(`A1: ${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s of warm-up`);
    say('| target | throughput | latency | responses |');
    say('|---|---|---|---|');
    say(row('bare NestJS GET /hello (baseline)', bare));
    say(row(`ClusterLink API, ${paths.length} read routes in turn (demo data)`, mixed));
    if (process.env.A1_PER_ROUTE) {
      // where the time goes: each route alone, briefly
      say('');
      say('| route alone | throughput | latency | responses |');
      say('|---|---|---|---|');
      for (const path of [...new Set(paths.map((p) => p.replace(/[0-9a-f-]{36}/g, ':id')))]) {
        const concrete = paths.find((p) => p.replace(/[0-9a-f-]{36}/g, ':id') === path)!;
        say(row(path, await load(api, [{ path: `/api/v1${concrete}`, headers }], CONNECTIONS, 3)));
      }
    }
    say('');
    say(`routes: ${paths.map((p) => p.replace(/[0-9a-f-]{36}/g, ':id')).join(' · ')}`);
    say(
      `ratio API / bare NestJS requests/s: ${((mixed.perSecond / bare.perSecond) * 100).toFixed(1)} % (bar ≥ 40 %); API p95 ${mixed.p95.toFixed(1)} ms (bar ≤ 25 ms)`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(0)))),
    );
    await db.drop();
  }
}

/** A process of this repository's TypeScript, started like the benches are; resolves once it listens. */
async function startProcess(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  child.once('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`${args[0]} exited with ${code}\n`);
  });
  return child;
}

async function until(ok: () => Promise<boolean>, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready within ${ms / 1000} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
