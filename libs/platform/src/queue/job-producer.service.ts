import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue-names';

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

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
