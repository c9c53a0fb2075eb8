import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportFileError, ImportRunner } from '@app/core';
import { JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';
import { withFailureRecorded } from '../common/record-failure';

/** One import at a time per worker: an import is a bulk write and should not starve matching. */
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(private readonly runner: ImportRunner) {
    super();
  }

  process(job: Job<JobPayloads[typeof JobName.ImportFile]>): Promise<void> {
    const { importId } = job.data;
    return withFailureRecorded(
      job,
      this.logger,
      `import ${importId}`,
      {
        markFailed: (message) => this.runner.markFailed(importId, message),
        // A file that cannot be read fails at once; anything else is retried.
        isUnrecoverable: (error) => error instanceof ImportFileError,
      },
      () => this.runner.run(importId, (percent) => job.updateProgress(percent)),
    );
  }
}
