import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportFileError, ImportRunner } from '@app/core';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '@app/platform';
import { Job, UnrecoverableError } from 'bullmq';

/** One import at a time per worker: an import is a bulk write and should not starve matching. */
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportsProcessor.name);

  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.ImportFile]>): Promise<void> {
    const { importId } = job.data;
    try {
      await this.runner.run(importId, (percent) => job.updateProgress(percent));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts;
      // A file that cannot be read fails at once; anything else is retried, and only the last attempt fails it.
      if (error instanceof ImportFileError) {
        await this.runner.markFailed(importId, message);
        throw new UnrecoverableError(message);
      }
      if (job.attemptsMade + 1 >= attempts) await this.runner.markFailed(importId, message);
      this.logger.warn(`import ${importId} attempt ${job.attemptsMade + 1}/${attempts} failed: ${message}`);
      throw error;
    }
  }
}
