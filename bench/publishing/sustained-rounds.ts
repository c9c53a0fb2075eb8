import { JobName } from '@app/platform';
import { Queue, Worker } from 'bullmq';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { cpuSpent, ownCpuSeconds, processCpuSeconds } from './process-cpu';

const REDIS = { url: 'redis://127.0.0.1:6379', maxRetriesPerRequest: null };
const EMPTY_JOBS = 5000;
const WARM_UP_JOBS = 2000;
/** Processes whose CPU is counted per posting: this one (API and worker), PostgreSQL and Redis. */
const CPU_NAMES = ['postgres', 'redis-server'];

export interface RoundFigures {
  emptyRate: number;
  matchedRate: number;
  /** The same burst counted to the database poll that first saw every posting matched. */
  polledRate: number;
  /** CPU seconds per posting matched, by process group. */
  cpuPerPosting: Record<string, number>;
}

/**
 * M3's baseline: BullMQ alone, empty jobs, concurrency 10, same Redis, same process, measured after a warm-up
 * of its own (the first run of a process was the slowest).
 */
export async function emptyJobRate(prefix: string): Promise<number> {
  const queue = new Queue('bench-empty', { connection: REDIS, prefix });
  let done = 0;
  const worker = new Worker('bench-empty', async () => undefined, {
    connection: REDIS,
    prefix,
    concurrency: 10,
  });
  worker.on('completed', () => done++);
  const run = async (jobs: number): Promise<number> => {
    done = 0;
    const t = performance.now();
    await queue.addBulk(Array.from({ length: jobs }, (_, i) => ({ name: 'empty', data: { i } })));
    while (done < jobs) await new Promise((r) => setTimeout(r, 5));
    return jobs / ((performance.now() - t) / 1000);
  };
  await run(WARM_UP_JOBS);
  const rate = await run(EMPTY_JOBS);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

/**
 * M3: a burst of published postings queued at once, matched by the app's worker (and any extra ones); the rate
 * counts from the first job queued to the last job of the burst finished, as BullMQ recorded it. The database is
 * polled every 100 ms until every posting is marked matched; counting to that poll instead (`polledRate`) adds
 * ~50 ms on average to a burst of ~1.4 s.
 */
export async function burstRate(
  sql: DataSource,
  matching: Queue,
  postingIds: string[],
): Promise<Omit<RoundFigures, 'emptyRate'>> {
  const cpuBefore = { ...processCpuSeconds(CPU_NAMES), app: ownCpuSeconds() };
  const started = Date.now();
  const t = performance.now();
  await matching.addBulk(
    postingIds.map((postingId) => ({
      name: JobName.MatchPosting,
      data: { postingId },
      opts: { jobId: `m3-${postingId}` },
    })),
  );
  // Asks only about the postings still unmatched, every 100 ms (≤ 2 % of a burst of seconds): polling the whole
  // burst every 20 ms took ~20 % of a core from the database it measures.
  for (let left = postingIds; left.length;) {
    await new Promise((r) => setTimeout(r, 100));
    const rows: { id: string }[] = await sql.query(
      'SELECT id FROM postings WHERE id = ANY($1::uuid[]) AND matched_version IS NULL',
      [left],
    );
    left = rows.map((r) => r.id);
  }
  const polledRate = postingIds.length / ((performance.now() - t) / 1000);
  const cpu = cpuSpent(cpuBefore, { ...processCpuSeconds(CPU_NAMES), app: ownCpuSeconds() });
  const cpuPerPosting = Object.fromEntries(Object.entries(cpu).map(([n, s]) => [n, s / postingIds.length]));
  const finished = await lastFinished(matching, postingIds);
  return { matchedRate: postingIds.length / ((finished - started) / 1000), polledRate, cpuPerPosting };
}

/** When the last job of the burst finished (BullMQ's `finishedOn`, this machine's clock), once all have. */
async function lastFinished(matching: Queue, postingIds: string[]): Promise<number> {
  const ids = postingIds.map((id) => `m3-${id}`);
  for (const until = performance.now() + 10_000; ;) {
    const states = await Promise.all(ids.map((id) => matching.getJobState(id)));
    if (states.every((s) => s === 'completed' || s === 'unknown')) break; // unknown: removed once completed
    if (performance.now() > until) throw new Error('M3: not every job of the burst completed within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  // completed jobs are kept newest first (the app keeps the last 1,000): the burst's last one is among them
  const [newest] = await matching.getJobs(['completed'], 0, 0, false);
  if (!newest?.id?.startsWith('m3-') || !newest.finishedOn)
    throw new Error('M3: no finished job of the burst');
  return newest.finishedOn;
}

/** Waits (at most a minute) until the worker has refreshed the statistics of every queued recommendation. */
export async function statsQueueDrained(sql: DataSource): Promise<void> {
  for (const until = performance.now() + 60_000; performance.now() < until;) {
    const [{ n }]: { n: number }[] = await sql.query(
      'SELECT count(*)::int AS n FROM stats_pending_recommendations',
    );
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  process.stderr.write(
    'statistics queue not drained within a minute: this round shares the machine with it\n',
  );
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
