import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller } from '../common/caller';
import { badInput, conflict, notFound } from '../common/http-errors';
import { MatchRunsService, type MatchRunView } from '../matching/match-runs.service';
import { acceptsScheduling, assertMeetingTransition } from './event-rules';
import type { ScheduleParams } from './event-run.handler';
import { EventScope } from './event-scope.service';
import type { TimeRange } from './event-participant.entity';
import { MEETING_STATUS_LABELS, MeetingEntity, MeetingStatus } from './meeting.entity';
import { validateSlots } from './meeting-scheduler';

export interface MeetingView {
  id: string;
  eventId: string;
  slotStart: Date;
  slotEnd: Date;
  table: number;
  demandEnterpriseId: string;
  demandEnterpriseName: string;
  demandCreditCode: string;
  supplyEnterpriseId: string;
  supplyEnterpriseName: string;
  supplyCreditCode: string;
  recommendationId: string | null;
  score: number | null;
  status: MeetingStatus;
  statusLabel: string;
  note: string | null;
}

export interface ScheduleRequest {
  slots: TimeRange[];
  tables: number;
  maxMeetingsPerEnterprise?: number;
}

export const DEFAULT_MEETINGS_PER_ENTERPRISE = 6;

const VIEW_SQL = `
  SELECT m.*, de.name AS demand_name, de.credit_code AS demand_code, se.name AS supply_name, se.credit_code AS supply_code
    FROM meetings m
    JOIN enterprises de ON de.id = m.demand_enterprise_id
    JOIN enterprises se ON se.id = m.supply_enterprise_id`;

const toView = (r: Record<string, unknown>): MeetingView => ({
  id: r.id as string,
  eventId: r.event_id as string,
  slotStart: r.slot_start as Date,
  slotEnd: r.slot_end as Date,
  table: r.table_no as number,
  demandEnterpriseId: r.demand_enterprise_id as string,
  demandEnterpriseName: r.demand_name as string,
  demandCreditCode: r.demand_code as string,
  supplyEnterpriseId: r.supply_enterprise_id as string,
  supplyEnterpriseName: r.supply_name as string,
  supplyCreditCode: r.supply_code as string,
  recommendationId: r.recommendation_id as string | null,
  score: r.score === null ? null : Math.round((r.score as number) * 1000) / 1000,
  status: r.status as MeetingStatus,
  statusLabel: MEETING_STATUS_LABELS[r.status as MeetingStatus],
  note: r.note as string | null,
});

