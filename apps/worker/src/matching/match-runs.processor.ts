import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { MatchRunExecutor, NightlyMatchRuns } from '@app/core';
import { JobName, JobPayloads, QueueName } from '@app/platform';
import { Job } from 'bullmq';
import { withFailureRecorded } from '../common/record-failure';

type MatchRunJob =
  | Job<JobPayloads[typeof JobName.MatchRun], unknown, typeof JobName.MatchRun>
  | Job<JobPayloads[typeof JobName.ScheduledMatchRun], unknown, typeof JobName.ScheduledMatchRun>;

/** Match runs (all, cluster, event, schedule, nightly) one at a time per worker: each may touch every posting. */
@Processor(QueueName.MatchRuns, { concurrency: 1 })
export class MatchRunsProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchRunsProcessor.name);

  constructor(
    private readonly runs: MatchRunExecutor,
    private readonly nightly: NightlyMatchRuns,
  ) {
    super();
  }

  async process(job: MatchRunJob): Promise<unknown> {
    if (job.name === JobName.ScheduledMatchRun) {
      // a nightly tick makes its moment's run (once, however often it is retried) and queues it as any run
      const runId = await this.nightly.queueRunFor(new Date(job.opts.prevMillis ?? job.timestamp));
      return { runId };
    }
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
