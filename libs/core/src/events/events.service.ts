import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { badInput, conflict, FieldError, notFound } from '../common/http-errors';
import { carriedTotal, likePattern, offsetOf, Page, PageQuery } from '../common/page';
import { regionName } from '../registry/identifiers/region-codes';
import { ServedEnterprises } from '../served/served-enterprises';
import { assertEventTransition } from './event-rules';
import { EventScope } from './event-scope.service';
import { EVENT_STATUS_LABELS, EVENT_TYPE_LABELS, EventEntity, EventStatus, EventType } from './event.entity';

export interface EventInput {
  title: string;
  type: EventType;
  associationId?: string;
  coOrganiserIds?: string[];
  clusterIds: string[];
  startDate: string;
  endDate: string;
  regionCode: string;
  venue?: string | null;
  visits?: number | null;
  description?: string;
  status?: EventStatus;
}

export interface EventQuery extends PageQuery {
  type?: EventType;
  status?: EventStatus;
  associationId?: string;
  clusterId?: string;
  from?: string;
  to?: string;
  year?: number;
}

export interface EventView {
  id: string;
  title: string;
  type: EventType;
  typeLabel: string;
  associationId: string;
  associationName: string;
  coOrganiserIds: string[];
  clusterIds: string[];
  clusters: { id: string; code: string; name: string }[];
  startDate: string;
  endDate: string;
  regionCode: string;
  regionName: string | null;
  venue: string | null;
  visits: number | null;
  description: string;
  status: EventStatus;
  statusLabel: string;
  participants: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventSummary {
  participants: number;
  checkedIn: number;
  meetings: number;
  meetingsHeld: number;
  intents: number;
  intentAmountWan: number;
  signed: number;
  landed: number;
  /** Distinct enterprises this event served (only once it is held or closed, like every other level). */
  enterprisesServed: number;
}

const VIEW_SQL = `
  SELECT e.id, e.title, e.type, e.association_id, a.name AS association_name,
         to_char(e.start_date, 'YYYY-MM-DD') AS start_date, to_char(e.end_date, 'YYYY-MM-DD') AS end_date,
         e.region_code, e.venue, e.visits, e.description, e.status, e.version, e.created_at, e.updated_at,
         COALESCE((SELECT array_agg(co.association_id ORDER BY co.association_id) FROM event_co_organisers co
                    WHERE co.event_id = e.id), '{}') AS co_organiser_ids,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name) ORDER BY c.code)
                     FROM event_clusters ec JOIN clusters c ON c.id = ec.cluster_id WHERE ec.event_id = e.id),
                  '[]') AS clusters,
         (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)::int AS participants
    FROM events e JOIN associations a ON a.id = e.association_id`;

type ViewRow = Record<string, unknown> & { clusters: { id: string; code: string; name: string }[] };

const toView = (r: ViewRow): EventView => ({
  id: r.id as string,
  title: r.title as string,
  type: r.type as EventType,
  typeLabel: EVENT_TYPE_LABELS[r.type as EventType],
  associationId: r.association_id as string,
  associationName: r.association_name as string,
  coOrganiserIds: r.co_organiser_ids as string[],
  clusterIds: r.clusters.map((c) => c.id),
  clusters: r.clusters,
  startDate: r.start_date as string,
  endDate: r.end_date as string,
  regionCode: r.region_code as string,
  regionName: regionName(r.region_code as string),
  venue: r.venue as string | null,
  visits: r.visits as number | null,
  description: r.description as string,
  status: r.status as EventStatus,
  statusLabel: EVENT_STATUS_LABELS[r.status as EventStatus],
  participants: r.participants as number,
  version: r.version as number,
  createdAt: r.created_at as Date,
  updatedAt: r.updated_at as Date,
});

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scope: EventScope,
    private readonly served: ServedEnterprises,
  ) {}

  /** Association staff create events of their own association only; the department for any association. */
  async create(caller: Caller, input: EventInput): Promise<EventView> {
    const associationId = this.organiserFor(caller, input.associationId);
    const id = await this.db.transaction(async (m) => {
      await this.assertReferences(m, { ...input, associationId });
      if (input.status && input.status !== 'planned') assertEventTransition('planned', input.status);
      this.assertStatusDates(input.status ?? 'planned', input.startDate);
      const saved = await m.save(
        m.create(EventEntity, {
          title: input.title,
          type: input.type,
          associationId,
          startDate: input.startDate,
          endDate: input.endDate,
          regionCode: input.regionCode,
          venue: input.venue ?? null,
          visits: input.visits ?? null,
          description: input.description ?? '',
          status: input.status ?? 'planned',
          createdBy: caller.userId,
        }),
      );
      await this.setLinks(m, saved.id, input.clusterIds, input.coOrganiserIds ?? []);
      await this.audit.record(m, caller, 'create', 'event', saved.id, null, {
        ...saved,
        clusterIds: input.clusterIds,
        coOrganiserIds: input.coOrganiserIds ?? [],
      });
      return saved.id;
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, patch: Partial<EventInput>): Promise<EventView> {
    await this.db.transaction(async (m) => {
      const before = await this.scope.managed(caller, id, m, true);
      if (patch.associationId !== undefined && patch.associationId !== before.associationId) {
        throw badInput([
          { field: 'associationId', message: '主办协会不能修改 (the organiser cannot change)' },
        ]);
      }
      const status = patch.status ?? before.status;
      assertEventTransition(before.status, status);
      const contentChanged = Object.keys(patch).some((k) => k !== 'status');
      if (contentChanged && (before.status === 'closed' || before.status === 'cancelled')) {
        throw conflict('status', '已结项或已取消的活动不能修改 (a closed or cancelled event is read-only)');
      }
      const merged = { ...before, ...stripLinks(patch), associationId: before.associationId };
      await this.assertReferences(m, {
        ...merged,
        clusterIds: patch.clusterIds ?? ['-'],
        coOrganiserIds: patch.coOrganiserIds,
      });
      if (status !== before.status) this.assertStatusDates(status, merged.startDate);
      const after = await m.save(
        m.create(EventEntity, {
          ...merged,
          heldAt: status === 'held' && before.status !== 'held' ? new Date() : before.heldAt,
          closedAt: status === 'closed' && before.status !== 'closed' ? new Date() : before.closedAt,
        }),
      );
      if (patch.clusterIds || patch.coOrganiserIds) {
        await this.setLinks(m, id, patch.clusterIds, patch.coOrganiserIds);
      }
      await this.audit.record(m, caller, 'update', 'event', id, before, { ...after, ...patch });
    });
    return this.get(caller, id);
  }

  async get(caller: Caller, id: string): Promise<EventView> {
    await this.scope.visible(caller, id);
    const rows: ViewRow[] = await this.db.query(`${VIEW_SQL} WHERE e.id = $1`, [id]);
    if (!rows.length) throw notFound('event');
    return toView(rows[0]);
  }

  /** The event's outcome: participation, meetings, intents and the distinct enterprises it served. */
  async summary(caller: Caller, id: string): Promise<EventSummary> {
    await this.scope.visible(caller, id);
    const [row]: Record<string, number>[] = await this.db.query(
      `SELECT (SELECT count(*) FROM event_participants WHERE event_id = $1)::int AS participants,
              (SELECT count(*) FROM event_participants WHERE event_id = $1 AND checked_in_at IS NOT NULL)::int AS checked_in,
              (SELECT count(*) FROM meetings WHERE event_id = $1 AND status <> 'cancelled')::int AS meetings,
              (SELECT count(*) FROM meetings WHERE event_id = $1 AND status IN ('held','intent'))::int AS meetings_held,
              (SELECT count(*) FROM intents WHERE event_id = $1)::int AS intents,
              (SELECT COALESCE(sum(amount_wan), 0) FROM intents WHERE event_id = $1)::float8 AS intent_amount,
              (SELECT count(*) FROM intents WHERE event_id = $1 AND stage IN ('signed','landed'))::int AS signed,
              (SELECT count(*) FROM intents WHERE event_id = $1 AND stage = 'landed')::int AS landed`,
      [id],
    );
    return {
      participants: row.participants,
      checkedIn: row.checked_in,
      meetings: row.meetings,
      meetingsHeld: row.meetings_held,
      intents: row.intents,
      intentAmountWan: row.intent_amount,
      signed: row.signed,
      landed: row.landed,
      enterprisesServed: await this.served.count({ eventId: id }),
    };
  }

  async list(caller: Caller, query: EventQuery): Promise<Page<EventView>> {
    const cond = this.scope.visibleCondition(caller, 'e', 1);
    const where = [cond.sql];
    const params: unknown[] = [...cond.params];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.type) add((p) => `e.type = ${p}`, query.type);
    if (query.status) add((p) => `e.status = ${p}`, query.status);
    if (query.associationId) add((p) => `e.association_id = ${p}`, query.associationId);
    if (query.clusterId)
      add(
        (p) => `EXISTS (SELECT 1 FROM event_clusters fc WHERE fc.event_id = e.id AND fc.cluster_id = ${p})`,
        query.clusterId,
      );
    if (query.year) add((p) => `extract(year FROM e.start_date) = ${p}`, query.year);
    if (query.from) add((p) => `e.start_date >= ${p}`, query.from);
    if (query.to) add((p) => `e.start_date <= ${p}`, query.to);
    if (query.q) add((p) => `(e.title ILIKE ${p} OR e.venue ILIKE ${p})`, likePattern(query.q));
    const whereSql = where.join(' AND ');
    // one round trip: the page's ids and the total (before the LIMIT), then each page row's view
    const rows: (ViewRow & { total: number })[] = await this.db.query(
      `WITH page AS (SELECT e.id, e.start_date, count(*) OVER ()::int AS total FROM events e WHERE ${whereSql}
                      ORDER BY e.start_date DESC, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       SELECT v.*, page.total FROM page CROSS JOIN LATERAL (${VIEW_SQL} WHERE e.id = page.id) v
        ORDER BY page.start_date DESC, page.id`,
      [...params, query.pageSize, offsetOf(query)],
    );
    const total = await carriedTotal(rows[0]?.total, query, async () => {
      const [{ n }]: { n: number }[] = await this.db.query(
        `SELECT count(*)::int AS n FROM events e WHERE ${whereSql}`,
        params,
      );
      return n;
    });
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  private organiserFor(caller: Caller, requested: string | undefined): string {
    if (caller.role === 'association_staff') {
      if (requested && requested !== caller.associationId) {
        throw new ForbiddenException(
          '协会只能创建本协会主办的活动 (association staff create their own association’s events only)',
        );
      }
      return caller.associationId!;
    }
    if (!isDepartment(caller)) throw new ForbiddenException('无权创建活动 (not allowed to create events)');
    if (!requested)
      throw badInput([{ field: 'associationId', message: '请指定主办协会 (associationId is required)' }]);
    return requested;
  }

  private assertStatusDates(status: EventStatus, startDate: string): void {
    if ((status === 'held' || status === 'closed') && startDate > chinaToday()) {
      throw badInput([
        {
          field: 'status',
          message: '活动尚未开始，不能标记为已举办 (an event cannot be held before it starts)',
        },
      ]);
    }
  }

  /** Every referenced row exists; `clusterIds: ['-']` means "unchanged" on update. */
  private async assertReferences(
    m: EntityManager,
    input: Pick<EventInput, 'associationId' | 'coOrganiserIds' | 'startDate' | 'endDate'> & {
      clusterIds: string[];
    },
  ): Promise<void> {
    const errors: FieldError[] = [];
    const exists = async (table: string, id: string) =>
      ((await m.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])) as unknown[]).length > 0;
    if (input.associationId && !(await exists('associations', input.associationId)))
      errors.push({ field: 'associationId', message: '协会不存在 (no such association)' });
    if (input.clusterIds[0] !== '-') {
      if (!input.clusterIds.length)
        errors.push({ field: 'clusterIds', message: '至少选择一个服务集群 (at least one cluster)' });
      for (const clusterId of input.clusterIds) {
        if (!(await exists('clusters', clusterId)))
          errors.push({ field: 'clusterIds', message: `集群不存在 (no such cluster): ${clusterId}` });
      }
    }
    for (const co of input.coOrganiserIds ?? []) {
      if (co === input.associationId)
        errors.push({
          field: 'coOrganiserIds',
          message: '主办协会不能同时是协办 (the organiser is not a co-organiser)',
        });
      else if (!(await exists('associations', co)))
        errors.push({ field: 'coOrganiserIds', message: `协会不存在 (no such association): ${co}` });
    }
    if (input.endDate < input.startDate)
      errors.push({ field: 'endDate', message: '结束日期不能早于开始日期 (endDate is before startDate)' });
    if (errors.length) throw badInput(errors);
  }

  private async setLinks(
    m: EntityManager,
    eventId: string,
    clusterIds: string[] | undefined,
    coOrganiserIds: string[] | undefined,
  ): Promise<void> {
    if (clusterIds) {
      await m.query('DELETE FROM event_clusters WHERE event_id = $1', [eventId]);
      await m.query(
        'INSERT INTO event_clusters (event_id, cluster_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
        [eventId, clusterIds],
      );
    }
    if (coOrganiserIds) {
      await m.query('DELETE FROM event_co_organisers WHERE event_id = $1', [eventId]);
      await m.query(
        'INSERT INTO event_co_organisers (event_id, association_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
        [eventId, coOrganiserIds],
      );
    }
  }
}

const stripLinks = ({ clusterIds: _c, coOrganiserIds: _o, ...fields }: Partial<EventInput>) => fields;
