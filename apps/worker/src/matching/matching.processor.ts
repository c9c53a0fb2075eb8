import { Processor, WorkerHost } from '@nestjs/bullmq';
import { MATCHING_CONCURRENCY, PostingMatchBatcher } from '@app/core';
import { JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';

/**
 * Thin: each match-posting job joins the batcher, which matches the jobs running at the same time together.
 * High concurrency is what lets a burst form full batches; the work itself runs a batch or two at a time.
 */
@Processor(QueueName.Matching, { concurrency: MATCHING_CONCURRENCY })
export class MatchingProcessor extends WorkerHost {
  constructor(private readonly batcher: PostingMatchBatcher) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.MatchPosting]>): Promise<unknown> {
    return this.batcher.match(job.data.postingId);
  }
}
