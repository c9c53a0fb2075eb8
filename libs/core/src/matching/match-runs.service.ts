import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobProducer } from '@app/platform';
import { DataSource } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { PostingsService } from '../postings/postings.service';
import { EventScope } from '../events/event-scope.service';
import { MatchRunEntity, MatchRunPurpose, MatchRunScope } from './match-run.entity';

export interface MatchRunInput {
  scope: MatchRunScope;
  clusterId?: string;
  eventId?: string;
  postingId?: string;
}

export interface MatchRunView {
  id: string;
  scope: MatchRunScope;
  clusterId: string | null;
  postingId: string | null;
  eventId: string | null;
  purpose: MatchRunPurpose;
  status: MatchRunEntity['status'];
  progress: number;
  counts: MatchRunEntity['counts'];
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  error?: string;
}

const toView = (r: MatchRunEntity): MatchRunView => ({
  id: r.id,
  scope: r.scope,
  clusterId: r.clusterId,
  postingId: r.postingId,
  eventId: r.eventId,
  purpose: r.purpose,
  status: r.status,
  progress: r.progress,
  counts: r.counts,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  createdAt: r.createdAt,
  ...(r.error ? { error: r.error } : {}),
});

@Injectable()
export class MatchRunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly postings: PostingsService,
    private readonly jobs: JobProducer,
    private readonly events: EventScope,
  ) {}

  /**
   * Department roles re-match anything; association staff a cluster their association leads or a member's
   * posting. The run row is written first, so the job carries only its id.
   */
  async create(
    caller: Caller,
    input: MatchRunInput,
    purpose: MatchRunPurpose = 'match',
    params: Record<string, unknown> = {},
  ): Promise<MatchRunView> {
    await this.assertAllowed(caller, input);
    const run = await this.db.getRepository(MatchRunEntity).save({
      scope: input.scope,
      clusterId: input.scope === 'cluster' ? input.clusterId! : null,
      postingId: input.scope === 'posting' ? input.postingId! : null,
      eventId: input.scope === 'event' ? input.eventId! : null,
      purpose,
      params,
      requestedBy: caller.userId,
      associationId: caller.associationId,
    });
    await this.jobs.enqueue(JobName.MatchRun, { runId: run.id }, { jobId: `run-${run.id}` });
    return toView(run);
  }

  async get(caller: Caller, id: string): Promise<MatchRunView> {
    const run = await this.db.getRepository(MatchRunEntity).findOne({ where: { id } });
    const visible =
      run &&
      (isDepartment(caller) ||
        run.requestedBy === caller.userId ||
        (caller.associationId && run.associationId === caller.associationId));
    if (!run || !visible) throw notFound('match run');
    return toView(run);
  }

  private async assertAllowed(caller: Caller, input: MatchRunInput): Promise<void> {
    switch (input.scope) {
      case 'all':
        if (!isDepartment(caller))
          throw new ForbiddenException('全量重匹配仅限厅里发起 (only the department re-matches everything)');
        return;
      case 'cluster': {
        if (!input.clusterId)
          throw badInput([{ field: 'clusterId', message: 'scope=cluster 需要 clusterId' }]);
        const rows: { association_id: string | null }[] = await this.db.query(
          `SELECT l.association_id FROM clusters c LEFT JOIN association_lead_clusters l ON l.cluster_id = c.id WHERE c.id = $1`,
          [input.clusterId],
        );
        if (!rows.length) throw badInput([{ field: 'clusterId', message: '集群不存在 (no such cluster)' }]);
        if (!isDepartment(caller) && rows[0].association_id !== caller.associationId)
          throw notFound('cluster');
        return;
      }
      case 'posting':
        if (!input.postingId)
          throw badInput([{ field: 'postingId', message: 'scope=posting 需要 postingId' }]);
        await this.postings.get(caller, input.postingId);
        return;
      case 'event':
        if (!input.eventId) throw badInput([{ field: 'eventId', message: 'scope=event 需要 eventId' }]);
        await this.events.managed(caller, input.eventId);
        return;
    }
  }
}
