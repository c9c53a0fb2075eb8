/**
 * M1x — a full re-match from the database with the recommendations written back: N demands × N supplies
 * (100k × 100k by default) loaded into PostgreSQL, then one `scope: all` match run executed by the real
 * MatchRunExecutor (index from the database, fast mode, top-10 each way, both sides stored). Prints the phases,
 * rows written and peak RSS. Run: npm run bench:match-db  (env: M1X_POSTINGS per side)
 */
import { MatchRunEntity, MatchRunExecutor } from '@app/core';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { generatePostings } from '../matching/posting-generator';
import { createBenchDatabase, loadPostings, startApp } from './bench-world';

const PER_SIDE = Number(process.env.M1X_POSTINGS ?? 100_000);
const DRAIN_WATCH_MS = 60_000;

async function generateAndLoad(url: string): Promise<void> {
  const { demands, supplies } = generatePostings({ demands: PER_SIDE, supplies: PER_SIDE, seed: 11 });
  await loadPostings(url, [...demands, ...supplies]);
}

/** A word added to the title of every hundredth posting, as edits on an ordinary day would come. */
async function editSomePostings(sql: DataSource): Promise<void> {
  await sql.query(
    `UPDATE postings SET title = title || ' 精密加工', version = version + 1, updated_at = now()
      WHERE abs(hashtext(id::text)) % 100 = 0`,
  );
}

/** Makes the stored corpus statistics due for renewal, as a weekly run finds them. */
async function ageStatistics(sql: DataSource): Promise<void> {
  await sql.query(`UPDATE match_corpus_statistics SET taken_at = taken_at - interval '8 days'`);
}

/** A transaction id: digests whose row version is newer were written after it (no wraparound in a bench). */
async function transactionNow(sql: DataSource): Promise<number> {
  const [{ x }]: { x: string }[] = await sql.query(`SELECT (txid_current() % 4294967296)::text AS x`);
  return Number(x);
}

async function listsWrittenSince(sql: DataSource, transaction: number): Promise<number> {
  const [{ n }]: { n: number }[] = await sql.query(
    `SELECT count(*)::int AS n FROM match_list_digests WHERE xmin::text::bigint > $1`,
    [transaction],
  );
  return n;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // the highest RSS since the runs began, and since the current run began with what made it up then
  let peak = 0;
  let runPeak = process.memoryUsage();
  // when in the current run its peak came (ms since the run began), to tell the phase from the phases table
  let runStart = performance.now();
  let runPeakAt: number;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    if (usage.rss > runPeak.rss) {
      runPeak = usage;
      runPeakAt = performance.now() - runStart;
    }
  }, 50);
  const db = await createBenchDatabase('cl_bench_full_run');
  try {
    let t = performance.now();
    // generated in a function of its own, so that the postings are garbage before the run is measured
    await generateAndLoad(db.url);
    say(`generated and loaded ${2 * PER_SIDE} postings in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const { app } = await startApp(db.url);
    try {
      const sql = app.get(DataSource);
      const before = process.memoryUsage().rss;
      peak = before;
      const executor = app.get(MatchRunExecutor);
      // first run: cold posting cache (every posting read and tokenised), empty table; second run: the same
      // data again, as a nightly re-run in a long-running worker would find it (nothing changes); third run: after
      // 1 % of the postings were edited, as a nightly run on an ordinary day would find it; fourth run: the week-old
      // statistics are taken again, so every score moves a little, and the lists whose shown scores, order or
      // explanations moved are written (see listFingerprint)
      const runs: Array<{
        label: string;
        total: number;
        phases: [number, number][];
        queries: number;
        rows: number;
        listsWritten: number;
        peak: NodeJS.MemoryUsage;
        peakAt: number;
      }> = [];
      for (const [label, prepare] of [
        ['first run (cold cache, empty table)', async () => {}],
        ['second run (warm cache, nothing changed)', async () => {}],
        ['third run (1 % of the postings edited)', () => editSomePostings(sql)],
        ['fourth run (statistics a week old: taken again)', () => ageStatistics(sql)],
      ] as const) {
        await prepare();
        runPeak = process.memoryUsage();
        runPeakAt = 0;
        const since = await transactionNow(sql);
        const run = await sql.getRepository(MatchRunEntity).save({ scope: 'all' });
        const phases: [number, number][] = [];
        t = runStart = performance.now();
        const counts = await executor.execute(
          run.id,
          async (percent) => void phases.push([percent, performance.now() - t]),
        );
        const total = (performance.now() - t) / 1000;
        const [{ n }]: { n: number }[] = await sql.query('SELECT count(*)::int AS n FROM recommendations');
        runs.push({
          label,
          total,
          phases,
          queries: counts?.queries ?? 0,
          rows: n,
          listsWritten: await listsWrittenSince(sql, since),
          peak: runPeak,
          peakAt: runPeakAt,
        });
      }
      // the worker's drainer refreshes the queued recommendation figures in the background: its rate, for a while
      const queued = async () =>
        (
          (await sql.query('SELECT count(*)::int AS n FROM stats_pending_recommendations')) as { n: number }[]
        )[0].n;
      const pendingAtEnd = await queued();
      t = performance.now();
      let pending = pendingAtEnd;
      while (pending > 0 && performance.now() - t < DRAIN_WATCH_MS) {
        await new Promise((r) => setTimeout(r, 1000));
        pending = await queued();
      }
      const drainRate = (pendingAtEnd - pending) / ((performance.now() - t) / 1000);
      say('');
      say('| run | phase (progress %) | seconds since start |');
      say('|---|---|---|');
      for (const r of runs)
        for (const [percent, ms] of r.phases) say(`| ${r.label} | ${percent} | ${(ms / 1000).toFixed(1)} |`);
      say('');
      say('| bench | figure | bar |');
      say('|---|---|---|');
      for (const r of runs) {
        say(
          `| M1x ${PER_SIDE} × ${PER_SIDE} from the database, written back: ${r.label} | **${r.total.toFixed(1)} s** (${r.queries} queries, ${r.listsWritten} lists written, ${r.rows} recommendation rows; peak RSS ${megabytes(r.peak.rss)} at ${(r.peakAt / 1000).toFixed(1)} s, of which JS heap ${megabytes(r.peak.heapTotal)} (${megabytes(r.peak.heapUsed)} used) and array buffers ${megabytes(r.peak.arrayBuffers)}) | ≤ 30 s |`,
        );
      }
      say(
        `| peak RSS during the runs | **${(peak / 1024 / 1024).toFixed(0)} MB** (${(before / 1024 / 1024).toFixed(0)} MB before) | ≤ 2 GB |`,
      );
      say(
        `| recommendation figures queued for the statistics after the runs | ${pendingAtEnd} ids, refreshed in the background at ${drainRate.toFixed(0)} ids/s (watched ≤ ${DRAIN_WATCH_MS / 1000} s) | — |`,
      );
    } finally {
      await app.close();
    }
  } finally {
    clearInterval(sampler);
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
