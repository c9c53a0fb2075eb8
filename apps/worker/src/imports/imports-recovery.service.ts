import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ImportsService } from '@app/core';
import { JobName, JobProducer } from '@app/platform';

/** At worker start, re-queues imports that never finished (the job id dedupes against a still-queued job). */
@Injectable()
export class ImportsRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsRecovery.name);

  constructor(
    private readonly imports: ImportsService,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ids = await this.imports.unfinished();
    for (const importId of ids) {
      await this.jobs.enqueue(JobName.ImportFile, { importId }, { jobId: `import-${importId}` });
    }
    if (ids.length) this.logger.log(`re-queued ${ids.length} unfinished imports`);
  }
}
