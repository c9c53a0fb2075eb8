import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ExportRunner } from '@app/core';
import { JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';
import { withFailureRecorded } from '../common/record-failure';

/** One export at a time per worker: each reads a whole list. */
@Processor(QueueName.Exports, { concurrency: 1 })
export class ExportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ExportsProcessor.name);

  constructor(private readonly runner: ExportRunner) {
    super();
  }

  process(job: Job<JobPayloads[typeof JobName.ExportList]>): Promise<void> {
    const { exportId } = job.data;
    return withFailureRecorded(
      job,
      this.logger,
      `export ${exportId}`,
      { markFailed: (message) => this.runner.markFailed(exportId, message) },
      () => this.runner.run(exportId, (percent) => job.updateProgress(percent)),
    );
  }
}
