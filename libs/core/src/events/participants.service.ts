import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Caller } from '../common/caller';
import { uniqueViolation } from '../common/db-errors';
import { badInput, conflict, notFound } from '../common/http-errors';
import { likePattern, offsetOf, Page, PageQuery } from '../common/page';
import { creditCodeError, normalizeCreditCode } from '../registry/identifiers/credit-code';
import { acceptsCheckIn, acceptsParticipants } from './event-rules';
import { EventScope } from './event-scope.service';
import { validateSlots } from './meeting-scheduler';
import { EventEntity } from './event.entity';
import {
  PARTICIPANT_ROLE_LABELS,
  ParticipantRole,
  EventParticipantEntity,
  TimeRange,
} from './event-participant.entity';

export interface ParticipantView {
  id: string;
  eventId: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  regionCode: string;
  role: ParticipantRole;
  roleLabel: string;
  member: boolean;
  unavailable: TimeRange[];
  checkedInAt: Date | null;
  createdAt: Date;
}

export interface ParticipantQuery extends PageQuery {
  role?: ParticipantRole;
  checkedIn?: boolean;
}

export interface BulkRegistration {
  registered: number;
  alreadyRegistered: number;
  unknown: string[];
  invalid: { creditCode: string; message: string }[];
}

const VIEW_SQL = `
  SELECT p.id, p.event_id, p.enterprise_id, en.name AS enterprise_name, en.credit_code, en.region_code, p.role,
         p.unavailable, p.checked_in_at, p.created_at,
         EXISTS (SELECT 1 FROM memberships ms WHERE ms.enterprise_id = p.enterprise_id
                   AND ms.association_id = ev.association_id AND ms.left_on IS NULL) AS member
    FROM event_participants p
    JOIN enterprises en ON en.id = p.enterprise_id
    JOIN events ev ON ev.id = p.event_id`;

const toView = (r: Record<string, unknown>): ParticipantView => ({
  id: r.id as string,
  eventId: r.event_id as string,
  enterpriseId: r.enterprise_id as string,
  enterpriseName: r.enterprise_name as string,
  creditCode: r.credit_code as string,
  regionCode: r.region_code as string,
  role: r.role as ParticipantRole,
  roleLabel: PARTICIPANT_ROLE_LABELS[r.role as ParticipantRole],
  member: r.member as boolean,
  unavailable: r.unavailable as TimeRange[],
  checkedInAt: r.checked_in_at as Date | null,
  createdAt: r.created_at as Date,
});

export const MAX_BULK_CODES = 5000;

/** Unavailable ranges use the scheduler's strict time format (with a zone), or scheduling could not read them. */
function assertRanges(ranges: TimeRange[] | undefined): void {
  const issues = validateSlots(ranges ?? []);
  if (issues.length)
    throw badInput(issues.map((i) => ({ field: `unavailable[${i.index}]`, message: i.message })));
}