/** Scheduling runs, the meeting list (an enterprise sees its own), and outcomes recorded by either side. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: EventScope,
    private readonly runs: MatchRunsService,
    private readonly audit: AuditService,
  ) {}

  /** Queues a schedule run (match the participants, then plan); the answer is the run to follow. */
  async requestSchedule(caller: Caller, eventId: string, request: ScheduleRequest): Promise<MatchRunView> {
    const event = await this.scope.managed(caller, eventId);
    if (!acceptsScheduling(event.status))
      throw conflict(
        'status',
        `活动状态为 ${event.status}，不能排洽谈 (scheduling needs a planned, open or held event)`,
      );
    const issues = validateSlots(request.slots);
    if (issues.length)
      throw badInput(issues.map((i) => ({ field: `slots[${i.index}]`, message: i.message })));
    const params: ScheduleParams = {
      slots: request.slots,
      tables: request.tables,
      maxMeetingsPerEnterprise: request.maxMeetingsPerEnterprise ?? DEFAULT_MEETINGS_PER_ENTERPRISE,
    };
    return this.runs.create(caller, { scope: 'event', eventId }, 'schedule', { ...params });
  }

  async list(caller: Caller, eventId: string): Promise<{ items: MeetingView[] }> {
    await this.scope.visible(caller, eventId);
    const own = caller.role === 'enterprise_user' ? caller.enterpriseId : null;
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SQL} WHERE m.event_id = $1 AND m.status <> 'cancelled'
          AND ($2::uuid IS NULL OR $2 IN (m.demand_enterprise_id, m.supply_enterprise_id))
        ORDER BY m.slot_start, m.table_no, m.id`,
      [eventId, own],
    );
    return { items: rows.map(toView) };
  }

  /**
   * Records an outcome. The organiser and the department record any meeting; an enterprise user only its own.
   * A confirmed or recorded meeting moves its recommendation to `meeting` (created if the pair had none).
   */
  async update(
    caller: Caller,
    eventId: string,
    meetingId: string,
    patch: { status?: MeetingStatus; note?: string | null },
  ): Promise<MeetingView> {
    await this.db.transaction(async (m) => {
      const event = await this.scope.visible(caller, eventId, m);
      const before = await m.findOne(MeetingEntity, {
        where: { id: meetingId, eventId },
        lock: { mode: 'pessimistic_write' },
      });
      const party =
        caller.role === 'enterprise_user' &&
        before &&
        [before.demandEnterpriseId, before.supplyEnterpriseId].includes(caller.enterpriseId!);
      if (!before || !(this.scope.canManage(caller, event) || party)) throw notFound('meeting');
      const status = patch.status ?? before.status;
      assertMeetingTransition(before.status, status);
      const after = await m.save(
        m.create(MeetingEntity, {
          ...before,
          status,
          note: patch.note ?? before.note,
          recordedBy: caller.userId,
        }),
      );
      if (status !== 'scheduled' && status !== 'cancelled' && status !== 'no_show') {
        await this.linkRecommendation(m, after);
      }
      await this.audit.record(m, caller, 'update', 'meeting', meetingId, before, after);
    });
    return this.getView(meetingId);
  }

  /** Meetings for the Excel schedules: the same rows the list shows to this caller. */
  async forSheets(caller: Caller, eventId: string): Promise<{ title: string; meetings: MeetingView[] }> {
    const event = await this.scope.visible(caller, eventId);
    return { title: event.title, meetings: (await this.list(caller, eventId)).items };
  }

  private async getView(meetingId: string): Promise<MeetingView> {
    const rows: Record<string, unknown>[] = await this.db.query(`${VIEW_SQL} WHERE m.id = $1`, [meetingId]);
    return toView(rows[0]);
  }

  private async linkRecommendation(m: EntityManager, meeting: MeetingEntity): Promise<void> {
    if (meeting.recommendationId) {
      await m.query(
        `UPDATE recommendations SET status = 'meeting', updated_at = now()
          WHERE id = $1 AND status IN ('new','viewed','contacted')`,
        [meeting.recommendationId],
      );
      return;
    }
    // No global recommendation for the pair yet: record the event's best posting pair as one.
    const rows: { id: string }[] = await m.query(
      `WITH best AS (
         SELECT c.demand_posting_id, c.supply_posting_id, c.demand_enterprise_id, c.supply_enterprise_id, c.reasons,
                c.matched_terms
           FROM event_candidates c
          WHERE c.event_id = $1 AND c.demand_enterprise_id = $2 AND c.supply_enterprise_id = $3
          ORDER BY c.score DESC, c.demand_posting_id, c.supply_posting_id LIMIT 1)
       INSERT INTO recommendations AS r (demand_posting_id, supply_posting_id, demand_enterprise_id,
                                         supply_enterprise_id, reasons, matched_terms, status)
       SELECT b.*, 'meeting' FROM best b
       ON CONFLICT ON CONSTRAINT uq_recommendations_pair DO UPDATE
          SET status = CASE WHEN r.status IN ('new','viewed','contacted') THEN 'meeting' ELSE r.status END,
              updated_at = now()
       RETURNING r.id`,
      [meeting.eventId, meeting.demandEnterpriseId, meeting.supplyEnterpriseId],
    );
    if (rows.length) {
      await m.query('UPDATE meetings SET recommendation_id = $2 WHERE id = $1', [meeting.id, rows[0].id]);
    }
  }
}
