import { Injectable } from '@nestjs/common';
import { PostingMatcher, type PostingMatchOutcome } from './posting-matcher.service';

/** A batch closes at this size, or after this long without a new job. */
const MAX_BATCH = 200;
const LINGER_MS = 3;

interface Waiting {
  postingId: string;
  resolve: (outcome: PostingMatchOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches in flight: one computes while the other waits for PostgreSQL (the writes lock rows in key order, so
 * two batches cannot deadlock).
 */
const IN_FLIGHT = 2;

/**
 * Jobs a worker runs at once: the batches in flight and a full one gathering. At 200 (until session 12) a burst's
 * jobs were spread over the running batches and the waiting one, ~20–150 each, and M3's median rate was 8–11 %
 * lower (two benches each, alternated).
 */
export const MATCHING_CONCURRENCY = (IN_FLIGHT + 1) * MAX_BATCH;

/**
 * Gathers the match-posting jobs a worker is running at the same time into matching batches. At most IN_FLIGHT
 * batches run; jobs that arrive meanwhile wait and form the next batch when one ends, so under a burst of
 * publishing the batches grow with the worker's concurrency and share a read and two writes, while a lone job
 * waits only LINGER_MS. Each job still settles on its own (a failed batch fails each of its jobs, which BullMQ
 * retries).
 */
@Injectable()
export class PostingMatchBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = 0;
  /** Postings in a running batch: a later job for one waits, so an older version never lands after a newer one. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly matcher: PostingMatcher) {}

  /** Whether a batch runs or jobs wait: background work (the statistics queue) gives way meanwhile. */
  busy(): boolean {
    return this.running > 0 || this.waiting.length > 0;
  }

  match(postingId: string): Promise<PostingMatchOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ postingId, resolve, reject });
      if (this.running >= IN_FLIGHT) return; // taken when a running batch ends
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), LINGER_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running >= IN_FLIGHT || !this.waiting.length) return;
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    for (const w of this.waiting) {
      if (batch.length < MAX_BATCH && !this.inFlight.has(w.postingId)) batch.push(w);
      else later.push(w);
    }
    this.waiting = later;
    if (!batch.length) return; // every waiting job's posting is being matched: the end of that batch flushes
    const ids = [...new Set(batch.map((w) => w.postingId))];
    for (const id of ids) this.inFlight.add(id);
    this.running++;
    void this.run(batch, ids).finally(() => {
      for (const id of ids) this.inFlight.delete(id);
      this.running--;
      this.flush();
    });
  }

  private async run(batch: Waiting[], ids: string[]): Promise<void> {
    try {
      const outcomes = new Map((await this.matcher.matchMany(ids)).map((o) => [o.postingId, o]));
      for (const w of batch) w.resolve(outcomes.get(w.postingId)!);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
