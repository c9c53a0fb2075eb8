import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller, isDepartment } from '../common/caller';
import { badInput, FieldError, notFound } from '../common/http-errors';
import { likePattern, offsetOf, Page, PageQuery } from '../common/page';
import { EventScope } from '../events/event-scope.service';
import { EventEntity } from '../events/event.entity';
import { regionName } from '../registry/identifiers/region-codes';
import { RegistryScope } from '../registry/registry-scope.service';
import { assertIntentMove, IntentMove, STAGE_DATE } from './intent-rules';
import { intentVisibility } from './intent-scope';
import { INTENT_STAGE_LABELS, IntentEntity, IntentStage } from './intent.entity';

export interface IntentInput {
  enterpriseId?: string;
  counterpartEnterpriseId?: string;
  counterpartName?: string;
  counterpartRegionCode?: string;
  eventId?: string;
  meetingId?: string;
  recommendationId?: string;
  clusterId?: string;
  title: string;
  amountWan?: number;
  currency?: string;
  reachedOn?: string;
}

export interface IntentQuery extends PageQuery {
  stage?: IntentStage;
  eventId?: string;
  clusterId?: string;
  enterpriseId?: string;
  from?: string;
  to?: string;
}

export interface IntentTransitionInput {
  to: IntentMove;
  on: string;
  note?: string;
}

