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
 * Gathers the match-posting jobs a worker is running at the same time into one matching batch: under a burst
 * of publishing, hundreds of jobs share a read and two writes; a lone job waits only LINGER_MS. Each job still
 * settles on its own (a failed batch fails each of its jobs, which BullMQ retries).
 */
@Injectable()
export class PostingMatchBatcher {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly matcher: PostingMatcher) {}

  match(postingId: string): Promise<PostingMatchOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ postingId, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), LINGER_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    // Batches run one after another, so the index and the writes are never contended within a worker.
    this.running = this.running.then(() => this.run(batch));
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const ids = [...new Set(batch.map((w) => w.postingId))];
      const outcomes = new Map((await this.matcher.matchMany(ids)).map((o) => [o.postingId, o]));
      for (const w of batch) w.resolve(outcomes.get(w.postingId)!);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
