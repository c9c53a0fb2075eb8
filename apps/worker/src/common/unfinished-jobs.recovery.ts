import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ExportsService, ImportsService } from '@app/core';
import { JobName, JobProducer } from '@app/platform';

/**
 * At worker start, re-queues imports and exports whose rows never finished (Redis here keeps nothing on disk);
 * the job id is the row's, so a job still queued is not added twice.
 */
@Injectable()
export class UnfinishedJobsRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(UnfinishedJobsRecovery.name);

  constructor(
    private readonly imports: ImportsService,
    private readonly exports: ExportsService,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const imports = await this.imports.unfinished();
    for (const importId of imports)
      await this.jobs.enqueue(JobName.ImportFile, { importId }, { jobId: `import-${importId}` });
    const exports = await this.exports.unfinished();
    for (const exportId of exports)
      await this.jobs.enqueue(JobName.ExportList, { exportId }, { jobId: `export-${exportId}` });
    if (imports.length + exports.length)
      this.logger.log(`re-queued ${imports.length} unfinished imports and ${exports.length} exports`);
  }
}
