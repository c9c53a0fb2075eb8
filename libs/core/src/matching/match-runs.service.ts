import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobProducer } from '@app/platform';
import { DataSource } from 'typeorm';
import { Caller, isDepartment } from '../common/caller';
import { badInput, notFound } from '../common/http-errors';
import { carriedTotal, likePattern, offsetOf, type Page, type PageQuery } from '../common/page';
import { PostingsService } from '../postings/postings.service';
import { EventScope } from '../events/event-scope.service';
import { MatchRunEntity, MatchRunPurpose, MatchRunScope, MatchRunStatus } from './match-run.entity';

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
  /** A nightly run: the moment its schedule fired for; null when a person asked for it. */
  scheduledFor: Date | null;
  error?: string;
}

export interface MatchRunQuery extends PageQuery {
  scope?: MatchRunScope;
  status?: MatchRunStatus;
}

/** A run in a list: who asked for it and what it matched, by name. */
export interface MatchRunListItem extends MatchRunView {
  requestedBy: string | null;
  /** The cluster's name, the event's or the posting's title; null for `all`. */
  target: string | null;
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
  scheduledFor: r.scheduledFor,
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

  /** Runs that never finished (their jobs lost with a Redis that keeps nothing on disk), oldest first. */
  async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM match_runs WHERE status IN ('queued','running') ORDER BY created_at`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Runs newest first, as `get` shows them: the department sees every run (the nightly ones included), others
   * the runs they or their association asked for.
   */
  async list(caller: Caller, query: MatchRunQuery): Promise<Page<MatchRunListItem>> {
    const from = `match_runs r
         LEFT JOIN users u ON u.id = r.requested_by
         LEFT JOIN clusters c ON c.id = r.cluster_id
         LEFT JOIN events e ON e.id = r.event_id
         LEFT JOIN postings p ON p.id = r.posting_id`;
    const where = [
      `($1::boolean OR r.requested_by = $2::uuid OR (r.association_id IS NOT NULL AND r.association_id = $3::uuid))`,
      `($4::text IS NULL OR r.scope = $4)`,
      `($5::text IS NULL OR r.status = $5)`,
      // q: who started it, or what it matched
      `($6::text IS NULL OR u.username ILIKE $6 OR COALESCE(c.name, e.title, p.title) ILIKE $6)`,
    ].join(' AND ');
    const params = [
      isDepartment(caller),
      caller.userId,
      caller.associationId ?? null,
      query.scope ?? null,
      query.status ?? null,
      query.q?.trim() ? likePattern(query.q) : null,
    ];
    // named as MatchRunListItem's fields, so that a row is an item once its total is taken off
    const rows: Array<Omit<MatchRunListItem, 'error'> & { error: string | null; pageTotal: string }> =
      await this.db.query(
        `SELECT r.id, r.scope, r.cluster_id AS "clusterId", r.posting_id AS "postingId", r.event_id AS "eventId",
              r.purpose, r.status, r.progress, r.counts, r.started_at AS "startedAt",
              r.finished_at AS "finishedAt", r.created_at AS "createdAt", r.scheduled_for AS "scheduledFor",
              r.error, u.username AS "requestedBy", COALESCE(c.name, e.title, p.title) AS target,
              count(*) OVER () AS "pageTotal"
         FROM ${from}
        WHERE ${where}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $7 OFFSET $8`,
        [...params, query.pageSize, offsetOf(query)],
      );
    const total = await carriedTotal(rows[0] && Number(rows[0].pageTotal), query, async () => {
      const [{ n }]: { n: number }[] = await this.db.query(
        `SELECT count(*)::int AS n FROM ${from} WHERE ${where}`,
        params,
      );
      return n;
    });
    const items = rows.map(({ pageTotal: _total, error, ...run }) => ({
      ...run,
      ...(error ? { error } : {}),
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
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
