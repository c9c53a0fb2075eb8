import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ExportsService, ImportsService, MatchRunsService } from '@app/core';
import { JobName, JobProducer } from '@app/platform';

/**
 * At worker start, re-queues imports, exports and match runs whose rows never finished (Redis here keeps nothing
 * on disk); the job id is the row's, so a job still queued is not added twice.
 */
@Injectable()
export class UnfinishedJobsRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(UnfinishedJobsRecovery.name);

  constructor(
    private readonly imports: ImportsService,
    private readonly exports: ExportsService,
    private readonly runs: MatchRunsService,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const imports = await this.imports.unfinished();
    for (const importId of imports)
      await this.jobs.enqueue(JobName.ImportFile, { importId }, { jobId: `import-${importId}` });
    const exports = await this.exports.unfinished();
    for (const exportId of exports)
      await this.jobs.enqueue(JobName.ExportList, { exportId }, { jobId: `export-${exportId}` });
    const runs = await this.runs.unfinished();
    for (const runId of runs) await this.jobs.enqueue(JobName.MatchRun, { runId }, { jobId: `run-${runId}` });
    if (imports.length + exports.length + runs.length)
      this.logger.log(
        `re-queued ${imports.length} unfinished imports, ${exports.length} exports and ${runs.length} match runs`,
      );
  }
}
