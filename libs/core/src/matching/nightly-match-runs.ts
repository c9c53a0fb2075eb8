import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobProducer } from '@app/platform';
import { DataSource } from 'typeorm';

/** The BullMQ job scheduler of the nightly full re-match (one per queue prefix, whatever the processes). */
export const NIGHTLY_MATCH_SCHEDULER = 'nightly-full-match';

export interface NightlyMatchSchedule {
  /** Cron fields, read in `timeZone`. */
  cron: string;
  timeZone: string;
  nextRunAt: Date | null;
}

/**
 * The nightly full re-match: lists whose counterparts expired, closed or were published since are filled again
 * without anyone asking. The schedule lives in Redis (BullMQ's job scheduler), set by every worker at start from
 * NIGHTLY_MATCH_CRON. Each moment it fires for gets one `scope: all` run row, however often its job is retried,
 * and the row is queued like a run a person asked for (job id `run-<id>`), so it runs once and is recovered
 * like one.
 */
@Injectable()
export class NightlyMatchRuns {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  /** Sets the schedule (null: none). Idempotent: every worker process calls it when it starts. */
  async keepSchedule(cron: string | null): Promise<void> {
    await this.jobs.repeat(NIGHTLY_MATCH_SCHEDULER, cron, JobName.ScheduledMatchRun, {});
  }

  /** The schedule as the queue holds it; null when no worker set one. */
  async schedule(): Promise<NightlyMatchSchedule | null> {
    const held = await this.jobs.repeating(NIGHTLY_MATCH_SCHEDULER, JobName.ScheduledMatchRun);
    return held && { cron: held.cron, timeZone: held.timeZone, nextRunAt: held.next };
  }

  /** Makes the run of the moment `scheduledFor` (on the first call) and queues it; returns its id. */
  async queueRunFor(scheduledFor: Date): Promise<string> {
    const made: { id: string }[] = await this.db.query(
      `INSERT INTO match_runs (scope, purpose, scheduled_for) VALUES ('all', 'match', $1)
       ON CONFLICT (scheduled_for) WHERE scheduled_for IS NOT NULL DO NOTHING RETURNING id`,
      [scheduledFor],
    );
    const [{ id }]: { id: string }[] = made.length
      ? made
      : await this.db.query(`SELECT id FROM match_runs WHERE scheduled_for = $1`, [scheduledFor]);
    await this.jobs.enqueue(JobName.MatchRun, { runId: id }, { jobId: `run-${id}` });
    return id;
  }
}
