import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue-names';

/** Recurring jobs follow the clock of the people who use ClusterLink. */
const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** The one way to queue work: typed by job name, routed to its queue. */
@Injectable()
export class JobProducer {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Matching) matching: Queue,
    @InjectQueue(QueueName.MatchRuns) matchRuns: Queue,
    @InjectQueue(QueueName.Imports) imports: Queue,
    @InjectQueue(QueueName.Exports) exports: Queue,
  ) {
    this.queues = {
      [QueueName.Matching]: matching,
      [QueueName.MatchRuns]: matchRuns,
      [QueueName.Imports]: imports,
      [QueueName.Exports]: exports,
    };
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: JobsOptions): Promise<string> {
    const job = await this.queues[JOB_QUEUE[name]].add(name, payload, options);
    return job.id ?? '';
  }

  /**
   * Keeps one recurring job under `schedulerId`: `name` with `payload` at every `cron` moment, China time, or
   * none when `cron` is null. Idempotent, so every worker process may call it at start.
   */
  async repeat<N extends JobName>(
    schedulerId: string,
    cron: string | null,
    name: N,
    payload: JobPayloads[N],
  ): Promise<void> {
    const queue = this.queues[JOB_QUEUE[name]];
    if (cron === null) await queue.removeJobScheduler(schedulerId);
    else
      await queue.upsertJobScheduler(
        schedulerId,
        { pattern: cron, tz: CHINA_TIME_ZONE },
        { name, data: payload },
      );
  }

  /** The recurring job under `schedulerId` as its queue holds it: its cron, and when it next runs. */
  async repeating(
    schedulerId: string,
    name: JobName,
  ): Promise<{ cron: string; timeZone: string; next: Date | null } | null> {
    const scheduler = await this.queues[JOB_QUEUE[name]].getJobScheduler(schedulerId);
    if (!scheduler?.pattern) return null;
    return {
      cron: scheduler.pattern,
      timeZone: scheduler.tz ?? CHINA_TIME_ZONE,
      next: scheduler.next ? new Date(scheduler.next) : null,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
