import { DynamicModule, Module, Type } from '@nestjs/common';
import { EventsModule, ExportsModule, ImportsModule, MatchingModule } from '@app/core';
import { QueueName } from '@app/platform';
import { ExportsProcessor } from './exports/exports.processor';
import { UnfinishedJobsRecovery } from './common/unfinished-jobs.recovery';
import { ImportsProcessor } from './imports/imports.processor';
import { MatchingRecovery } from './matching/matching-recovery.service';
import { MatchRunsProcessor } from './matching/match-runs.processor';
import { NightlyMatchSchedule } from './matching/nightly-match.schedule';
import { MatchingProcessor } from './matching/matching.processor';
import { StatsQueueDrainer } from './stats/stats-queue.drainer';

/**
 * Every queue's processor. A Record keyed by QueueName makes a queue without a processor a compile error,
 * so no process can boot with a queue that nothing consumes.
 */
export const QUEUE_PROCESSORS: Record<QueueName, Type> = {
  [QueueName.Matching]: MatchingProcessor,
  [QueueName.MatchRuns]: MatchRunsProcessor,
  [QueueName.Imports]: ImportsProcessor,
  [QueueName.Exports]: ExportsProcessor,
};

/** The queue face: thin BullMQ processors over core services. Needs PlatformModule from the host process. */
@Module({})
export class WorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: WorkerModule,
      // EventsModule registers the handler of event-scope runs (participant matching, meeting schedules).
      imports: [MatchingModule, EventsModule, ImportsModule, ExportsModule],
      providers: [
        ...Object.values(QUEUE_PROCESSORS),
        MatchingRecovery,
        NightlyMatchSchedule,
        UnfinishedJobsRecovery,
        StatsQueueDrainer,
      ],
    };
  }
}
