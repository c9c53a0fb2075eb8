import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { MatchWorkerPool, type MatchIndex, type QueryOptions, type ScoredList } from '@app/match-engine';

/** Scoring threads of a full re-match: one a core, at most four (measured only on two). */
const THREADS = Math.min(availableParallelism(), 4);

/**
 * Match threads for full re-matches: the index is shared with them, not copied, so a thread costs little memory
 * while it scores. They score and fingerprint the lists; the calling thread hands finished chunks to the caller,
 * who stores them (building the results of the lists it writes) while scoring goes on.
 *
 * Each run starts its own threads (~0.3 s) and stops them when it ends. A kept thread holds the last run's index
 * until its own garbage collection, which an idle thread rarely runs: with threads kept, a 50k × 50k index
 * rebuilt five times left 265 → 546 MB of array buffers alive; with threads stopped, 206 → 264 MB (one index).
 */
@Injectable()
export class MatchThreads implements OnModuleDestroy {
  private readonly running = new Set<Promise<MatchWorkerPool>>();

  /** A full re-match, chunk by chunk (see MatchWorkerPool.matchAllChunks). */
  async *matchAllChunks(index: MatchIndex, options: QueryOptions): AsyncGenerator<ScoredList[]> {
    // one worker a core: the calling thread only collects and writes
    const starting = MatchWorkerPool.start(THREADS + 1);
    this.running.add(starting);
    try {
      yield* (await starting).matchAllChunks(index, options);
    } finally {
      this.running.delete(starting);
      await (await starting).close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.running].map(async (pool) => (await pool).close()));
  }
}
