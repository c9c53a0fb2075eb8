import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { MatchWorkerPool, type MatchIndex, type MatchResult, type QueryOptions } from '@app/match-engine';

/** Threads of a full re-match, the calling one included: one a core, at most four (measured only on two). */
const THREADS = Math.min(availableParallelism(), 4);

/**
 * The process's match threads, started at the first full re-match (about half a second) and kept: the index is
 * shared with them, not copied, so a second thread costs little memory.
 */
@Injectable()
export class MatchThreads implements OnModuleDestroy {
  private pool: Promise<MatchWorkerPool> | undefined;

  async matchAll(index: MatchIndex, options: QueryOptions): Promise<Map<string, MatchResult[]>> {
    if (THREADS <= 1) return index.matchAll(options);
    this.pool ??= MatchWorkerPool.start(THREADS);
    return (await this.pool).matchAll(index, options);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.pool) await (await this.pool).close();
  }
}
