import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MatchRunExecutor, PostingMatchBatcher } from '@app/core';
import { DataSource } from 'typeorm';

/**
 * Ids refreshed per transaction (under the rollup's lock): small enough that another figure-changing write waits
 * well under a second for one batch.
 */
const BATCH = 2000;
const IDLE_MS = 1000;
/**
 * While this worker matches postings or runs a re-match, the refresh waits (its batches cost the database as much
 * as the matching writes that queued them, and took half the machine from a full run), but never longer than
 * this: under endless publishing the figures still move.
 */
const MAX_DEFER_MS = 10_000;
const RECHECK_MS = 200;

/**
 * Keeps the recommendation figures of the statistics rollup current: refreshes the queued recommendation ids
 * (`stats_drain_recommendations`, migration 1764370000000) in batches until the queue is empty, then looks again
 * every second. Gives way to matching in the same process for up to MAX_DEFER_MS at a time. Several worker processes share
 * the queue (SKIP LOCKED).
 */
@Injectable()
export class StatsQueueDrainer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StatsQueueDrainer.name);
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private lastDrain = Date.now();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly matching: PostingMatchBatcher,
    private readonly runs: MatchRunExecutor,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Before the database connection closes (module destroy runs ahead of every shutdown hook). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Drains until the queue is empty or matching needs the database; returns how many ids were refreshed. */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopped && !this.givingWay()) {
      this.lastDrain = Date.now();
      const [{ n }]: { n: number }[] = await this.db.query(`SELECT stats_drain_recommendations($1) AS n`, [
        BATCH,
      ]);
      total += n;
      if (n < BATCH) break;
    }
    return total;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then((n) => {
          if (n >= BATCH) this.logger.log(`refreshed the figures of ${n} recommendations`);
        })
        .catch((e: Error) => this.logger.warn(`statistics queue: ${e.message}`))
        .finally(() => this.schedule(this.givingWay() ? RECHECK_MS : IDLE_MS));
    }, delay);
  }

  private givingWay(): boolean {
    return (this.matching.busy() || this.runs.busy()) && Date.now() - this.lastDrain < MAX_DEFER_MS;
  }
}
