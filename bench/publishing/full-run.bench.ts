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

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const db = await createBenchDatabase('cl_bench_full_run');
  try {
    let t = performance.now();
    const { demands, supplies } = generatePostings({ demands: PER_SIDE, supplies: PER_SIDE, seed: 11 });
    await loadPostings(db.url, [...demands, ...supplies]);
    say(`generated and loaded ${2 * PER_SIDE} postings in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const { app } = await startApp(db.url);
    try {
      const sql = app.get(DataSource);
      const before = process.memoryUsage().rss;
      peak = before;
      const run = await sql.getRepository(MatchRunEntity).save({ scope: 'all' });
      const phases: [number, number][] = [];
      t = performance.now();
      const counts = await app
        .get(MatchRunExecutor)
        .execute(run.id, async (percent) => void phases.push([percent, performance.now() - t]));
      const total = (performance.now() - t) / 1000;
      const [{ n }]: { n: number }[] = await sql.query('SELECT count(*)::int AS n FROM recommendations');
      say('');
      say('| phase (progress %) | seconds since start |');
      say('|---|---|');
      for (const [percent, ms] of phases) say(`| ${percent} | ${(ms / 1000).toFixed(1)} |`);
      say('');
      say('| bench | figure | bar |');
      say('|---|---|---|');
      say(
        `| M1x full re-match ${PER_SIDE} × ${PER_SIDE} from the database, written back | **${total.toFixed(1)} s** (${counts?.queries} queries, ${n} recommendation rows) | ≤ 30 s |`,
      );
      say(
        `| peak RSS during the run | **${(peak / 1024 / 1024).toFixed(0)} MB** (${(before / 1024 / 1024).toFixed(0)} MB before) | ≤ 2 GB |`,
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
