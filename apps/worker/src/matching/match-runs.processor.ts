import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { MatchRunExecutor } from '@app/core';
import { JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';
import { withFailureRecorded } from '../common/record-failure';

/** Match runs (all, cluster, event, schedule) one at a time per worker: each may touch every posting. */
@Processor(QueueName.MatchRuns, { concurrency: 1 })
export class MatchRunsProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchRunsProcessor.name);

  constructor(private readonly runs: MatchRunExecutor) {
    super();
  }

  process(job: Job<JobPayloads[typeof JobName.MatchRun]>): Promise<unknown> {
    const { runId } = job.data;
    return withFailureRecorded(
      job,
      this.logger,
      `match run ${runId}`,
      { markFailed: (message) => this.runs.markFailed(runId, message) },
      () => this.runs.execute(runId, (percent) => job.updateProgress(percent)),
    );
  }
}
