import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ExportsService } from '@app/core';
import { JobName, JobProducer } from '@app/platform';

/** At worker start, re-queues exports that never finished (the job id dedupes against a still-queued job). */
@Injectable()
export class ExportsRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExportsRecovery.name);

  constructor(
    private readonly exports: ExportsService,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ids = await this.exports.unfinished();
    for (const exportId of ids) {
      await this.jobs.enqueue(JobName.ExportList, { exportId }, { jobId: `export-${exportId}` });
    }
    if (ids.length) this.logger.log(`re-queued ${ids.length} unfinished exports`);
  }
}
