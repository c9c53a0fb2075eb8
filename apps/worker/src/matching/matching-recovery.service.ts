import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PostingMatcher } from '@app/core';
import { JobName, JobProducer } from '@app/platform';

/**
 * At worker start, re-queues published postings whose latest version was never matched (a job lost with a
 * Redis that keeps nothing on disk, or a failed enqueue after commit). Job ids dedupe against queued jobs.
 */
@Injectable()
export class MatchingRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingRecovery.name);

  constructor(
    private readonly postingMatcher: PostingMatcher,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const behind = await this.postingMatcher.unmatchedPostings();
    for (const p of behind) {
      await this.jobs.enqueue(
        JobName.MatchPosting,
        { postingId: p.id },
        { jobId: `mp-${p.id}-v${p.version}` },
      );
    }
    if (behind.length) this.logger.log(`re-queued matching for ${behind.length} postings`);
  }
}
