import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ExportRunner } from '@app/core';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';

/** One export at a time per worker: each reads a whole list. */
@Processor(QueueName.Exports, { concurrency: 1 })
export class ExportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ExportsProcessor.name);

  constructor(private readonly runner: ExportRunner) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.ExportList]>): Promise<void> {
    const { exportId } = job.data;
    try {
      await this.runner.run(exportId, (percent) => job.updateProgress(percent));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts;
      if (job.attemptsMade + 1 >= attempts) await this.runner.markFailed(exportId, message);
      this.logger.warn(`export ${exportId} attempt ${job.attemptsMade + 1}/${attempts} failed: ${message}`);
      throw error;
    }
  }
}
