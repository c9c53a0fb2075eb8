import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchJob } from './batch-runner';
import type { MatchIndex } from './match-index';
import type { RankedList, ScoredList } from './scored-list';
import type { MatchResult, QueryOptions } from './types';

/** How often the calling thread looks for the next finished chunk while the workers score. */
const CHUNK_POLL_MS = 2;

type WorkerReply = { ready: true } | { ok: true } | { ok: false; error: string };

/**
 * Worker threads that share a full re-match with the calling thread (which takes its share too).
 * Start it once and keep it: starting threads costs more than a re-match of 20k × 20k.
 */
export class MatchWorkerPool {
  private busy = false;

  private constructor(private readonly workers: Worker[]) {}

  /** `threads` counts the calling thread: 2 on a 2-core machine starts one worker. */
  static async start(threads = 2): Promise<MatchWorkerPool> {
    const file = join(__dirname, `match-worker${extname(__filename)}`);
    // run from TypeScript sources (tests, benchmarks): the worker compiles itself the same way
    const execArgv = extname(__filename) === '.ts' ? ['--require', '@swc-node/register'] : undefined;
    const workers = Array.from({ length: Math.max(0, threads - 1) }, () => new Worker(file, { execArgv }));
    await Promise.all(workers.map((w) => nextReply(w)));
    return new MatchWorkerPool(workers);
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  /** Same result as `index.matchAll(options)`, computed on all threads. */
  async matchAll(index: MatchIndex, options: QueryOptions): Promise<Map<string, MatchResult[]>> {
    if (this.busy) throw new Error('MatchWorkerPool runs one re-match at a time');
    this.busy = true;
    try {
      const job = index.createBatchJob(options);
      const done = this.dispatch(job);
      // this thread scores too, and builds the results of finished chunks between its own
      const collector = await alongside(done, () => index.scoreAndCollect(job));
      return collector.finish();
    } finally {
      this.busy = false;
    }
  }

  /** Same lists as `index.rankAll(options)`, ranked on all threads: each list is explained when read. */
  async rankAll(index: MatchIndex, options: QueryOptions): Promise<RankedList[]> {
    if (this.busy) throw new Error('MatchWorkerPool runs one re-match at a time');
    this.busy = true;
    try {
      const job = index.createBatchJob(options, { lists: 'ranked' });
      await alongside(this.dispatch(job), () => index.scoreBatch(job));
      return index.rankedLists(job);
    } finally {
      this.busy = false;
    }
  }

  /**
   * The same re-match handed over chunk by chunk (in query order) while the worker threads go on scoring, as
   * lists whose results are built only when asked (see `ScoredList`), so a caller that stores each chunk before
   * pulling the next holds only a chunk of results at a time, and builds none for a list it keeps. The calling
   * thread does not score (with no worker thread it scores everything first).
   */
  async *matchAllChunks(index: MatchIndex, options: QueryOptions): AsyncGenerator<ScoredList[]> {
    if (this.busy) throw new Error('MatchWorkerPool runs one re-match at a time');
    this.busy = true;
    try {
      const job = index.createBatchJob(options, { lists: 'fingerprinted' });
      let failure: unknown;
      const done = this.dispatch(job).catch(
        (e: unknown) => (failure = e ?? new Error('match worker failed')),
      );
      if (!this.workers.length) index.scoreBatch(job);
      for (let c = 0; c < job.chunkDone.length; c++) {
        while (Atomics.load(job.chunkDone, c) !== 1) {
          if (failure) throw failure;
          await new Promise((resolve) => setTimeout(resolve, CHUNK_POLL_MS));
        }
        yield index.chunkLists(job, c);
      }
      await done;
      if (failure) throw failure;
    } finally {
      this.busy = false;
    }
  }

  /** Hands the job to every worker thread; settles when all of them have run their share. */
  private async dispatch(job: BatchJob): Promise<void> {
    await Promise.all(
      this.workers.map((w) => {
        const reply = nextReply(w);
        w.postMessage(job);
        return reply;
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Runs this thread's share while the workers run theirs; settles once both have, even when this one throws. */
async function alongside<T>(workers: Promise<void>, own: () => T): Promise<T> {
  try {
    return own();
  } finally {
    await workers;
  }
}

function nextReply(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerReply): void => {
      cleanup();
      if ('ok' in m && !m.ok) reject(new Error(`match worker failed: ${m.error}`));
      else resolve();
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
  });
}
