/**
 * M2 — a newly published posting's top-10 stored and served by GET /postings/:id/matches, 20k counterparts
 * (end to end through HTTP, BullMQ, the worker and PostgreSQL; and the engine's part alone).
 * M3 — sustained publishing: postings matched per second through the queue, next to BullMQ's own throughput
 * for empty jobs measured just before, in rounds (the median ratio is the figure).
 * Run: npm run bench:publish  (env: M2_COUNTERPARTS, M2_SAMPLES, M3_POSTINGS a round, M3_ROUNDS,
 * M3_EXTRA_WORKERS: worker processes started beside this one for M3, as `npm run start:worker` would)
 */
import { PostingIndexCache, storedListQuery } from '@app/core';
import { chinaToday } from '@app/match-engine';
import { JobProducer, QueueName } from '@app/platform';
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { generatePostings } from '../matching/posting-generator';
import { createBenchDatabase, loadPostings, login, percentile, startApp } from './bench-world';
import { burstRate, emptyJobRate, median, statsQueueDrained, type RoundFigures } from './sustained-rounds';

const COUNTERPARTS = Number(process.env.M2_COUNTERPARTS ?? 20000);
const SAMPLES = Number(process.env.M2_SAMPLES ?? 100);
const SUSTAINED = Number(process.env.M3_POSTINGS ?? 3000);
const EXTRA_WORKERS = Number(process.env.M3_EXTRA_WORKERS ?? 0);
const ROUNDS = Number(process.env.M3_ROUNDS ?? 3);
const REDIS = { url: 'redis://127.0.0.1:6379', maxRetriesPerRequest: null };

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const { demands, supplies } = generatePostings({
    demands: SAMPLES + ROUNDS * SUSTAINED + 50,
    supplies: COUNTERPARTS,
    seed: 7,
  });
  const db = await createBenchDatabase('cl_bench_publish');
  const stop: (() => Promise<unknown>)[] = [() => db.drop()];
  try {
    let t = performance.now();
    const ids = await loadPostings(db.url, supplies);
    say(`loaded ${supplies.length} published supplies in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const { app, base, config } = await startApp(db.url);
    // Workers stop before their queues are emptied, so no job finishes against a deleted key.
    stop.unshift(async () => {
      await app.close();
      for (const name of Object.values(QueueName)) {
        const q = new Queue(name, { connection: REDIS, prefix: config.queuePrefix });
        await q.obliterate({ force: true });
        await q.close();
      }
    });
    const token = await login(base);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const sql = app.get(DataSource);
    const enterpriseOf = (i: number) => ids.get(supplies[i % supplies.length].enterpriseId)!;

    const publish = async (i: number): Promise<string> => {
      const d = demands[i];
      const res = await fetch(`${base}/api/v1/postings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          enterpriseId: enterpriseOf(i * 7 + 3),
          kind: 'demand',
          category: d.category,
          title: d.title.slice(0, 100),
          description: d.description.slice(0, 5000),
          keywords: d.keywords.slice(0, 20),
          status: 'published',
        }),
      });
      if (res.status !== 201) throw new Error(`publish answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    const served = async (id: string): Promise<number> => {
      for (;;) {
        const [row]: { matched_version: number | null }[] = await sql.query(
          'SELECT matched_version FROM postings WHERE id = $1',
          [id],
        );
        if (row.matched_version !== null) break;
        await new Promise((r) => setTimeout(r, 1));
      }
      const res = await fetch(`${base}/api/v1/postings/${id}/matches?limit=10`, { headers });
      return ((await res.json()) as { items: unknown[] }).items.length;
    };

    // Warm-up: the worker builds its index of the 20k counterparts on the first job.
    t = performance.now();
    await served(await publish(0));
    say(
      `first publish (index build of ${COUNTERPARTS} counterparts included): ${(performance.now() - t).toFixed(0)} ms`,
    );
    for (let i = 1; i < 10; i++) await served(await publish(i));

    const latencies: number[] = [];
    let withMatches = 0;
    for (let i = 10; i < 10 + SAMPLES; i++) {
      const start = performance.now();
      const n = await served(await publish(i));
      latencies.push(performance.now() - start);
      if (n > 0) withMatches++;
    }

    const index = await app.get(PostingIndexCache).current();
    const engine: number[] = [];
    for (let i = 0; i < 500; i++) {
      const doc = { ...demands[i % demands.length], validUntil: null };
      const s = performance.now();
      index.query(doc, storedListQuery(chinaToday()));
      engine.push(performance.now() - s);
    }

    // M3, in rounds: each round measures BullMQ's empty jobs, then matches a fresh burst, so that each ratio
    // compares figures taken seconds apart on this shared machine; the median ratio is the figure.
    for (let i = 0; i < EXTRA_WORKERS; i++)
      stop.unshift(await startWorkerProcess(db.url, config.queuePrefix));
    const matching = app.get(JobProducer).queue(QueueName.Matching);
    const rounds: RoundFigures[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const from = 10 + SAMPLES + r * SUSTAINED;
      const burst = demands.slice(from, from + SUSTAINED);
      const burstIds = await loadPostings(db.url, burst);
      const postingIds = burst.map((d) => burstIds.get(d.id)!);
      await sql.query('UPDATE postings SET matched_version = NULL WHERE id = ANY($1::uuid[])', [postingIds]);
      // the previous burst's statistics are refreshed in the background meanwhile: let them finish first, so that
      // the baseline does not share the machine with them
      await statsQueueDrained(sql);
      const emptyRate = await emptyJobRate(config.queuePrefix);
      rounds.push({ emptyRate, ...(await burstRate(sql, matching, postingIds)) });
    }
    const rss = process.memoryUsage().rss / 1024 / 1024;
    const ratios = rounds.map((r) => (r.matchedRate / r.emptyRate) * 100);

    say('');
    say('| bench | figure | bar |');
    say('|---|---|---|');
    say(
      `| M2 publish → top-10 served, ${COUNTERPARTS} counterparts, ${SAMPLES} postings | p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 **${percentile(latencies, 95).toFixed(1)} ms** (${withMatches}/${SAMPLES} had matches) | p95 ≤ 50 ms |`,
    );
    say(
      `| M2 engine part (index.query, asked as the worker asks: ${storedListQuery('').mode} mode) | p50 ${percentile(engine, 50).toFixed(2)} ms, p95 **${percentile(engine, 95).toFixed(2)} ms** | p95 ≤ 2 ms |`,
    );
    rounds.forEach((r, i) =>
      say(
        `| M3 round ${i + 1}: BullMQ empty jobs (concurrency 10), then ${SUSTAINED} postings queued at once, ${1 + EXTRA_WORKERS} worker process(es) | ${r.emptyRate.toFixed(0)} jobs/s; **${r.matchedRate.toFixed(0)} postings/s** matched (to the poll that saw them all: ${r.polledRate.toFixed(0)}/s); ratio ${ratios[i].toFixed(1)} %; CPU per posting ${Object.entries(
          r.cpuPerPosting,
        )
          .map(([n, s]) => `${n} ${(s * 1000).toFixed(2)} ms`)
          .join(', ')} | ≥ 1,000/s, ≥ 15 % |`,
      ),
    );
    say(`| peak RSS of the process | ${rss.toFixed(0)} MB | — |`);
    say('');
    say(
      `M3 median of ${ROUNDS} rounds: ${median(rounds.map((r) => r.matchedRate)).toFixed(0)} postings/s (bar ≥ 1,000/s)`,
    );
    say(
      `ratio M3 / empty-job BullMQ throughput, median of ${ROUNDS} rounds: ${median(ratios).toFixed(1)} % (bar ≥ 15 %)`,
    );
  } finally {
    for (const fn of stop) await fn().catch((e: unknown) => say(`cleanup: ${String(e)}`));
  }
}

/** A separate worker process on the same database and queues (it builds its index on its first job). */
async function startWorkerProcess(databaseUrl: string, queuePrefix: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    env: {
      ...process.env,
      ROLE: 'worker',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: 'bench-worker-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('ready') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
