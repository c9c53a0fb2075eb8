import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { MatchRunExecutor } from '@app/core';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';

/** Match runs (all, cluster, event, schedule) one at a time per worker: each may touch every posting. */
@Processor(QueueName.MatchRuns, { concurrency: 1 })
export class MatchRunsProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchRunsProcessor.name);

  constructor(private readonly runs: MatchRunExecutor) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.MatchRun]>): Promise<unknown> {
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
