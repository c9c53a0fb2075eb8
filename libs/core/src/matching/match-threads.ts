import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { MatchWorkerPool, type MatchIndex, type MatchResult, type QueryOptions } from '@app/match-engine';

/** Scoring threads of a full re-match: one a core, at most four (measured only on two). */
const THREADS = Math.min(availableParallelism(), 4);

/**
 * The process's match threads, started at the first full re-match (about half a second) and kept: the index is
 * shared with them, not copied, so a thread costs little memory. They score; the calling thread turns finished
 * chunks into results for the caller, who stores them while scoring goes on.
 */
@Injectable()
export class MatchThreads implements OnModuleDestroy {
  private pool: Promise<MatchWorkerPool> | undefined;

  /** A full re-match, chunk by chunk (see MatchWorkerPool.matchAllChunks). */
  async *matchAllChunks(
    index: MatchIndex,
    options: QueryOptions,
  ): AsyncGenerator<Array<[string, MatchResult[]]>> {
    // one worker a core: the calling thread only collects and writes
    this.pool ??= MatchWorkerPool.start(THREADS + 1);
    yield* (await this.pool).matchAllChunks(index, options);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.pool) await (await this.pool).close();
  }
}