/**
 * Registration and check-in of an event's participants. The organising association registers any enterprise,
 * member or not; enterprise users see only their own registration.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: EventScope,
    private readonly audit: AuditService,
  ) {}

  async register(
    caller: Caller,
    eventId: string,
    input: { enterpriseId: string; role: ParticipantRole; unavailable?: TimeRange[] },
  ): Promise<ParticipantView> {
    assertRanges(input.unavailable);
    const id = await this.db.transaction(async (m) => {
      const event = await this.scope.managed(caller, eventId, m);
      this.assertOpenForRegistration(event);
      const exists: unknown[] = await m.query('SELECT 1 FROM enterprises WHERE id = $1', [
        input.enterpriseId,
      ]);
      if (!exists.length)
        throw badInput([{ field: 'enterpriseId', message: '企业不存在 (no such enterprise)' }]);
      try {
        const saved = await m.save(
          m.create(EventParticipantEntity, {
            eventId,
            enterpriseId: input.enterpriseId,
            role: input.role,
            unavailable: input.unavailable ?? [],
            registeredBy: caller.userId,
          }),
        );
        await this.audit.record(m, caller, 'create', 'event_participant', saved.id, null, saved);
        return saved.id;
      } catch (error) {
        if (uniqueViolation(error))
          throw conflict('enterpriseId', '该企业已报名本活动 (already registered for this event)');
        throw error;
      }
    });
    return this.get(caller, eventId, id);
  }

  /** Registers the known credit codes in one statement; unknown and malformed codes are reported, not fatal. */
  async registerBulk(
    caller: Caller,
    eventId: string,
    creditCodes: string[],
    role: ParticipantRole,
  ): Promise<BulkRegistration> {
    const invalid: BulkRegistration['invalid'] = [];
    const codes = new Set<string>();
    for (const raw of creditCodes) {
      const code = normalizeCreditCode(raw);
      const error = creditCodeError(code);
      if (error) invalid.push({ creditCode: raw, message: error });
      else codes.add(code);
    }
    return this.db.transaction(async (m) => {
      const event = await this.scope.managed(caller, eventId, m);
      this.assertOpenForRegistration(event);
      const known: { id: string; credit_code: string }[] = await m.query(
        'SELECT id, credit_code FROM enterprises WHERE credit_code = ANY($1::char(18)[])',
        [[...codes]],
      );
      const knownCodes = new Set(known.map((k) => k.credit_code));
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO event_participants (event_id, enterprise_id, role, registered_by)
         SELECT $1, unnest($2::uuid[]), $3, $4
         ON CONFLICT ON CONSTRAINT uq_participants_event_enterprise DO NOTHING RETURNING id`,
        [eventId, known.map((k) => k.id), role, caller.userId],
      );
      await this.audit.record(m, caller, 'create', 'event_participant', null, null, {
        eventId,
        role,
        bulk: inserted.length,
      });
      return {
        registered: inserted.length,
        alreadyRegistered: known.length - inserted.length,
        unknown: [...codes].filter((c) => !knownCodes.has(c)),
        invalid,
      };
    });
  }

  async update(
    caller: Caller,
    eventId: string,
    participantId: string,
    patch: { role?: ParticipantRole; unavailable?: TimeRange[] },
  ): Promise<ParticipantView> {
    assertRanges(patch.unavailable);
    await this.db.transaction(async (m) => {
      const event = await this.scope.managed(caller, eventId, m);
      this.assertOpenForRegistration(event);
      const before = await m.findOne(EventParticipantEntity, { where: { id: participantId, eventId } });
      if (!before) throw notFound('participant');
      const after = await m.save(m.create(EventParticipantEntity, { ...before, ...patch }));
      await this.audit.record(m, caller, 'update', 'event_participant', participantId, before, after);
    });
    return this.get(caller, eventId, participantId);
  }

  /** Idempotent: a second check-in keeps the first time. */
  async checkIn(caller: Caller, eventId: string, participantId: string): Promise<ParticipantView> {
    await this.db.transaction(async (m) => {
      const event = await this.scope.managed(caller, eventId, m);
      if (!acceptsCheckIn(event.status))
        throw conflict(
          'status',
          `活动状态为 ${event.status}，不能签到 (check-in needs an open or held event)`,
        );
      const updated: [unknown[], number] = await m.query(
        `UPDATE event_participants SET checked_in_at = COALESCE(checked_in_at, now())
          WHERE id = $1 AND event_id = $2 RETURNING id`,
        [participantId, eventId],
      );
      if (!updated[1]) throw notFound('participant');
    });
    return this.get(caller, eventId, participantId);
  }

  async get(caller: Caller, eventId: string, participantId: string): Promise<ParticipantView> {
    await this.scope.visible(caller, eventId);
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SQL} WHERE p.event_id = $1 AND p.id = $2 AND ($3::uuid IS NULL OR p.enterprise_id = $3)`,
      [eventId, participantId, this.ownEnterprise(caller)],
    );
    if (!rows.length) throw notFound('participant');
    return toView(rows[0]);
  }

  async list(caller: Caller, eventId: string, query: ParticipantQuery): Promise<Page<ParticipantView>> {
    await this.scope.visible(caller, eventId);
    const where = ['p.event_id = $1', '($2::uuid IS NULL OR p.enterprise_id = $2)'];
    const params: unknown[] = [eventId, this.ownEnterprise(caller)];
    if (query.role) {
      params.push(query.role);
      where.push(`p.role = $${params.length}`);
    }
    if (query.checkedIn !== undefined) where.push(`p.checked_in_at IS ${query.checkedIn ? 'NOT ' : ''}NULL`);
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`(en.name ILIKE $${params.length} OR en.credit_code ILIKE $${params.length})`);
    }
    const whereSql = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM event_participants p JOIN enterprises en ON en.id = p.enterprise_id
        WHERE ${whereSql}`,
      params,
    );
    const rows: Record<string, unknown>[] = await this.db.query(
      `${VIEW_SQL} WHERE ${whereSql} ORDER BY en.name, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, offsetOf(query)],
    );
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Enterprise users see their own registration only. */
  private ownEnterprise(caller: Caller): string | null {
    return caller.role === 'enterprise_user' ? caller.enterpriseId : null;
  }

  private assertOpenForRegistration(event: EventEntity): void {
    if (!acceptsParticipants(event.status)) {
      throw conflict(
        'status',
        `活动状态为 ${event.status}，不能再报名 (the event no longer takes participants)`,
      );
    }
  }
}