export interface IntentHistoryEntry {
  stage: IntentStage;
  stageLabel: string;
  on: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

export interface IntentView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  counterpartEnterpriseId: string | null;
  counterpartName: string;
  counterpartRegionCode: string | null;
  counterpartRegionName: string | null;
  eventId: string | null;
  eventTitle: string | null;
  meetingId: string | null;
  recommendationId: string | null;
  clusterId: string | null;
  clusterName: string | null;
  title: string;
  amountWan: number | null;
  currency: string;
  stage: IntentStage;
  stageLabel: string;
  reachedOn: string;
  signedOn: string | null;
  landedOn: string | null;
  droppedOn: string | null;
  createdAt: Date;
  history?: IntentHistoryEntry[];
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const VIEW_SQL = `
  SELECT i.id, i.enterprise_id, en.name AS enterprise_name, i.counterpart_enterprise_id,
         COALESCE(ce.name, i.counterpart_name) AS counterpart_name,
         COALESCE(ce.region_code, i.counterpart_region_code) AS counterpart_region_code,
         i.event_id, ev.title AS event_title, i.meeting_id, i.recommendation_id, i.cluster_id, cl.name AS cluster_name,
         i.title, i.amount_wan::float8 AS amount_wan, i.currency, i.stage, ${day('i.reached_on')} AS reached_on,
         ${day('i.signed_on')} AS signed_on, ${day('i.landed_on')} AS landed_on, ${day('i.dropped_on')} AS dropped_on,
         i.created_at
    FROM intents i
    JOIN enterprises en ON en.id = i.enterprise_id
    LEFT JOIN enterprises ce ON ce.id = i.counterpart_enterprise_id
    LEFT JOIN events ev ON ev.id = i.event_id
    LEFT JOIN clusters cl ON cl.id = i.cluster_id`;

const toView = (r: Record<string, unknown>): IntentView => ({
  id: r.id as string,
  enterpriseId: r.enterprise_id as string,
  enterpriseName: r.enterprise_name as string,
  counterpartEnterpriseId: r.counterpart_enterprise_id as string | null,
  counterpartName: r.counterpart_name as string,
  counterpartRegionCode: (r.counterpart_region_code as string | null) ?? null,
  counterpartRegionName: r.counterpart_region_code ? regionName(r.counterpart_region_code as string) : null,
  eventId: r.event_id as string | null,
  eventTitle: r.event_title as string | null,
  meetingId: r.meeting_id as string | null,
  recommendationId: r.recommendation_id as string | null,
  clusterId: r.cluster_id as string | null,
  clusterName: r.cluster_name as string | null,
  title: r.title as string,
  amountWan: r.amount_wan as number | null,
  currency: r.currency as string,
  stage: r.stage as IntentStage,
  stageLabel: INTENT_STAGE_LABELS[r.stage as IntentStage],
  reachedOn: r.reached_on as string,
  signedOn: r.signed_on as string | null,
  landedOn: r.landed_on as string | null,
  droppedOn: r.dropped_on as string | null,
  createdAt: r.created_at as Date,
});

/** Cooperation intents (合作意向) and their stages 意向 → 签约 → 落地 (or dropped), each with its date and recorder. */
@Injectable()
export class IntentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly registry: RegistryScope,
    private readonly events: EventScope,
  ) {}

  async create(caller: Caller, input: IntentInput): Promise<IntentView> {
    const id = await this.db.transaction(async (m) => {
      const resolved = await this.resolve(m, caller, input);
      const saved = await m.save(
        m.create(IntentEntity, {
          ...resolved,
          counterpartEnterpriseId: input.counterpartEnterpriseId ?? null,
          counterpartName: input.counterpartEnterpriseId ? null : input.counterpartName!.trim(),
          counterpartRegionCode: input.counterpartEnterpriseId ? null : (input.counterpartRegionCode ?? null),
          clusterId: input.clusterId ?? null,
          title: input.title,
          amountWan: input.amountWan ?? null,
          currency: input.currency ?? 'CNY',
          stage: 'intent',
          createdBy: caller.userId,
        }),
      );
      await this.markOrigins(m, saved);
      await this.audit.record(m, caller, 'create', 'intent', saved.id, null, saved);
      return saved.id;
    });
    return this.get(caller, id);
  }

  /** One transition at a time per intent: the row lock makes concurrent moves queue, and the later one sees a 409. */
  async transition(caller: Caller, id: string, move: IntentTransitionInput): Promise<IntentView> {
    await this.db.transaction(async (m) => {
      await this.assertVisible(m, caller, id);
      const before = await m.findOne(IntentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('intent');
      assertIntentMove(before.stage, move.to);
      const previous = before[STAGE_DATE[before.stage]]!;
      const errors: FieldError[] = [];
      if (move.on > chinaToday())
        errors.push({ field: 'on', message: '日期不能晚于今天 (on is in the future)' });
      if (move.on < previous)
        errors.push({
          field: 'on',
          message: `日期不能早于上一阶段 ${previous} (on is before the previous stage)`,
        });
      if (errors.length) throw badInput(errors);
      const after = await m.save(
        m.create(IntentEntity, { ...before, stage: move.to, [STAGE_DATE[move.to]]: move.on }),
      );
      await m.query(
        `INSERT INTO intent_transitions (intent_id, from_stage, to_stage, on_date, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, before.stage, move.to, move.on, move.note ?? null, caller.userId],
      );
      await this.audit.record(m, caller, 'transition', 'intent', id, before, after);
    });
    return this.get(caller, id);
  }

  async get(caller: Caller, id: string): Promise<IntentView> {
    await this.assertVisible(this.db.manager, caller, id);
    const rows: Record<string, unknown>[] = await this.db.query(`${VIEW_SQL} WHERE i.id = $1`, [id]);
    const view = toView(rows[0]);
    const steps: Record<string, unknown>[] = await this.db.query(
      `SELECT to_stage, ${day('on_date')} AS on_date, note, recorded_by, recorded_at FROM intent_transitions
        WHERE intent_id = $1 ORDER BY recorded_at, id`,
      [id],
    );
    const [created]: { created_by: string | null }[] = await this.db.query(
      'SELECT created_by FROM intents WHERE id = $1',
      [id],
    );
    view.history = [
      {
        stage: 'intent',
        stageLabel: INTENT_STAGE_LABELS.intent,
        on: view.reachedOn,
        note: null,
        recordedBy: created.created_by,
        recordedAt: view.createdAt,
      },
      ...steps.map((s) => ({
        stage: s.to_stage as IntentStage,
        stageLabel: INTENT_STAGE_LABELS[s.to_stage as IntentStage],
        on: s.on_date as string,
        note: s.note as string | null,
        recordedBy: s.recorded_by as string | null,
        recordedAt: s.recorded_at as Date,
      })),
    ];
    return view;
  }

  async list(caller: Caller, query: IntentQuery): Promise<Page<IntentView>> {
    const vis = intentVisibility(caller, 'i', 1);
    const where = [vis.sql];
    const params: unknown[] = [...vis.params];
    const add = (sql: (p: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add((p) => `i.stage = ${p}`, query.stage);
    add((p) => `i.event_id = ${p}`, query.eventId);
    add((p) => `i.cluster_id = ${p}`, query.clusterId);
    add((p) => `${p} IN (i.enterprise_id, i.counterpart_enterprise_id)`, query.enterpriseId);
    add((p) => `i.reached_on >= ${p}`, query.from);
    add((p) => `i.reached_on <= ${p}`, query.to);
    if (query.q)
      add(
        (p) =>
          `(i.title ILIKE ${p} OR en.name ILIKE ${p} OR COALESCE(ce.name, i.counterpart_name) ILIKE ${p})`,
        likePattern(query.q),
      );
    const whereSql = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM intents i JOIN enterprises en ON en.id = i.enterprise_id
         LEFT JOIN enterprises ce ON ce.id = i.counterpart_enterprise_id WHERE ${whereSql}`,
      params,
    );
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SQL} WHERE ${whereSql} ORDER BY i.reached_on DESC, i.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, offsetOf(query)],
    );
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  private async assertVisible(m: EntityManager, caller: Caller, id: string): Promise<void> {
    const vis = intentVisibility(caller, 'i', 2);
    const rows: unknown[] = await m.query(`SELECT 1 FROM intents i WHERE i.id = $1 AND ${vis.sql}`, [
      id,
      ...vis.params,
    ]);
    if (!rows.length) throw notFound('intent');
  }

  /**
   * Checks who may record the intent and that every link is consistent: the enterprise is the caller's own,
   * a member, or took part in the caller's event; the meeting, recommendation and event involve the parties.
   */
  private async resolve(
    m: EntityManager,
    caller: Caller,
    input: IntentInput,
  ): Promise<{
    enterpriseId: string;
    eventId: string | null;
    meetingId: string | null;
    recommendationId: string | null;
    reachedOn: string;
  }> {
    const errors: FieldError[] = [];
    const fail = (field: string, message: string) => errors.push({ field, message });
    let enterpriseId = input.enterpriseId;
    if (caller.role === 'enterprise_user') {
      if (enterpriseId && enterpriseId !== caller.enterpriseId)
        throw badInput([{ field: 'enterpriseId', message: '只能为本企业登记 (your own enterprise only)' }]);
      enterpriseId = caller.enterpriseId!;
    }
    if (!enterpriseId)
      throw badInput([{ field: 'enterpriseId', message: '请指定企业 (enterpriseId is required)' }]);
    if (!!input.counterpartEnterpriseId === !!input.counterpartName?.trim())
      fail(
        'counterpartEnterpriseId',
        '请填写对方企业或对方名称之一 (give counterpartEnterpriseId or counterpartName)',
      );
    if (input.counterpartEnterpriseId === enterpriseId)
      fail('counterpartEnterpriseId', '对方不能是本企业 (the counterpart is another enterprise)');
    const one = async (sql: string, params: unknown[]) =>
      ((await m.query(sql, params)) as Record<string, string | null>[])[0] ?? null;
    if (!(await one('SELECT id FROM enterprises WHERE id = $1', [enterpriseId])))
      fail('enterpriseId', '企业不存在 (no such enterprise)');
    if (
      input.counterpartEnterpriseId &&
      !(await one('SELECT id FROM enterprises WHERE id = $1', [input.counterpartEnterpriseId]))
    )
      fail('counterpartEnterpriseId', '对方企业不存在 (no such enterprise)');
    if (input.clusterId && !(await one('SELECT id FROM clusters WHERE id = $1', [input.clusterId])))
      fail('clusterId', '集群不存在 (no such cluster)');
    const parties = [enterpriseId, input.counterpartEnterpriseId].filter(Boolean) as string[];

    let eventId = input.eventId ?? null;
    if (input.meetingId) {
      const meeting = await one(
        'SELECT event_id, demand_enterprise_id, supply_enterprise_id FROM meetings WHERE id = $1',
        [input.meetingId],
      );
      if (!meeting) fail('meetingId', '洽谈不存在 (no such meeting)');
      else if (eventId && meeting.event_id !== eventId)
        fail('meetingId', '洽谈不属于该活动 (the meeting is of another event)');
      else if (
        !parties.every((p) => [meeting.demand_enterprise_id, meeting.supply_enterprise_id].includes(p))
      )
        fail('meetingId', '洽谈双方与意向双方不符 (the meeting is between other enterprises)');
      else eventId = meeting.event_id;
    }
    if (input.recommendationId) {
      const rec = await one(
        'SELECT demand_enterprise_id, supply_enterprise_id FROM recommendations WHERE id = $1',
        [input.recommendationId],
      );
      if (!rec) fail('recommendationId', '推荐不存在 (no such recommendation)');
      else if (!parties.every((p) => [rec.demand_enterprise_id, rec.supply_enterprise_id].includes(p)))
        fail('recommendationId', '推荐双方与意向双方不符 (the recommendation is between other enterprises)');
    }
    let eventManaged = false;
    if (eventId) {
      const event = await m.findOne(EventEntity, { where: { id: eventId } });
      const participant = await one(
        'SELECT id FROM event_participants WHERE event_id = $1 AND enterprise_id = $2',
        [eventId, enterpriseId],
      );
      if (!event) fail('eventId', '活动不存在 (no such event)');
      else if (!participant)
        fail('eventId', '该企业未参加此活动 (the enterprise did not take part in this event)');
      else eventManaged = this.events.canManage(caller, event);
    }
    const reachedOn = input.reachedOn ?? chinaToday();
    if (reachedOn > chinaToday()) fail('reachedOn', '日期不能晚于今天 (reachedOn is in the future)');
    if (errors.length) throw badInput(errors);

    if (
      caller.role === 'association_staff' &&
      !eventManaged &&
      !(await this.registry.isMember(caller.associationId!, enterpriseId))
    )
      throw badInput([
        {
          field: 'enterpriseId',
          message: '企业不是本协会会员，也未参加本协会活动 (not your member nor at your event)',
        },
      ]);
    if (!isDepartment(caller) && caller.role !== 'association_staff' && caller.role !== 'enterprise_user')
      throw notFound('intent');
    return {
      enterpriseId,
      eventId,
      meetingId: input.meetingId ?? null,
      recommendationId: input.recommendationId ?? null,
      reachedOn,
    };
  }

  /** An intent reached from a recommendation or a meeting moves them to `intent`. */
  private async markOrigins(m: EntityManager, intent: IntentEntity): Promise<void> {
    if (intent.recommendationId)
      await m.query(`UPDATE recommendations SET status = 'intent', updated_at = now() WHERE id = $1`, [
        intent.recommendationId,
      ]);
    if (intent.meetingId)
      await m.query(
        `UPDATE meetings SET status = 'intent', updated_at = now() WHERE id = $1 AND status IN ('scheduled','confirmed','held')`,
        [intent.meetingId],
      );
  }
}
