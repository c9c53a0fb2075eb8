import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { MatchRunExecutor, PostingMatcher } from '@app/core';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';

type MatchingJob =
  | Job<JobPayloads[typeof JobName.MatchPosting], unknown, typeof JobName.MatchPosting>
  | Job<JobPayloads[typeof JobName.MatchRun], unknown, typeof JobName.MatchRun>;

/** Thin: maps each matching job to one core call. Core work is idempotent, so BullMQ's retries are safe. */
@Processor(QueueName.Matching, { concurrency: 2 })
export class MatchingProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchingProcessor.name);

  constructor(
    private readonly postingMatcher: PostingMatcher,
    private readonly runs: MatchRunExecutor,
  ) {
    super();
  }

  async process(job: MatchingJob): Promise<unknown> {
    switch (job.name) {
      case JobName.MatchPosting:
        return this.postingMatcher.match(job.data.postingId);
      case JobName.MatchRun:
        return this.executeRun(job as Job<JobPayloads[typeof JobName.MatchRun]>);
    }
  }

  private async executeRun(job: Job<JobPayloads[typeof JobName.MatchRun]>): Promise<unknown> {
    try {
      return await this.runs.execute(job.data.runId, (percent) => job.updateProgress(percent));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts;
      // Only the last attempt marks the run failed; earlier ones leave it running for the retry.
      if (job.attemptsMade + 1 >= attempts) await this.runs.markFailed(job.data.runId, message);
      this.logger.warn(
        `match run ${job.data.runId} attempt ${job.attemptsMade + 1}/${attempts} failed: ${message}`,
      );
      throw error;
    }
  }
}
